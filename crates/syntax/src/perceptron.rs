//! Averaged multi-class perceptron over hashed features.
//!
//! Training keeps dense rows (one `f32` per class) per feature; [`Trainer::finish`] averages,
//! prunes near-zero weights and quantises the rest to `i16` in a sparse [`Model`].
//!
//! ## Binary format of a [`Model`] (little-endian)
//! ```text
//! magic  b"NGPM" , version u32 = 1
//! nclass u32, nfeat u32, scale f32 (weight = q * scale)
//! nfeat times: key u64, n u8 (non-zero classes), n times: class u8, q i16
//! ```

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
        assert!(nclass <= 256);
        Trainer { nclass, index: IdMap::with_hasher(IdBuild::default()), w: Vec::new(), u: Vec::new(), count: Vec::new(), c: 1.0, skip: IdMap::with_hasher(IdBuild::default()) }
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
        for (key, r) in keys {
            let r = r as usize;
            if self.count[r] < min_count || self.skip.contains_key(&key) {
                continue;
            }
            let start = m.entries.len() as u32;
            for k in 0..n {
                let a = avg(r, k);
                if a.abs() >= thr && a != 0.0 {
                    let q = (a / scale).round().clamp(-32767.0, 32767.0) as i16;
                    if q != 0 {
                        m.entries.push((k as u8, q));
                    }
                }
            }
            let len = m.entries.len() as u32 - start;
            if len > 0 {
                m.index.insert(key, (start, len.min(255) as u8));
                m.entries.truncate((start + len.min(255)) as usize);
            }
        }
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

/// Open-addressing hash table from feature key to (start, len) of its weights: one slot
/// (16 bytes) holds key and value, so a lookup usually costs a single cache miss.
#[derive(Clone, Copy)]
struct Slot {
    key: u64,
    start: u32,
    len: u32,
}

struct Table {
    slots: Vec<Slot>,
    n: usize,
}

impl Table {
    fn new() -> Table {
        Table { slots: vec![Slot { key: 0, start: 0, len: 0 }; 16], n: 0 }
    }
    #[inline(always)]
    fn fix(key: u64) -> u64 {
        if key == 0 {
            1
        } else {
            key
        }
    }
    fn reserve(&mut self, extra: usize) {
        let need = (self.n + extra) * 2;
        if need > self.slots.len() {
            let old = std::mem::take(&mut self.slots);
            self.slots = vec![Slot { key: 0, start: 0, len: 0 }; need.next_power_of_two()];
            self.n = 0;
            for s in old {
                if s.key != 0 {
                    self.put(s);
                }
            }
        }
    }
    fn put(&mut self, s: Slot) {
        let mask = self.slots.len() - 1;
        let mut i = (s.key as usize) & mask;
        loop {
            if self.slots[i].key == 0 {
                self.slots[i] = s;
                self.n += 1;
                return;
            }
            if self.slots[i].key == s.key {
                self.slots[i] = s;
                return;
            }
            i = (i + 1) & mask;
        }
    }
    fn insert(&mut self, key: u64, v: (u32, u8)) {
        self.reserve(1);
        self.put(Slot { key: Self::fix(key), start: v.0, len: v.1 as u32 });
    }
    #[inline(always)]
    fn get(&self, key: &u64) -> Option<(u32, u32)> {
        let key = Self::fix(*key);
        let mask = self.slots.len() - 1;
        let mut i = (key as usize) & mask;
        loop {
            let s = &self.slots[i];
            if s.key == key {
                return Some((s.start, s.len));
            }
            if s.key == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }
    fn len(&self) -> usize {
        self.n
    }
    /// (key, (start, len)) in ascending key order.
    fn sorted(&self) -> Vec<(u64, (u32, u8))> {
        let mut v: Vec<(u64, (u32, u8))> =
            self.slots.iter().filter(|s| s.key != 0).map(|s| (s.key, (s.start, s.len as u8))).collect();
        v.sort_unstable();
        v
    }
}

/// A trained, quantised, sparse perceptron.
pub struct Model {
    pub nclass: usize,
    pub scale: f32,
    index: Table,
    entries: Vec<(u8, i16)>,
}

impl Model {
    fn empty(nclass: usize, scale: f32) -> Self {
        Model { nclass, scale, index: Table::new(), entries: Vec::new() }
    }

    pub fn nfeat(&self) -> usize {
        self.index.len()
    }

    /// Adds the weights of `feats` to `scores` (integer units).
    ///
    /// Memory-bound, so done in three sweeps that let the loads overlap: prefetch every
    /// feature's slot, probe the slots (prefetching the weight rows), then add the rows.
    #[inline]
    pub fn score(&self, feats: &[u64], scores: &mut [i32]) {
        scores.iter_mut().for_each(|s| *s = 0);
        let mask = self.index.slots.len() - 1;
        for f in feats {
            prefetch(&self.index.slots[(Table::fix(*f) as usize) & mask]);
        }
        let mut rows: [(u32, u32); 256] = [(0, 0); 256];
        let mut nrows = 0;
        for f in feats {
            if let Some((start, len)) = self.index.get(f) {
                if nrows < rows.len() {
                    if let Some(e) = self.entries.get(start as usize) {
                        prefetch(e);
                    }
                    rows[nrows] = (start, len);
                    nrows += 1;
                }
            }
        }
        for &(start, len) in &rows[..nrows] {
            for &(k, q) in &self.entries[start as usize..start as usize + len as usize] {
                if let Some(s) = scores.get_mut(k as usize) {
                    *s += q as i32;
                }
            }
        }
    }

    /// A copy without weights whose magnitude is below `min_q` quantisation units (features
    /// left without weights are dropped).
    pub fn pruned(&self, min_q: i16) -> Model {
        let mut m = Model::empty(self.nclass, self.scale);
        for (k, (start, len)) in self.index.sorted() {
            let s0 = m.entries.len() as u32;
            for &(c, q) in &self.entries[start as usize..start as usize + len as usize] {
                if q.unsigned_abs() >= min_q as u16 {
                    m.entries.push((c, q));
                }
            }
            let l = m.entries.len() as u32 - s0;
            if l > 0 {
                m.index.insert(k, (s0, l as u8));
            }
        }
        m
    }

    /// Serialises the model (format in the module docs), keys in ascending order.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(16 + self.index.len() * 9 + self.entries.len() * 3);
        out.extend_from_slice(b"NGPM");
        out.extend_from_slice(&1u32.to_le_bytes());
        out.extend_from_slice(&(self.nclass as u32).to_le_bytes());
        out.extend_from_slice(&(self.index.len() as u32).to_le_bytes());
        out.extend_from_slice(&self.scale.to_le_bytes());
        for (k, (start, len)) in self.index.sorted() {
            out.extend_from_slice(&k.to_le_bytes());
            out.push(len);
            for &(c, q) in &self.entries[start as usize..start as usize + len as usize] {
                out.push(c);
                out.extend_from_slice(&q.to_le_bytes());
            }
        }
        out
    }

    /// Reads a model written by [`Model::to_bytes`]; `None` if the bytes are malformed.
    pub fn from_bytes(b: &[u8]) -> Option<Model> {
        let mut r = Reader { b, pos: 0 };
        if r.take(4)? != b"NGPM" || r.u32()? != 1 {
            return None;
        }
        let nclass = r.u32()? as usize;
        let nfeat = r.u32()? as usize;
        let scale = f32::from_bits(r.u32()?);
        let mut m = Model::empty(nclass, scale);
        m.index.reserve(nfeat);
        for _ in 0..nfeat {
            let key = r.u64()?;
            let len = r.take(1)?[0];
            let start = m.entries.len() as u32;
            for _ in 0..len {
                let e = r.take(3)?;
                m.entries.push((e[0], i16::from_le_bytes([e[1], e[2]])));
            }
            m.index.insert(key, (start, len));
        }
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
