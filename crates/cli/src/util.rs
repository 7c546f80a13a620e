//! Shared helpers of the command-line interface: exit codes and error kinds.

use std::fmt;

/// An error in the user's input or invocation (bad file, bad date, bad flag value): exit
/// code 2. Every other error exits with 1.
#[derive(Debug)]
pub struct InputError(pub String);

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for InputError {}

/// Builds an [`InputError`] wrapped in `anyhow::Error`.
pub fn input_error(msg: impl Into<String>) -> anyhow::Error {
    anyhow::Error::new(InputError(msg.into()))
}

/// True when the error chain contains an [`InputError`] (or a reading error).
pub fn is_input_error(e: &anyhow::Error) -> bool {
    e.chain().any(|c| c.is::<InputError>() || c.is::<newsgraph_read::ReadError>())
}
