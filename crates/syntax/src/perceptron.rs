//! Averaged multi-class perceptron over hashed features.
//!
//! Training keeps dense rows (one `f32` per class) per feature; [`Trainer::finish`] averages,
//! prunes near-zero weights and quantises the rest to `i16` in a sparse [`Model`].
//!
//! At run time scoring dominates (a hundred-odd feature lookups per decision, tens of
//! megabytes of weights read at random), so a [`Model`] keeps its weights in a layout built
//! at load time: a hash table of 64-byte buckets of four 16-byte slots (31-bit fingerprint,
//! up to four (class, weight) pairs inline), padded 8-pair rows for features with five to
//! eight weights and dense rows (added with AVX-512 or AVX2 where the CPU has it) for the
//! frequent features with more. Scores are summed by class *rank* (classes by how many dense
//! rows weight them), and a dense row is stored only up to the cache line of its last
//! non-zero weight: the frequent features' weights concentrate on a subset of the classes,
//! so rows are about 2.7 lines instead of 4 for the parser. Inline weights are added only for
//! slots that hold them (misses and spilled rows, nine lookups in ten, skip the four
//! additions), and unused inline pairs add zero to one of four scratch classes (one per pair
//! position) rather than all to one, which would chain the additions through one memory
//! cell. The big tables are allocated with a huge-page hint (Linux). Lookups prefetch every
//! home bucket first and select slots without data-dependent branches; the sums are exactly
//! those of the sparse model.
//!
//! A feature is identified by the top [`KEY_BITS`] = 40 bits of its 64-bit hash (the run-time
//! table reads no other bits; a query whose top 40 bits match a stored feature it is not
//! happens about once in 10^6 lookups, features of a model whose top 40 bits coincide are
//! merged, their weights summed).
//!
//! ## Binary format of a [`Model`] (little-endian)
//! ```text
//! magic  b"NGPM" , version u32 = 2
//! nclass u32, nfeat u32, scale f32 (weight = q * scale)
//! rice parameters: key gap u8, count u8, class gap u8, weight u8
//! nbytes u32, then nbytes of bits (least significant bit of each byte first):
//!   nfeat times, features in ascending order of their 40-bit keys:
//!     key - previous key - 1 (the first: key)   Rice code
//!     n - 1 (n: non-zero classes, 1..=255)      Rice code
//!     n times, classes ascending:
//!       class - previous class - 1 (the first: class)  Rice code
//!       weight q (i16, never 0): sign bit, |q| - 1     Rice code
//! ```
//! A Rice code with parameter k of v is v >> k in unary (that many 1 bits, then a 0) and the
//! low k bits of v. Sorted 40-bit keys take about 23 bits this way instead of 64, a weight
//! with its class about 17 bits instead of 24: files about half the size of version 1
//! (`nfeat` times: key u64, n u8, n times class u8, q i16), which still loads.

use crate::hash::{IdBuild, IdMap};

/// A perceptron under training.
pub struct Trainer {
    pub nclass: usize,
    index: IdMap<u32>,
    w: Vec<f32>,
    u: Vec<f32>,
    /// How many instances each feature was seen in a gold update (for pruning rare features).
    count: Vec<u32>,
    c: f32,
    /// Features left out of the finished model (e.g. training-only domain copies).
    pub skip: IdMap<()>,
}

impl Trainer {
    pub fn new(nclass: usize) -> Self {
        assert!(nclass < 255);
        Trainer {
            nclass,
            index: IdMap::with_hasher(IdBuild::default()),
            w: Vec::new(),
            u: Vec::new(),
            count: Vec::new(),
            c: 1.0,
            skip: IdMap::with_hasher(IdBuild::default()),
        }
    }

    /// Adds the current weights of `feats` into `scores` (length `nclass`).
    pub fn score(&self, feats: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        let n = self.nclass;
        for f in feats {
            if let Some(&r) = self.index.get(f) {
                let row = &self.w[r as usize * n..(r as usize + 1) * n];
                for (s, w) in scores.iter_mut().zip(row) {
                    *s += *w;
                }
            }
        }
    }

    fn row(&mut self, f: u64) -> usize {
        let n = self.nclass;
        let next = self.count.len() as u32;
        let r = *self.index.entry(f).or_insert(next);
        if r == next {
            self.w.extend(std::iter::repeat(0.0).take(n));
            self.u.extend(std::iter::repeat(0.0).take(n));
            self.count.push(0);
        }
        r as usize
    }

    /// Moves weight from `guess` to `truth` for every feature (by `amount`).
    pub fn update(&mut self, feats: &[u64], truth: usize, guess: usize, amount: f32) {
        if truth == guess {
            return;
        }
        let n = self.nclass;
        let c = self.c;
        for &f in feats {
            let r = self.row(f);
            self.count[r] += 1;
            self.w[r * n + truth] += amount;
            self.u[r * n + truth] += c * amount;
            self.w[r * n + guess] -= amount;
            self.u[r * n + guess] -= c * amount;
        }
    }

    /// Advances the instance counter (once per training instance).
    pub fn tick(&mut self) {
        self.c += 1.0;
    }

    pub fn nfeat(&self) -> usize {
        self.count.len()
    }

    /// Adds `share` times this perceptron's averaged weights into `acc`, an accumulator that
    /// is never updated or ticked (its finished weights are then the sums added): a
    /// weight-averaged ensemble of perceptrons trained with different seeds. A feature's
    /// update count in `acc` is the largest of the members'.
    pub fn add_average_to(&self, acc: &mut Trainer, share: f32) {
        assert_eq!(self.nclass, acc.nclass);
        let n = self.nclass;
        let mut keys: Vec<(u64, u32)> = self.index.iter().map(|(k, v)| (*k, *v)).collect();
        keys.sort_unstable();
        for (key, r) in keys {
            let r = r as usize;
            let a = acc.row(key);
            acc.count[a] = acc.count[a].max(self.count[r]);
            for k in 0..n {
                acc.w[a * n + k] += share * (self.w[r * n + k] - self.u[r * n + k] / self.c);
            }
        }
    }

    /// Averages, prunes (features updated fewer than `min_count` times; weights whose
    /// magnitude is below `min_weight` times the largest) and quantises.
    pub fn finish(&self, min_count: u32, min_weight: f32) -> Model {
        let n = self.nclass;
        let avg = |r: usize, k: usize| self.w[r * n + k] - self.u[r * n + k] / self.c;
        let mut maxw = 0f32;
        for r in 0..self.count.len() {
            for k in 0..n {
                maxw = maxw.max(avg(r, k).abs());
            }
        }
        let scale = if maxw > 0.0 { maxw / 32767.0 } else { 1.0 };
        let thr = maxw * min_weight;
        let mut keys: Vec<(u64, u32)> = self.index.iter().map(|(k, v)| (*k, *v)).collect();
        keys.sort_unstable();
        let mut m = Model::empty(n, scale);
        let mut w = Vec::new();
        for (key, r) in keys {
            let r = r as usize;
            if self.count[r] < min_count || self.skip.contains_key(&key) {
                continue;
            }
            w.clear();
            for k in 0..n {
                let a = avg(r, k);
                if a.abs() >= thr && a != 0.0 {
                    let q = (a / scale).round().clamp(-32767.0, 32767.0) as i16;
                    if q != 0 {
                        w.push((k as u8, q));
                    }
                }
            }
            m.push(key, &w);
        }
        m.build();
        m
    }
}

#[inline(always)]
fn prefetch<T>(p: &T) {
    #[cfg(target_arch = "x86_64")]
    #[allow(unused_unsafe)]
    unsafe {
        std::arch::x86_64::_mm_prefetch(p as *const T as *const i8, std::arch::x86_64::_MM_HINT_T0);
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

/// Weights a slot of the run-time table holds inline.
const INLINE: usize = 4;
/// Features with more weights than [`INLINE`] and at most this many get a padded sparse row
/// ([`Mid`]); features with more get a dense row ([`Line`]s of `i16` weights by class rank).
const MID: usize = 8;
/// The class of unused or spilled pairs: scores go to a scratch class never predicted (a
/// model has at most 255 classes, 0..=254).
const NOCLASS: u8 = 0xFF;
/// Fingerprint bits of [`Slot::fp`]; the top bit of a bucket's slot k marks that some key
/// whose home is this bucket and whose fingerprint is k modulo 4 lies in a later bucket (so
/// most misses in a full bucket need not probe further).
const FP_MASK: u32 = 0x7fff_ffff;
const OVERFLOW: u32 = 0x8000_0000;

/// One slot of the run-time table (16 bytes): a 31-bit fingerprint of the feature key (0 =
/// empty) and up to four (class, weight) pairs inline, unused pairs being (NOCLASS, 0). A
/// feature with more weights has all classes NOCLASS and `q = [row lo, row hi, kind, 1]`
/// (the final 1 marks the spill): kind 0 for row `row` of `mid`, kind k in 1..=8 for the k
/// lines of `dense` from line `row`. Classes are stored as ranks (see [`Model::rank`]). Most
/// features have at most four non-zero weights, so a lookup usually costs one cache miss.
#[derive(Clone, Copy)]
#[repr(C, align(16))]
struct Slot {
    fp: u32,
    cls: [u8; INLINE],
    q: [i16; INLINE],
}

const EMPTY: Slot = Slot {
    fp: 0,
    cls: [NOCLASS; INLINE],
    q: [0; INLINE],
};

/// Four slots: one cache line.
#[derive(Clone, Copy)]
#[repr(C, align(64))]
struct Bucket([Slot; 4]);

const EMPTY_BUCKET: Bucket = Bucket([EMPTY; 4]);

/// A sparse row of up to [`MID`] weights, padded with (NOCLASS, 0).
#[derive(Clone, Copy)]
#[repr(C, align(16))]
struct Mid {
    cls: [u8; MID],
    q: [i16; MID],
}

/// Which of four slots matches a 4-bit match mask (0 for none; the caller masks the result).
const FIRST: [usize; 16] = [0, 0, 1, 0, 2, 0, 1, 0, 3, 0, 1, 0, 2, 0, 1, 0];

/// 32 weights of a dense row (one cache line): the weights of classes of rank 32 l to
/// 32 l + 31 in the row's line l.
#[derive(Clone, Copy)]
#[repr(C, align(64))]
struct Line([i16; 32]);

/// Bits of a feature hash that identify a feature (the top ones).
pub const KEY_BITS: u32 = 40;
const KEY_SHIFT: u32 = 64 - KEY_BITS;

/// Fingerprint (bits 33-63, never 0) and home bucket of a feature key. The home comes from
/// bits 24-55 rotated so that bits 24-32 lead, by multiply-shift range reduction (the table
/// needs no power-of-two size): with 512 buckets or more, the home's leading bits and the
/// fingerprint together cover all [`KEY_BITS`] bits of the key, and no bit below them is read.
#[inline(always)]
fn split_key(key: u64, nbuckets: usize) -> (u32, usize) {
    let fp = ((key >> 33) as u32).max(1);
    let x = ((key >> KEY_SHIFT) as u32).rotate_left(23);
    let home = ((x as u64 * nbuckets as u64) >> 32) as usize;
    (fp, home)
}

/// Writes Rice codes, least significant bit first.
struct BitWriter {
    out: Vec<u8>,
    acc: u64,
    n: u32,
}

impl BitWriter {
    fn bits(&mut self, v: u64, k: u32) {
        debug_assert!(k <= 56);
        let v = if k == 0 {
            0
        } else {
            v & (u64::MAX >> (64 - k))
        };
        self.acc |= v << self.n;
        self.n += k;
        while self.n >= 8 {
            self.out.push(self.acc as u8);
            self.acc >>= 8;
            self.n -= 8;
        }
    }
    fn rice(&mut self, v: u64, k: u32) {
        let mut q = v >> k;
        while q > 0 {
            let m = q.min(32);
            self.bits(u64::MAX >> (64 - m), m as u32);
            q -= m;
        }
        self.bits(0, 1);
        self.bits(v, k);
    }
    fn finish(mut self) -> Vec<u8> {
        if self.n > 0 {
            self.out.push(self.acc as u8);
        }
        self.out
    }
}

/// Reads what [`BitWriter`] wrote; `None` past the end.
struct BitReader<'a> {
    b: &'a [u8],
    pos: usize,
    acc: u64,
    n: u32,
}

impl BitReader<'_> {
    #[inline]
    fn fill(&mut self) {
        if self.n <= 56 && self.pos + 8 <= self.b.len() {
            let w = u64::from_le_bytes(self.b[self.pos..self.pos + 8].try_into().unwrap());
            // Whole bytes up to 63 bits (the bits above `n` stay zero).
            let take = (63 - self.n) / 8;
            let n = self.n + take * 8;
            self.acc |= (w << self.n) & ((1u64 << n) - 1);
            self.pos += take as usize;
            self.n = n;
            return;
        }
        while self.n <= 56 && self.pos < self.b.len() {
            self.acc |= (self.b[self.pos] as u64) << self.n;
            self.pos += 1;
            self.n += 8;
        }
    }
    #[inline]
    fn bits(&mut self, k: u32) -> Option<u64> {
        if k == 0 {
            return Some(0);
        }
        self.fill();
        if self.n < k {
            return None;
        }
        let v = self.acc & (u64::MAX >> (64 - k));
        self.acc >>= k;
        self.n -= k;
        Some(v)
    }
    #[inline]
    fn rice(&mut self, k: u32) -> Option<u64> {
        let mut q = 0u64;
        loop {
            self.fill();
            if self.n == 0 {
                return None;
            }
            let ones = (!self.acc).trailing_zeros().min(self.n);
            q += ones as u64;
            if ones < self.n {
                // The ones and the terminating 0 (up to 64 bits: no plain shift).
                self.acc = self.acc.checked_shr(ones + 1).unwrap_or(0);
                self.n -= ones + 1;
                break;
            }
            self.acc = 0;
            self.n = 0;
            if q > 1 << 40 {
                return None;
            }
        }
        Some(q << k | self.bits(k)?)
    }
}

/// The Rice parameter that codes `values` in the fewest bits.
fn best_rice(values: impl Iterator<Item = u64> + Clone) -> u32 {
    (0..48u32)
        .min_by_key(|&k| values.clone().map(|v| (v >> k) + 1 + k as u64).sum::<u64>())
        .unwrap_or(0)
}

/// Adds the dense rows `rows` (each `line << 3 | (lines - 1)`, see [`Slot`]) of `dense` to
/// `acc` (indexed by class rank), with AVX-512 or AVX2 where the CPU has it (detected at run
/// time; for AVX2 the same loop, vectorised 16 weights at a time).
#[inline]
fn add_dense_rows(dense: &[Line], rows: &[u32], acc: &mut [i32; 256]) {
    #[cfg(target_arch = "x86_64")]
    {
        if std::arch::is_x86_feature_detected!("avx512f") {
            // SAFETY: the CPU supports AVX-512F (checked just above).
            unsafe { add_dense_rows_avx512(dense, rows, acc) };
            return;
        }
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU supports AVX2 (checked just above); the function body is safe
            // Rust.
            unsafe { add_dense_rows_avx2(dense, rows, acc) };
            return;
        }
    }
    add_dense_rows_plain(dense, rows, acc);
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn add_dense_rows_avx2(dense: &[Line], rows: &[u32], acc: &mut [i32; 256]) {
    add_dense_rows_plain(dense, rows, acc);
}

/// [`add_dense_rows`] with AVX-512: the sums of the first four lines (ranks 0 to 127) stay
/// in eight vector registers across all rows (every row adds four lines, those past its end
/// read from a line of zeros, so there is no branch on the row length); lines past the
/// fourth are added as in [`add_dense_rows_plain`].
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f")]
unsafe fn add_dense_rows_avx512(dense: &[Line], rows: &[u32], acc: &mut [i32; 256]) {
    use std::arch::x86_64::*;
    static ZERO: Line = Line([0; 32]);
    let mut a = [_mm512_setzero_si512(); 8];
    for &r in rows {
        let start = (r >> 3) as usize;
        let n = (r & 7) as usize + 1;
        let Some(lines) = dense.get(start..start + n) else {
            continue;
        };
        let line = |l: usize| -> &Line {
            if l < n {
                &lines[l]
            } else {
                &ZERO
            }
        };
        let (l0, l1, l2, l3) = (line(0), line(1), line(2), line(3));
        // SAFETY: each pointer addresses 32 bytes inside a 64-byte `Line`.
        unsafe {
            for (k, ln) in [l0, l1, l2, l3].into_iter().enumerate() {
                let p = ln.0.as_ptr() as *const __m256i;
                a[2 * k] = _mm512_add_epi32(a[2 * k], _mm512_cvtepi16_epi32(_mm256_loadu_si256(p)));
                a[2 * k + 1] = _mm512_add_epi32(
                    a[2 * k + 1],
                    _mm512_cvtepi16_epi32(_mm256_loadu_si256(p.add(1))),
                );
            }
        }
        if n > 4 {
            for (chunk, line) in acc[128..].chunks_exact_mut(32).zip(&lines[4..]) {
                for (s, &w) in chunk.iter_mut().zip(line.0.iter()) {
                    *s += w as i32;
                }
            }
        }
    }
    for (k, v) in a.iter().enumerate() {
        // SAFETY: acc[16 k .. 16 k + 16] lies inside the 256-entry array.
        unsafe {
            let p = acc.as_mut_ptr().add(16 * k) as *mut __m512i;
            _mm512_storeu_si512(
                p,
                _mm512_add_epi32(_mm512_loadu_si512(p as *const __m512i), *v),
            );
        }
    }
}

#[inline(always)]
fn add_dense_rows_plain(dense: &[Line], rows: &[u32], acc: &mut [i32; 256]) {
    for &r in rows {
        let start = (r >> 3) as usize;
        let n = (r & 7) as usize + 1;
        if let Some(lines) = dense.get(start..start + n) {
            for (chunk, line) in acc.chunks_exact_mut(32).zip(lines) {
                for (a, &w) in chunk.iter_mut().zip(line.0.iter()) {
                    *a += w as i32;
                }
            }
        }
    }
}

/// A vector of `n` copies of `fill` whose memory the kernel is asked to back with huge pages
/// (Linux `madvise(MADV_HUGEPAGE)`, before the pages are first touched): the run-time tables
/// are tens of megabytes read at random, and with 4 KiB pages nearly every lookup also misses
/// the TLB. Elsewhere, or where the kernel declines, an ordinary vector.
fn huge_vec<T: Copy>(n: usize, fill: T) -> Vec<T> {
    let mut v: Vec<T> = Vec::with_capacity(n);
    #[cfg(target_os = "linux")]
    {
        const HUGE: usize = 2 << 20;
        let bytes = n * std::mem::size_of::<T>();
        if bytes >= 2 * HUGE {
            let start = v.as_ptr() as usize;
            let lo = start.next_multiple_of(HUGE);
            let hi = (start + bytes) / HUGE * HUGE;
            if hi > lo {
                // SAFETY: [lo, hi) lies inside the vector's allocation; MADV_HUGEPAGE only
                // changes how the kernel backs those pages, not their contents (still
                // unwritten here).
                unsafe {
                    libc::madvise(lo as *mut libc::c_void, hi - lo, libc::MADV_HUGEPAGE);
                }
            }
        }
    }
    v.resize(n, fill);
    v
}

/// A trained, quantised, sparse perceptron.
pub struct Model {
    pub nclass: usize,
    pub scale: f32,
    /// (key, start, len) into `entries`, ascending by key: the exact model, for serialisation.
    keys: Vec<(u64, u32, u8)>,
    entries: Vec<(u8, i16)>,
    /// Run-time lookup table: linear probing from the first slot of the key's home bucket,
    /// load factor about 0.55, so that nearly every lookup reads one cache line and decides
    /// without a branch.
    table: Vec<Bucket>,
    mid: Vec<Mid>,
    /// Dense rows of the features with many weights, each a whole number of cache lines
    /// holding the weights by class rank, cut after the line of its last non-zero weight.
    dense: Vec<Line>,
    /// The slot of a missing feature: no weights, pairs pointing at the scratch classes.
    pad: Slot,
    /// Rank of each class (index 255: the scratch class): classes by descending number of
    /// dense rows in which they have a weight, so that dense rows are short (the weights of
    /// a perceptron's frequent features concentrate on a subset of the classes).
    rank: [u8; 256],
}

impl Model {
    fn empty(nclass: usize, scale: f32) -> Self {
        Model {
            nclass,
            scale,
            keys: Vec::new(),
            entries: Vec::new(),
            table: vec![EMPTY_BUCKET; 4],
            mid: Vec::new(),
            dense: Vec::new(),
            rank: std::array::from_fn(|i| i as u8),
            pad: EMPTY,
        }
    }

    /// Adds a feature's weights (keys must come in ascending order). Only the top
    /// [`KEY_BITS`] bits of the key are kept; a feature whose kept bits equal the previous
    /// one's is merged into it (weights of the same class summed).
    fn push(&mut self, key: u64, w: &[(u8, i16)]) {
        if w.is_empty() {
            return;
        }
        let key = key >> KEY_SHIFT << KEY_SHIFT;
        let mut merged;
        let mut w = w;
        if let Some(&(last, start, len)) = self.keys.last() {
            if last == key {
                merged = self.entries[start as usize..start as usize + len as usize].to_vec();
                for &(c, q) in w {
                    match merged.iter_mut().find(|e| e.0 == c) {
                        Some(e) => e.1 = e.1.saturating_add(q),
                        None => merged.push((c, q)),
                    }
                }
                merged.retain(|e| e.1 != 0);
                merged.sort_unstable_by_key(|e| e.0);
                self.entries.truncate(start as usize);
                self.keys.pop();
                if merged.is_empty() {
                    return;
                }
                w = &merged;
            }
        }
        let start = self.entries.len() as u32;
        let len = w.len().min(255);
        self.entries.extend_from_slice(&w[..len]);
        self.keys.push((key, start, len as u8));
    }

    /// Builds the run-time table from `keys` and `entries`.
    fn build(&mut self) {
        let nb = (self.keys.len() * 100 / 160).max(4);
        let nslots = nb * 4;
        let mut table = huge_vec(nb, EMPTY_BUCKET);
        let mut mid = Vec::new();
        // Unused inline pairs add zero to a scratch class, one per pair position where the
        // model leaves room, so that they do not all update the same accumulator.
        let pad = if self.nclass <= NOCLASS as usize - INLINE {
            Slot {
                fp: 0,
                cls: std::array::from_fn(|k| NOCLASS - k as u8),
                q: [0; INLINE],
            }
        } else {
            EMPTY
        };
        // Class ranks: by descending number of dense rows with a weight for the class.
        let mut freq = vec![0usize; self.nclass];
        for &(_, start, len) in &self.keys {
            if len as usize > MID {
                for &(c, _) in &self.entries[start as usize..start as usize + len as usize] {
                    freq[c as usize] += 1;
                }
            }
        }
        let mut order: Vec<usize> = (0..self.nclass).collect();
        order.sort_by_key(|&c| (std::cmp::Reverse(freq[c]), c));
        let mut rank = [NOCLASS; 256];
        for (r, &c) in order.iter().enumerate() {
            rank[c] = r as u8;
        }
        let rank_w = |w: &[(u8, i16)]| -> Vec<(u8, i16)> {
            w.iter().map(|&(c, q)| (rank[c as usize], q)).collect()
        };
        let nlines = |w: &[(u8, i16)]| {
            w.iter()
                .map(|&(c, _)| c as usize / 32 + 1)
                .max()
                .unwrap_or(1)
        };
        let total: usize = self
            .keys
            .iter()
            .filter(|k| k.2 as usize > MID)
            .map(|&(_, start, len)| {
                nlines(&rank_w(
                    &self.entries[start as usize..start as usize + len as usize],
                ))
            })
            .sum();
        let mut dense = huge_vec(total, Line([0; 32]));
        let mut nline = 0usize;
        for &(key, start, len) in &self.keys {
            let (fp, b) = split_key(key, nb);
            let mut i = b * 4;
            loop {
                let f = table[i / 4].0[i % 4].fp & FP_MASK;
                if f == 0 {
                    break;
                }
                if f == fp {
                    // Fingerprint clash on the probe path (about one in 10^4 models): the
                    // first feature wins.
                    i = usize::MAX;
                    break;
                }
                i += 1;
                if i == nslots {
                    i = 0;
                }
            }
            if i == usize::MAX {
                continue;
            }
            if i / 4 != b {
                table[b].0[(fp & 3) as usize].fp |= OVERFLOW;
            }
            let w = rank_w(&self.entries[start as usize..start as usize + len as usize]);
            let mut s = Slot { fp, ..pad };
            if w.len() <= INLINE {
                for (k, &(c, q)) in w.iter().enumerate() {
                    s.cls[k] = c;
                    s.q[k] = q;
                }
            } else {
                let (row, kind) = if w.len() > MID {
                    let row = nline;
                    let k = nlines(&w);
                    nline += k;
                    for &(c, q) in &w {
                        dense[row + c as usize / 32].0[c as usize % 32] = q;
                    }
                    (row as u32, k as i16)
                } else {
                    let mut m = Mid {
                        cls: std::array::from_fn(|k| pad.cls[k % INLINE]),
                        q: [0; MID],
                    };
                    for (k, &(c, q)) in w.iter().enumerate() {
                        m.cls[k] = c;
                        m.q[k] = q;
                    }
                    mid.push(m);
                    ((mid.len() - 1) as u32, 0)
                };
                s.q = [row as u16 as i16, (row >> 16) as u16 as i16, kind, 1];
            }
            table[i / 4].0[i % 4].fp = fp | (table[i / 4].0[i % 4].fp & OVERFLOW);
            table[i / 4].0[i % 4].cls = s.cls;
            table[i / 4].0[i % 4].q = s.q;
        }
        self.table = table;
        self.mid = mid;
        self.dense = dense;
        self.rank = rank;
        self.pad = pad;
    }

    /// The slot of a key whose home bucket `b` is full and overflowed (linear probing).
    #[cold]
    fn find_slow(&self, fp: u32, b: usize) -> Slot {
        let nb = self.table.len();
        let mut b = b;
        for _ in 0..nb {
            for s in &self.table[b].0 {
                let f = s.fp & FP_MASK;
                if f == fp {
                    return *s;
                }
                if f == 0 {
                    return self.pad;
                }
            }
            b += 1;
            if b == nb {
                b = 0;
            }
        }
        self.pad
    }

    pub fn nfeat(&self) -> usize {
        self.keys.len()
    }

    /// Sets `scores` (length `nclass`) to the summed weights of `feats` (integer units).
    ///
    /// Memory- and branch-bound, so done in sweeps without data-dependent branches: prefetch
    /// every feature's home bucket; probe (a match mask over the four slots selects the slot,
    /// a miss selects nothing), adding inline weights and listing spilled rows; prefetch and
    /// add the spilled rows (dense ones with vector instructions).
    #[inline]
    pub fn score(&self, feats: &[u64], scores: &mut [i32]) {
        scores.iter_mut().for_each(|s| *s = 0);
        self.add_scores(feats, scores);
    }

    /// Adds the summed weights of `feats` to `scores` (see [`Model::score`]).
    #[inline]
    pub fn add_scores(&self, feats: &[u64], scores: &mut [i32]) {
        let mut acc = [0i32; 256];
        self.sum_into(feats, &mut acc);
        for (s, &r) in scores.iter_mut().zip(self.rank.iter()) {
            *s += acc[r as usize];
        }
    }

    /// Adds the summed weights of `feats` to `scores` indexed by class rank (`scores[r]` for
    /// the class `c` with `self.rank()[c] == r`): the same sums as [`Model::add_scores`],
    /// for callers that add up several lists before putting the sums in class order once.
    #[inline]
    pub fn add_scores_ranked(&self, feats: &[u64], scores: &mut [i32]) {
        let mut acc = [0i32; 256];
        self.sum_into(feats, &mut acc);
        for (s, &a) in scores.iter_mut().zip(acc.iter()) {
            *s += a;
        }
    }

    /// The rank of each class (see [`Model::add_scores_ranked`]; entries from `nclass` on
    /// are unused).
    pub fn rank(&self) -> &[u8; 256] {
        &self.rank
    }

    /// Adds the summed weights of `feats` to `acc`, indexed by class rank (entries 252 to
    /// 255 may receive scratch sums).
    #[inline(always)]
    fn sum_into(&self, feats: &[u64], acc: &mut [i32; 256]) {
        let nb = self.table.len();
        for &f in feats {
            prefetch(&self.table[split_key(f, nb).1]);
        }
        let mut mids = [0u32; 128];
        let mut denses = [0u32; 128];
        for chunk in feats.chunks(128) {
            let (mut nm, mut nd) = (0usize, 0usize);
            for &f in chunk {
                let (fp, b) = split_key(f, nb);
                let bk = &self.table[b].0;
                let m = ((bk[0].fp & FP_MASK) == fp) as usize
                    | (((bk[1].fp & FP_MASK) == fp) as usize) << 1
                    | (((bk[2].fp & FP_MASK) == fp) as usize) << 2
                    | (((bk[3].fp & FP_MASK) == fp) as usize) << 3;
                // A miss takes the scratch classes and zero weights.
                let mut s = if m != 0 { bk[FIRST[m]] } else { self.pad };
                if m == 0 && bk[(fp & 3) as usize].fp & OVERFLOW != 0 {
                    s = self.find_slow(fp, b);
                }
                // Most lookups are misses or features with spilled rows (in the parser about
                // nine in ten), so a rarely taken branch beats four always-executed adds.
                if s.cls[0] != NOCLASS {
                    for k in 0..INLINE {
                        acc[s.cls[k] as usize] += s.q[k] as i32;
                    }
                }
                let row = s.q[0] as u16 as u32 | (s.q[1] as u16 as u32) << 16;
                let is_spill = (s.cls[0] == NOCLASS && s.q[3] == 1) as usize;
                let is_dense = is_spill & (s.q[2] != 0) as usize;
                let is_mid = is_spill & (s.q[2] == 0) as usize;
                mids[nm] = row;
                nm += is_mid;
                denses[nd] = row << 3 | ((s.q[2] as u32).wrapping_sub(1) & 7);
                nd += is_dense;
            }
            for &r in &mids[..nm] {
                if let Some(m) = self.mid.get(r as usize) {
                    prefetch(m);
                }
            }
            for &r in &denses[..nd] {
                let start = (r >> 3) as usize;
                if let Some(lines) = self.dense.get(start..start + (r & 7) as usize + 1) {
                    for l in lines {
                        prefetch(l);
                    }
                }
            }
            for &r in &mids[..nm] {
                if let Some(m) = self.mid.get(r as usize) {
                    for k in 0..MID {
                        acc[m.cls[k] as usize] += m.q[k] as i32;
                    }
                }
            }
            add_dense_rows(&self.dense, &denses[..nd], acc);
        }
    }

    /// A copy without weights whose magnitude is below `min_q` quantisation units (features
    /// left without weights are dropped).
    pub fn pruned(&self, min_q: i16) -> Model {
        let mut m = Model::empty(self.nclass, self.scale);
        let mut w = Vec::new();
        for &(k, start, len) in &self.keys {
            w.clear();
            for &(c, q) in &self.entries[start as usize..start as usize + len as usize] {
                if q.unsigned_abs() >= min_q as u16 {
                    w.push((c, q));
                }
            }
            m.push(k, &w);
        }
        m.build();
        m
    }

    /// Serialises the model (format in the module docs), keys in ascending order.
    pub fn to_bytes(&self) -> Vec<u8> {
        let rows = || {
            self.keys.iter().map(|&(k, start, len)| {
                let mut w = self.entries[start as usize..start as usize + len as usize].to_vec();
                w.sort_unstable_by_key(|e| e.0);
                (k >> KEY_SHIFT, w)
            })
        };
        let key_gaps = self
            .keys
            .iter()
            .scan(None, |prev: &mut Option<u64>, &(k, _, _)| {
                let k = k >> KEY_SHIFT;
                let g = prev.map_or(k, |p| k - p - 1);
                *prev = Some(k);
                Some(g)
            });
        let kk = best_rice(key_gaps.clone());
        let kn = best_rice(self.keys.iter().map(|k| k.2 as u64 - 1));
        let mut cgaps = Vec::with_capacity(self.entries.len());
        let mut mags = Vec::with_capacity(self.entries.len());
        for (_, w) in rows() {
            let mut prev = -1i32;
            for (c, q) in w {
                cgaps.push((c as i32 - prev - 1) as u64);
                mags.push(q.unsigned_abs() as u64 - 1);
                prev = c as i32;
            }
        }
        let kc = best_rice(cgaps.iter().copied());
        let kq = best_rice(mags.iter().copied());
        let mut bw = BitWriter {
            out: Vec::with_capacity(self.keys.len() * 3 + self.entries.len() * 2),
            acc: 0,
            n: 0,
        };
        for ((_, w), g) in rows().zip(key_gaps) {
            bw.rice(g, kk);
            bw.rice(w.len() as u64 - 1, kn);
            let mut prev = -1i32;
            for (c, q) in w {
                bw.rice((c as i32 - prev - 1) as u64, kc);
                bw.bits((q < 0) as u64, 1);
                bw.rice(q.unsigned_abs() as u64 - 1, kq);
                prev = c as i32;
            }
        }
        let bits = bw.finish();
        let mut out = Vec::with_capacity(28 + bits.len());
        out.extend_from_slice(b"NGPM");
        out.extend_from_slice(&2u32.to_le_bytes());
        out.extend_from_slice(&(self.nclass as u32).to_le_bytes());
        out.extend_from_slice(&(self.keys.len() as u32).to_le_bytes());
        out.extend_from_slice(&self.scale.to_le_bytes());
        out.extend_from_slice(&[kk as u8, kn as u8, kc as u8, kq as u8]);
        out.extend_from_slice(&(bits.len() as u32).to_le_bytes());
        out.extend_from_slice(&bits);
        out
    }

    /// Reads a model written by [`Model::to_bytes`] (or a version-1 file); `None` if the
    /// bytes are malformed (including keys out of order, or more than 255 classes).
    pub fn from_bytes(b: &[u8]) -> Option<Model> {
        let mut r = Reader { b, pos: 0 };
        if r.take(4)? != b"NGPM" {
            return None;
        }
        let version = r.u32()?;
        if version != 1 && version != 2 {
            return None;
        }
        let nclass = r.u32()? as usize;
        let nfeat = r.u32()? as usize;
        let scale = f32::from_bits(r.u32()?);
        if nclass >= NOCLASS as usize {
            return None;
        }
        let mut m = Model::empty(nclass, scale);
        m.keys.reserve(nfeat.min(b.len() / 3));
        let mut w = Vec::new();
        if version == 1 {
            let mut last = None;
            for _ in 0..nfeat {
                let key = r.u64()?;
                if last.is_some_and(|l| l >= key) {
                    return None;
                }
                last = Some(key);
                let len = r.take(1)?[0];
                w.clear();
                for _ in 0..len {
                    let e = r.take(3)?;
                    if e[0] as usize >= nclass {
                        return None;
                    }
                    w.push((e[0], i16::from_le_bytes([e[1], e[2]])));
                }
                m.push(key, &w);
            }
        } else {
            let p = r.take(4)?;
            let (kk, kn, kc, kq) = (p[0] as u32, p[1] as u32, p[2] as u32, p[3] as u32);
            if kk > 48 || kn > 8 || kc > 8 || kq > 15 {
                return None;
            }
            let nbytes = r.u32()? as usize;
            let mut br = BitReader {
                b: r.take(nbytes)?,
                pos: 0,
                acc: 0,
                n: 0,
            };
            let mut key: Option<u64> = None;
            for _ in 0..nfeat {
                let g = br.rice(kk)?;
                let k = match key {
                    None => g,
                    Some(p) => p.checked_add(g)?.checked_add(1)?,
                };
                if k >> KEY_BITS != 0 {
                    return None;
                }
                key = Some(k);
                let len = br.rice(kn)?.checked_add(1)?;
                if len > 255 {
                    return None;
                }
                w.clear();
                let mut c = -1i64;
                for _ in 0..len {
                    c += br.rice(kc)? as i64 + 1;
                    if c as usize >= nclass {
                        return None;
                    }
                    let neg = br.bits(1)? == 1;
                    let mag = br.rice(kq)? + 1;
                    if mag > 32768 || (!neg && mag > 32767) {
                        return None;
                    }
                    let q = if neg { -(mag as i32) } else { mag as i32 } as i16;
                    w.push((c as u8, q));
                }
                m.push(k << KEY_SHIFT, &w);
            }
        }
        m.build();
        Some(m)
    }
}

/// A cursor over little-endian bytes.
pub(crate) struct Reader<'a> {
    pub b: &'a [u8],
    pub pos: usize,
}

impl<'a> Reader<'a> {
    pub fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let s = self.b.get(self.pos..self.pos.checked_add(n)?)?;
        self.pos += n;
        Some(s)
    }
    pub fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    pub fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    pub fn string(&mut self) -> Option<String> {
        let n = self.u32()? as usize;
        String::from_utf8(self.take(n)?.to_vec()).ok()
    }
}

/// Appends a length-prefixed string.
pub(crate) fn put_string(out: &mut Vec<u8>, s: &str) {
    out.extend_from_slice(&(s.len() as u32).to_le_bytes());
    out.extend_from_slice(s.as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tagger::Rng;

    /// Scores from the exact (key, weights) list, for comparison with the run-time table.
    fn naive(m: &Model, feats: &[u64]) -> Vec<i32> {
        let mut s = vec![0i32; m.nclass];
        for f in feats {
            if let Ok(i) = m
                .keys
                .binary_search_by_key(&(f >> KEY_SHIFT << KEY_SHIFT), |k| k.0)
            {
                let (_, start, len) = m.keys[i];
                for &(c, q) in &m.entries[start as usize..start as usize + len as usize] {
                    s[c as usize] += q as i32;
                }
            }
        }
        s
    }

    #[test]
    fn table_scores_equal_exact_sums_for_all_row_kinds() {
        // Features with 1..=40 non-zero classes cover inline, mid and dense rows (of one to
        // eight lines); many features make overflowing buckets likely; 254 classes leave no
        // room for per-position scratch classes.
        for nclass in [37, 200, 254] {
            check_table_scores(nclass);
        }
    }

    fn check_table_scores(nclass: usize) {
        let mut t = Trainer::new(nclass);
        let mut rng = Rng(3 + nclass as u64);
        let keys: Vec<u64> = (0..20_000).map(|_| rng.next()).collect();
        for (i, &k) in keys.iter().enumerate() {
            let fan = 1 + i % 40;
            for j in 0..fan {
                let truth = (i + j) % nclass;
                let guess = (i + 2 * j + 1) % nclass;
                t.update(&[k], truth, guess, 1.0 + (j % 3) as f32);
                t.tick();
            }
        }
        let m = t.finish(1, 0.0);
        assert!(m.nfeat() > 19_000);
        assert!(!m.mid.is_empty() && !m.dense.is_empty());
        let max_lines = m
            .table
            .iter()
            .flat_map(|b| b.0.iter())
            .filter(|s| s.cls[0] == NOCLASS && s.q[3] == 1)
            .map(|s| s.q[2])
            .max();
        assert!(
            max_lines.unwrap_or(0) >= (nclass as i16 / 40).max(1),
            "dense rows of {max_lines:?} lines"
        );
        assert_eq!(m.pad.cls[3] == NOCLASS, nclass > 251);
        let m2 = Model::from_bytes(&m.to_bytes()).expect("round trip");
        assert_eq!(m2.to_bytes(), m.to_bytes());
        let mut scores = vec![0i32; nclass];
        for round in 0..300 {
            // Known keys mixed with unknown ones.
            let feats: Vec<u64> = (0..60)
                .map(|j| {
                    if j % 3 == 0 {
                        rng.next()
                    } else {
                        keys[(round * 61 + j * 7) % keys.len()]
                    }
                })
                .collect();
            m2.score(&feats, &mut scores);
            assert_eq!(scores, naive(&m, &feats));
        }
    }

    #[test]
    fn dense_row_paths_agree() {
        // Rows of one to eight lines with all weights set; every path the CPU offers must give
        // the plain loop's sums.
        let mut rng = Rng(17);
        let dense: Vec<Line> = (0..64)
            .map(|_| {
                Line(std::array::from_fn(|_| {
                    (rng.next() % 65535) as i16 ^ 0x7fff
                }))
            })
            .collect();
        let rows: Vec<u32> = (0..40)
            .map(|k| ((k * 7 % 56) as u32) << 3 | (k % 8) as u32)
            .collect();
        let mut want = [0i32; 256];
        add_dense_rows_plain(&dense, &rows, &mut want);
        let mut got = [0i32; 256];
        add_dense_rows(&dense, &rows, &mut got);
        assert_eq!(got, want);
        #[cfg(target_arch = "x86_64")]
        {
            if std::arch::is_x86_feature_detected!("avx2") {
                let mut got = [0i32; 256];
                // SAFETY: AVX2 is available (checked just above).
                unsafe { add_dense_rows_avx2(&dense, &rows, &mut got) };
                assert_eq!(got, want);
            }
            if std::arch::is_x86_feature_detected!("avx512f") {
                let mut got = [0i32; 256];
                // SAFETY: AVX-512F is available (checked just above).
                unsafe { add_dense_rows_avx512(&dense, &rows, &mut got) };
                assert_eq!(got, want);
            }
        }
    }

    #[test]
    fn malformed_models_are_rejected() {
        let mut t = Trainer::new(5);
        let (a, b) = (crate::hash::f1(1, 42), crate::hash::f1(1, 7));
        t.update(&[a, b], 1, 2, 1.0);
        t.tick();
        t.tick();
        let bytes = t.finish(1, 0.0).to_bytes();
        assert_eq!(Model::from_bytes(&bytes).map(|m| m.nfeat()), Some(2));
        for cut in 0..bytes.len() {
            assert!(Model::from_bytes(&bytes[..cut]).is_none());
        }
        // Fewer classes in the header than the weights use.
        let mut bad = bytes.clone();
        bad[8] = 2;
        assert!(Model::from_bytes(&bad).is_none());
        // An unknown version.
        let mut bad = bytes.clone();
        bad[4] = 3;
        assert!(Model::from_bytes(&bad).is_none());
    }

    /// The version-1 encoding of `m` (keys as stored, 64 bits each).
    fn v1_bytes(m: &Model) -> Vec<u8> {
        let mut out = b"NGPM".to_vec();
        out.extend_from_slice(&1u32.to_le_bytes());
        out.extend_from_slice(&(m.nclass as u32).to_le_bytes());
        out.extend_from_slice(&(m.keys.len() as u32).to_le_bytes());
        out.extend_from_slice(&m.scale.to_le_bytes());
        for &(k, start, len) in &m.keys {
            out.extend_from_slice(&k.to_le_bytes());
            out.push(len);
            for &(c, q) in &m.entries[start as usize..start as usize + len as usize] {
                out.push(c);
                out.extend_from_slice(&q.to_le_bytes());
            }
        }
        out
    }

    #[test]
    fn compact_format_round_trips_and_reads_version_1() {
        let mut rng = Rng(7);
        let mut t = Trainer::new(60);
        let keys: Vec<u64> = (0..5000).map(|_| rng.next()).collect();
        for round in 0..3000 {
            let feats: Vec<u64> = (0..12)
                .map(|j| keys[(round * 37 + j * 11) % keys.len()])
                .collect();
            t.update(
                &feats,
                round % 60,
                (round * 7 + 3) % 60,
                1.0 + (round % 5) as f32,
            );
            t.tick();
        }
        let m = t.finish(1, 0.0);
        let v2 = m.to_bytes();
        let v1 = v1_bytes(&m);
        assert!(v2.len() * 10 < v1.len() * 8, "{} vs {}", v2.len(), v1.len());
        let back = Model::from_bytes(&v2).unwrap();
        assert_eq!(back.to_bytes(), v2);
        assert_eq!(back.keys, m.keys);
        let old = Model::from_bytes(&v1).unwrap();
        assert_eq!(old.to_bytes(), v2);
        for round in 0..200 {
            let feats: Vec<u64> = (0..20)
                .map(|j| keys[(round * 13 + j * 101) % keys.len()] ^ (j as u64 % 3))
                .collect();
            let mut s = vec![0; 60];
            back.score(&feats, &mut s);
            assert_eq!(s, naive(&m, &feats));
        }
    }

    #[test]
    fn keys_equal_in_their_top_bits_are_one_feature() {
        // `other` gets the largest weight, so that the scale is the same in both models.
        let (k, other) = (0xabcd_ef12_3400_0000u64, 0x1234_5678_9abc_def0u64);
        let train = |keys: &[u64]| {
            let mut t = Trainer::new(4);
            t.update(keys, 1, 2, 1.0);
            for _ in 0..3 {
                t.update(&[other], 1, 2, 1.0);
            }
            t.tick();
            t.finish(1, 0.0)
        };
        let two = train(&[k | 1, k | 2, other]);
        let one = train(&[k, other]);
        assert_eq!((two.nfeat(), one.nfeat()), (2, 2));
        let (mut s2, mut s1) = (vec![0; 4], vec![0; 4]);
        two.score(&[k | 0xff], &mut s2);
        one.score(&[k], &mut s1);
        assert!(s1[1] > 0 && s1[2] == -s1[1]);
        // Both features' weights count: twice one feature's.
        assert_eq!(s2, s1.iter().map(|v| v * 2).collect::<Vec<_>>());
    }

    #[test]
    fn ensemble_sum_is_the_mean_of_the_members_averages() {
        // Member a: feature 7 moves one unit from class 2 to class 1, then one tick (c = 2):
        // averaged weights w - u / c = (0, 1/2, -1/2).
        // (Features are told apart by the top bits of their keys.)
        const F7: u64 = 7 << 40;
        const F9: u64 = 9 << 40;
        let mut a = Trainer::new(3);
        a.update(&[F7], 1, 2, 1.0);
        a.tick();
        // Member b (c = 3): feature 7 (2/3, -4/3, 2/3), feature 9 (2/3, -2/3, 0).
        let mut b = Trainer::new(3);
        b.update(&[F7], 2, 1, 1.0);
        b.update(&[F7, F9], 0, 1, 1.0);
        b.tick();
        b.tick();
        let mut acc = Trainer::new(3);
        a.add_average_to(&mut acc, 0.5);
        b.add_average_to(&mut acc, 0.5);
        assert_eq!(acc.nfeat(), 2);
        let want: [(u64, [f32; 3]); 2] = [
            (F7, [1.0 / 3.0, -5.0 / 12.0, 1.0 / 12.0]),
            (F9, [1.0 / 3.0, -1.0 / 3.0, 0.0]),
        ];
        let mut got = vec![0f32; 3];
        for (f, w) in want {
            acc.score(&[f], &mut got);
            for k in 0..3 {
                assert!(
                    (got[k] - w[k]).abs() < 1e-6,
                    "feature {f} class {k}: {} vs {}",
                    got[k],
                    w[k]
                );
            }
        }
        // Update counts: the larger of the members' (feature 7: 2, feature 9: 1).
        assert_eq!(acc.finish(2, 0.0).nfeat(), 1);
        assert_eq!(acc.finish(1, 0.0).nfeat(), 2);
    }
}
