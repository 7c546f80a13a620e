//! Conversion between byte offsets (used inside the pipeline) and character offsets (used in
//! the newsgraph/1 output).

/// Maps byte offsets of one text to character (Unicode scalar value) offsets and back.
///
/// Built once per document in O(n). For pure-ASCII text both directions are the identity
/// and cost nothing; otherwise a lookup is a binary search over the non-ASCII characters.
#[derive(Debug, Clone, Default)]
pub struct CharMap {
    /// For each non-ASCII character: (byte offset, char offset, byte width).
    points: Vec<(usize, usize, usize)>,
    len_bytes: usize,
    len_chars: usize,
}

impl CharMap {
    pub fn new(text: &str) -> Self {
        let mut points = Vec::new();
        let mut chars = text.len();
        if !text.is_ascii() {
            chars = 0;
            for (b, c) in text.char_indices() {
                if !c.is_ascii() {
                    points.push((b, chars, c.len_utf8()));
                }
                chars += 1;
            }
        }
        CharMap {
            points,
            len_bytes: text.len(),
            len_chars: chars,
        }
    }

    /// Character offset of byte offset `b`. An offset inside a multi-byte character maps to
    /// that character; offsets past the end map to the length in characters.
    pub fn char_of(&self, b: usize) -> usize {
        if b >= self.len_bytes {
            return self.len_chars;
        }
        if self.points.is_empty() {
            return b;
        }
        // Last non-ASCII char starting at or before b.
        let i = self.points.partition_point(|p| p.0 <= b);
        if i == 0 {
            return b;
        }
        let (pb, pc, w) = self.points[i - 1];
        if b < pb + w {
            pc
        } else {
            pc + 1 + (b - pb - w)
        }
    }

    /// Byte offset of character offset `c`.
    pub fn byte_of(&self, c: usize) -> usize {
        if c >= self.len_chars {
            return self.len_bytes;
        }
        if self.points.is_empty() {
            return c;
        }
        let i = self.points.partition_point(|p| p.1 <= c);
        if i == 0 {
            return c;
        }
        let (pb, pc, w) = self.points[i - 1];
        if c == pc {
            pb
        } else {
            pb + w + (c - pc - 1)
        }
    }

    pub fn len_chars(&self) -> usize {
        self.len_chars
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_on_mixed_text() {
        let text = "Kim’s “train” — 5 € and naïve 日本 end";
        let map = CharMap::new(text);
        for (ci, (b, _)) in text.char_indices().enumerate() {
            assert_eq!(map.char_of(b), ci, "byte {b}");
            assert_eq!(map.byte_of(ci), b, "char {ci}");
        }
        assert_eq!(map.char_of(text.len()), text.chars().count());
        assert_eq!(map.byte_of(text.chars().count()), text.len());
    }

    #[test]
    fn ascii_is_identity() {
        let map = CharMap::new("plain ascii");
        assert_eq!(map.char_of(6), 6);
        assert_eq!(map.byte_of(6), 6);
    }
}
