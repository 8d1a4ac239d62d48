"""Vectorised MinHash signatures and LSH band keys (numpy, many documents per call).

The whole batch is processed as one byte array, never word by word in Python:

  text -> casefold + house-style folds ("per cent" -> percent, % -> percent, ₹ -> rs,
          curly quotes and dashes -> spaces)                              (str methods, C speed)
       -> UTF-8 bytes of the batch, classified by a 256-entry table: letter, digit, other;
          a '.' between digits belongs to the number, a ',' between digits is dropped
       -> tokens = maximal runs of letters or of digits; token hash = polynomial over
          its first 32 bytes (computed column-wise over all tokens at once) + splitmix64
       -> word k-shingle hashes (polynomial combine of k token hashes + splitmix64), with
          shingles that would span two documents dropped
       -> MinHash: for every permutation i, min over shingles of h_i(x) = a_i*x + b_i mod 2^32
          (a_i odd; x = top 32 bits of the shingle hash), all permutations at once by
          broadcasting (shingles x permutations, uint32) over cache-sized chunks, reduced
          per document with `np.minimum.reduceat`
       -> LSH band keys: the r values of band j folded with j into one uint64, so one
          equality join on `band_key` finds candidates.

Everything is deterministic across processes and runs (no Python `hash()`): signatures and
band keys are stored in the warehouse and compared with later runs.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

_C1 = np.uint64(0x9E3779B97F4A7C15)
_M1 = np.uint64(0xBF58476D1CE4E5B9)
_M2 = np.uint64(0x94D049BB133111EB)
_P = np.uint64(0x100000001B3)  # FNV prime: byte polynomial base
_S30, _S27, _S31, _S32 = np.uint64(30), np.uint64(27), np.uint64(31), np.uint64(32)
_POW = np.cumprod(np.concatenate([[1], np.full(63, 0x100000001B3)]).astype(np.uint64))  # P^0..P^63
U32_MAX = np.iinfo(np.uint32).max

# byte classes: 0 other, 1 letter (ASCII letters and every non-ASCII byte), 2 digit, 3 '.', 4 ','
_CLASS = np.zeros(256, np.uint8)
_CLASS[ord("a") : ord("z") + 1] = 1
_CLASS[ord("A") : ord("Z") + 1] = 1
_CLASS[0x80:] = 1
_CLASS[ord("0") : ord("9") + 1] = 2
_CLASS[ord(".")] = 3
_CLASS[ord(",")] = 4
_FOLDS = (
    ("\u2018", " "),
    ("\u2019", " "),
    ("\u201c", " "),
    ("\u201d", " "),
    ("\u2013", " "),
    ("\u2014", " "),
    ("\u00a0", " "),
    ("\u2032", " "),
    ("\u00ab", " "),
    ("\u00bb", " "),
    ("per cent", "percent"),
    ("%", " percent "),
    ("\u20b9", " rs "),
    ("us$", " usd "),
    ("$", " usd "),
)


def fold(text: str) -> str:
    """Casefold and apply the house-style folds (cheap str operations)."""
    text = text.casefold()
    for old, new in _FOLDS:
        if old in text:
            text = text.replace(old, new)
    return text


def _mix(x: np.ndarray) -> np.ndarray:
    """splitmix64 finaliser, in place on a uint64 array."""
    x ^= x >> _S30
    x *= _M1
    x ^= x >> _S27
    x *= _M2
    x ^= x >> _S31
    return x


@dataclass(frozen=True)
class Shingled:
    """Shingle hashes of a batch: `values[offsets[i]:offsets[i+1]]` belong to text i."""

    values: np.ndarray  # uint64
    offsets: np.ndarray  # int64, len n+1

    def of(self, i: int) -> np.ndarray:
        return self.values[self.offsets[i] : self.offsets[i + 1]]

    def sizes(self) -> np.ndarray:
        return np.diff(self.offsets)


@dataclass(frozen=True)
class Tokenised:
    """Token hashes of a batch: `hashes[offsets[i]:offsets[i+1]]` belong to text i."""

    hashes: np.ndarray  # uint64
    offsets: np.ndarray  # int64, len n+1
    is_number: np.ndarray  # bool per token


def tokenise_batch(texts: list[str]) -> Tokenised:
    """Fold and tokenise all texts in one vectorised pass."""
    n = len(texts)
    if n == 0:
        return Tokenised(np.empty(0, np.uint64), np.zeros(1, np.int64), np.empty(0, bool))
    # join with a separator byte that is never part of a token, then map tokens back to
    # texts by their byte offsets
    enc = [fold(t).encode("utf-8") for t in texts]
    blen = np.fromiter((len(e) + 1 for e in enc), np.int64, n)
    byte_start = np.concatenate([[0], np.cumsum(blen)[:-1]])
    th, tstarts, isnum = _tokens_of_bytes(b"\n".join(enc) + b"\n")
    doc_of_tok = np.searchsorted(byte_start, tstarts, side="right") - 1
    offsets = np.searchsorted(doc_of_tok, np.arange(n + 1), side="left").astype(np.int64)
    return Tokenised(th, offsets, isnum)


def word_hashes(words: list[str]) -> np.ndarray:
    """Token hashes of single words (as they would be hashed inside a text)."""
    tok = tokenise_batch(words)
    return tok.hashes[tok.offsets[:-1]]


def shingles_of(tok: Tokenised, k: int, max_tokens: int | None = None) -> Shingled:
    """Word k-shingle hashes of every text (a text with fewer than k tokens is one shingle).

    With `max_tokens`, only each text's first tokens are used (the lead of the story).
    """
    n = len(tok.offsets) - 1
    th, tok_off = tok.hashes, tok.offsets
    ntok = np.diff(tok_off)
    doc_of_tok = np.repeat(np.arange(n, dtype=np.int64), ntok)
    if max_tokens is not None:
        sel = np.arange(len(th)) - tok_off[doc_of_tok] < max_tokens
        th, doc_of_tok = th[sel], doc_of_tok[sel]
        ntok = np.minimum(ntok, max_tokens)
        tok_off = np.concatenate([[0], np.cumsum(ntok)])
    m = len(th) - k + 1
    if m > 0:
        acc = th[0:m].copy()
        for j in range(1, k):
            acc *= _C1
            acc += th[j : j + m]
        _mix(acc)
        ok = doc_of_tok[0:m] == doc_of_tok[k - 1 : k - 1 + m]
        vals, owner = acc[ok], doc_of_tok[0:m][ok]
    else:
        vals, owner = np.empty(0, np.uint64), np.empty(0, np.int64)
    short = np.flatnonzero((ntok > 0) & (ntok < k))
    if len(short):  # texts shorter than k tokens: one shingle of all their tokens
        extra = []
        for i in short:
            acc1 = np.zeros(1, np.uint64)
            for h in th[tok_off[i] : tok_off[i + 1]]:
                acc1 *= _C1  # array arithmetic wraps mod 2^64 silently
                acc1 += h
            extra.append(acc1[0])
        vals = np.concatenate([vals, _mix(np.array(extra, np.uint64))])
        owner = np.concatenate([owner, short])
        order = np.argsort(owner, kind="stable")
        vals, owner = vals[order], owner[order]
    offsets = np.searchsorted(owner, np.arange(n + 1), side="left").astype(np.int64)
    return Shingled(vals, offsets)


def shingles_of_tokens(th: np.ndarray, k: int) -> np.ndarray:
    """Word k-shingle hashes of one run of token hashes, as `shingles_of` computes them inside a
    text (a run shorter than k tokens has none): the shingles of a window of a text."""
    m = len(th) - k + 1
    if m <= 0:
        return np.empty(0, np.uint64)
    acc = th[0:m].copy()
    for j in range(1, k):
        acc *= _C1
        acc += th[j : j + m]
    return _mix(acc)


def shingle_batch(texts: list[str], k: int, max_tokens: int | None = None) -> Shingled:
    """Word k-shingle hashes of every text (see `shingles_of`)."""
    if not texts:
        return Shingled(np.empty(0, np.uint64), np.zeros(1, np.int64))
    return shingles_of(tokenise_batch(texts), k, max_tokens)


def _tokens_of_bytes(data: bytes) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Token hashes, token start byte offsets (in the original `data`) and number flags.

    A token's hash is sum((byte+1) * P^(position in token)) mod 2^64, computed for all
    tokens at once with a running sum, then finalised with splitmix64.
    """
    b = np.frombuffer(data, np.uint8)
    cls = _CLASS[b]
    inner = np.zeros(len(b), bool)
    if len(b) > 2:
        inner[1:-1] = (cls[:-2] == 2) & (cls[2:] == 2)
    cls = np.where((cls == 3) & inner, np.uint8(2), cls)  # decimal point: part of the number
    drop = (cls == 4) & inner  # thousands separator: removed
    cls[cls >= 3] = 0
    pos = np.arange(len(b))
    if drop.any():
        keep = ~drop
        b, cls, pos = b[keep], cls[keep], pos[keep]
    if len(b) == 0:
        return np.empty(0, np.uint64), np.empty(0, np.int64), np.empty(0, bool)
    word = cls != 0
    boundary = np.empty(len(cls), bool)
    boundary[0] = True
    np.not_equal(cls[1:], cls[:-1], out=boundary[1:])
    start_mark = word & boundary
    starts = np.flatnonzero(start_mark)
    end_mark = np.empty(len(cls), bool)
    end_mark[-1] = word[-1]
    end_mark[:-1] = word[:-1] & boundary[1:]
    last = np.flatnonzero(end_mark)  # index of each token's last byte
    if len(starts) == 0:
        return np.empty(0, np.uint64), np.empty(0, np.int64), np.empty(0, bool)
    tokid = np.cumsum(start_mark) - 1  # token of each byte (-1 before the first)
    rel = (np.arange(len(b)) - starts[tokid]) & (len(_POW) - 1)
    w = np.where(word, b.astype(np.uint64) + np.uint64(1), np.uint64(0))
    w *= _POW[rel]
    csum = np.cumsum(w)
    acc = csum[last].copy()
    before = starts - 1
    acc[before >= 0] -= csum[before[before >= 0]]
    acc += (last - starts + 1).astype(np.uint64) * _C1
    return _mix(acc), pos[starts], cls[starts] == 2


@dataclass(frozen=True)
class MinHasher:
    """MinHash with `num_perm` permutations over word `shingle_size`-shingles, fixed by `seed`."""

    num_perm: int = 128
    shingle_size: int = 4
    seed: int = 20240704
    chunk: int = 8192  # shingles per broadcast block (num_perm x chunk x 4 bytes stays in cache)
    # the permutations, drawn from `seed` in __post_init__ (not arguments, not compared)
    _a: npt.NDArray[np.uint32] = field(init=False, repr=False, compare=False)
    _b: npt.NDArray[np.uint32] = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        rng = np.random.default_rng(self.seed)
        a = (rng.integers(0, 2**32, self.num_perm, dtype=np.uint64) | np.uint64(1)).astype(np.uint32)
        b = rng.integers(0, 2**32, self.num_perm, dtype=np.uint64).astype(np.uint32)
        object.__setattr__(self, "_a", a)
        object.__setattr__(self, "_b", b)

    def signatures_of(self, sh: Shingled, num_perm: int | None = None) -> np.ndarray:
        """(n_texts, num_perm) uint32 signatures; a text without shingles gets all 0xFFFFFFFF."""
        k = num_perm or self.num_perm
        a, b = self._a[:k], self._b[:k]
        n = len(sh.offsets) - 1
        out = np.full((n, k), U32_MAX, np.uint32)
        sizes = sh.sizes()
        nonempty = np.flatnonzero(sizes)
        if len(nonempty) == 0:
            return out
        x = (sh.values >> _S32).astype(np.uint32)
        offs = np.concatenate([sh.offsets[nonempty], [len(x)]])
        mins = np.empty((k, len(nonempty)), np.uint32)
        # (permutations x shingles) blocks of whole documents, reduced per document along
        # the contiguous axis; a block holds about `chunk` shingles (one long text may exceed it)
        ends = np.searchsorted(offs, offs[:-1] + self.chunk, side="right") - 1
        i, m = 0, len(nonempty)
        while i < m:
            j = max(int(ends[i]), i + 1)
            seg = x[offs[i] : offs[j]]
            h = np.multiply(a[:, None], seg[None, :])
            h += b[:, None]
            mins[:, i:j] = np.minimum.reduceat(h, offs[i:j] - offs[i], axis=1)
            i = j
        out[nonempty] = mins.T
        return out

    def signatures(self, texts: list[str]) -> np.ndarray:
        return (
            self.signatures_of(shingle_batch(texts, self.shingle_size))
            if texts
            else np.empty((0, self.num_perm), np.uint32)
        )


def band_keys(signatures: np.ndarray, bands: int, rows: int, band_offset: int = 0) -> np.ndarray:
    """(n_docs, bands) uint64 keys; key j hashes band number j+band_offset with its r values.

    Rows of all-0xFFFFFFFF (texts without shingles) get key 0, which is never stored.
    """
    n = signatures.shape[0]
    if signatures.shape[1] < bands * rows:
        raise ValueError(f"signature has {signatures.shape[1]} values, {bands}x{rows} bands need more")
    s = signatures[:, : bands * rows].astype(np.uint64).reshape(n, bands, rows)
    band_ids = np.arange(band_offset, band_offset + bands, dtype=np.uint64)
    acc = np.broadcast_to(band_ids * _M2 + _C1, (n, bands)).copy()
    for j in range(rows):
        acc *= _C1
        acc += s[:, :, j]
        acc = _mix(acc)
    acc[(signatures == U32_MAX).all(axis=1)] = 0
    return acc
