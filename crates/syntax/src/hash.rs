//! Feature hashing: fast, deterministic 64-bit mixing of template ids, strings and integers,
//! and an identity hasher for maps keyed by already-hashed features.

use std::hash::{BuildHasherDefault, Hasher};

const K: u64 = 0x517c_c1b7_2722_0a95;

/// Mixes one 64-bit value into a running hash.
#[inline(always)]
pub fn mix(h: u64, x: u64) -> u64 {
    (h.rotate_left(5) ^ x).wrapping_mul(K)
}

/// Hashes a byte string.
#[inline]
pub fn hash_bytes(b: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ b.len() as u64;
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let mut a = [0u8; 8];
        a.copy_from_slice(c);
        h = mix(h, u64::from_le_bytes(a));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut a = [0u8; 8];
        a[..rest.len()].copy_from_slice(rest);
        h = mix(h, u64::from_le_bytes(a));
    }
    finish(h)
}

/// Hashes a string.
#[inline]
pub fn hash_str(s: &str) -> u64 {
    hash_bytes(s.as_bytes())
}

/// Final avalanche step so that all bits depend on all input bits.
#[inline(always)]
pub fn finish(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h
}

/// A feature key from a template id and up to three values.
#[inline(always)]
pub fn f1(t: u64, a: u64) -> u64 {
    finish(mix(mix(0x9e37_79b9, t), a))
}
#[inline(always)]
pub fn f2(t: u64, a: u64, b: u64) -> u64 {
    finish(mix(mix(mix(0x9e37_79b9, t), a), b))
}
#[inline(always)]
pub fn f3(t: u64, a: u64, b: u64, c: u64) -> u64 {
    finish(mix(mix(mix(mix(0x9e37_79b9, t), a), b), c))
}

/// Identity hasher for `u64` keys that are already well mixed.
#[derive(Default, Clone, Copy)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = mix(self.0, b as u64);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

pub type IdBuild = BuildHasherDefault<IdHasher>;
pub type IdMap<V> = std::collections::HashMap<u64, V, IdBuild>;
