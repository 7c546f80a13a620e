//! `newsgraph serve`: the HTTP API and web page over a corpus database.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  newsgraph ingest --db news.db articles.jsonl\n  \
                        newsgraph serve --db news.db\n  \
                        then open http://127.0.0.1:8080/ (the API is under /api, described at /api/openapi.json)"
)]
pub struct Args {
    /// Corpus database made by `newsgraph ingest` (opened read-only).
    #[arg(long, value_name = "FILE", default_value = "newsgraph.db")]
    pub db: PathBuf,
    /// Address to listen on. Loopback only by default; any other address exposes the corpus
    /// to the network and prints a warning.
    #[arg(long, value_name = "IP:PORT", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Seconds after which a request is answered with 503.
    #[arg(long, value_name = "SECONDS", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub timeout: u64,
}

pub fn run(a: Args) -> anyhow::Result<()> {
    if !a.addr.ip().is_loopback() {
        eprintln!(
            "newsgraph: warning: listening on {} — not a loopback address: anyone who can reach this \
             machine can read the corpus and use the analyser (there is no authentication)",
            a.addr
        );
    }
    let mut config = newsgraph_server::Config::new(&a.db);
    config.request_timeout = Duration::from_secs(a.timeout);
    let db = a.db.display().to_string();
    newsgraph_server::run(&config, a.addr, |bound| {
        eprintln!("newsgraph: serving {db} at http://{bound}/ (API: http://{bound}/api/openapi.json); Ctrl-C stops");
    })
    .map_err(|e| {
        if e.is_user_error() {
            crate::util::input_error(e.to_string())
        } else {
            anyhow::Error::new(e)
        }
    })
}
