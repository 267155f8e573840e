"""The MinHash signature of an article's text: what near-duplicate detection compares.

The text compared is the article's own (which parts: :func:`.fingerprint.compared_text`).
It is normalized (:func:`articleparse.normalize`:
simplified characters, no pinyin annotations, half-width letters and digits),
lower-cased, and stripped of everything but letters and digits, so spaces, line
breaks and punctuation, which re-wrapping and conversion change, count for
nothing. Its shingles are the runs of :data:`SHINGLE` characters, one in
:data:`SAMPLE` kept (chosen by hash, so the same ones in every text); a signature
is the MinHash of that set (datasketch, :data:`NUM_PERM` permutations) and the
number of distinct shingles, which together estimate both the Jaccard
similarity of two texts and how much of the smaller one the larger contains.

Signatures are cut into :data:`BANDS` bands of :data:`ROWS` values for
locality-sensitive hashing: two texts share at least one band with probability
``1 - (1 - J**ROWS)**BANDS``, above 0.999 for the Jaccard similarity of 2/3
that a copy cut to two thirds has, and below 0.25 at 0.3.

Needs ``pip install 'articleparse[dedup]'`` (datasketch, numpy).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from ..normalize import normalize

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

INSTALL_HINT = "dedup needs datasketch: pip install 'articleparse[dedup]'"

SHINGLE: Final = 5
NUM_PERM: Final = 128
BANDS: Final = 32
ROWS: Final = NUM_PERM // BANDS
SEED: Final = 1

_POLYNOMIAL: Final = 0x100000001B3  # the FNV-1 64-bit prime, as the shingle hash's base
_MIX: Final = 0xBF58476D1CE4E5B9  # a 64-bit mixing constant (splitmix64's)
SAMPLE: Final = 4
# Code point ranges that are not compared (see _codes).
_DROPPED: Final = (
    (0x00, 0x2F),
    (0x3A, 0x40),
    (0x5B, 0x60),
    (0x7B, 0xBF),
    (0x2000, 0x2BFF),
    (0x3000, 0x303F),
    (0xFE10, 0xFE6F),
    (0xFF00, 0xFF0F),
    (0xFF1A, 0xFF20),
    (0xFF3B, 0xFF40),
    (0xFF5B, 0xFF65),
)


@dataclass(frozen=True, slots=True)
class Signature:
    """The MinHash values of a text's shingles, and how many distinct shingles it has."""

    hashvalues: npt.NDArray[np.uint32]
    size: int

    def jaccard(self, other: Signature) -> float:
        """Estimated Jaccard similarity of the two shingle sets."""
        return float((self.hashvalues == other.hashvalues).mean())

    def containment(self, other: Signature) -> float:
        """Estimated share of the smaller set that the larger contains (1.0: all of it).

        From the Jaccard estimate ``J`` and the set sizes: the intersection is
        ``J * (|A| + |B|) / (1 + J)``. This is what finds a copy cut short,
        whose Jaccard similarity to the whole falls with the share cut off.
        """
        jaccard = self.jaccard(other)
        smaller = min(self.size, other.size)
        if smaller == 0:
            return 0.0
        shared = jaccard * (self.size + other.size) / (1.0 + jaccard)
        return min(1.0, shared / smaller)

    def bands(self) -> list[bytes]:
        """The signature's :data:`BANDS` band keys, each its band's values as bytes."""
        raw = self.hashvalues.tobytes()
        width = ROWS * 4
        return [raw[start : start + width] for start in range(0, len(raw), width)]


def comparable_text(text: str, *, normalized: bool = False) -> str:
    """The characters compared: ``text`` normalized, letters and digits only, ASCII lower-cased."""
    codes = _codes(text if normalized else normalize(text))
    compared: str = codes.astype("<u4").tobytes().decode("utf-32-le")
    return compared


def signature(text: str, *, normalized: bool = False) -> Signature | None:
    """The signature of an article's text; ``None`` when it has no letters or digits.

    ``normalized`` says the text has already been through :func:`articleparse.normalize`.
    """
    codes = _codes(text if normalized else normalize(text))
    if not codes.size:
        return None
    shingles = _shingle_hashes(codes)
    minhash = _datasketch().MinHash(
        num_perm=NUM_PERM,
        seed=SEED,
        hashfunc=int,
        permutations=_permutations(),
        scheme="affine32",
    )
    minhash.update_batch(shingles.tolist())
    values: npt.NDArray[np.uint32] = minhash.hashvalues
    return Signature(values, int(shingles.size))


def band_keys(text: str, *, normalized: bool = False) -> list[str]:
    """The band keys of a text as strings (``"07:…hex…"``): the same in every process.

    Two texts with a key in common are candidate near-duplicates; this is the
    column to explode and group on in a dataframe (see docs/corpus.md).
    """
    found = signature(text, normalized=normalized)
    if found is None:
        return []
    return [f"{index:02d}:{band.hex()}" for index, band in enumerate(found.bands())]


def _codes(text: str) -> npt.NDArray[np.uint32]:
    """The code points of ``text`` that are compared: no spaces, punctuation or symbols.

    Vectorized over the whole text: the ranges dropped are the ASCII
    characters that are not letters or digits, Latin-1's punctuation, the
    general punctuation, arrows and other symbols, the CJK symbols and
    punctuation, the vertical and small forms, and the full-width forms'
    punctuation. ASCII capitals are lower-cased.
    """
    import numpy as np

    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    keep = np.ones(codes.size, dtype=bool)
    for low, high in _DROPPED:
        keep &= (codes < low) | (codes > high)
    kept = codes[keep]
    capitals = (kept >= 0x41) & (kept <= 0x5A)
    if capitals.any():
        kept = kept.copy()
        kept[capitals] += 0x20
    return kept


def _shingle_hashes(codes: npt.NDArray[np.uint32]) -> npt.NDArray[np.uint32]:
    """The distinct 32-bit hashes of the sampled :data:`SHINGLE`-character runs of ``codes``.

    A polynomial hash over the code points, computed for all positions at
    once; a text shorter than a shingle is one shingle. One shingle hash in
    :data:`SAMPLE` is kept, chosen by its value, so a shingle is kept in every
    text or in none: the sets compared are the same sample of each text (whose
    Jaccard similarity and containment estimate those of the whole sets), and
    the MinHash costs a quarter as much.
    """
    import numpy as np

    wide = codes.astype(np.uint64)
    width = min(SHINGLE, wide.size)
    count = wide.size - width + 1
    hashes = np.zeros(count, dtype=np.uint64)
    base = np.uint64(_POLYNOMIAL)
    for offset in range(width):
        hashes = hashes * base + wide[offset : offset + count]  # wraps modulo 2**64
    hashes ^= hashes >> np.uint64(29)
    hashes *= np.uint64(_MIX)
    folded = (hashes >> np.uint64(32)).astype(np.uint32)
    sampled = folded[folded % SAMPLE == 0]
    if not sampled.size:  # a text of a few characters: its smallest shingle stands for it
        sampled = folded.min(keepdims=True)
    unique: npt.NDArray[np.uint32] = np.unique(sampled)
    return unique


@functools.cache
def _permutations() -> Any:
    """The permutations of the signature, drawn once per process from :data:`SEED`."""
    return _datasketch().MinHash(num_perm=NUM_PERM, seed=SEED, scheme="affine32").permutations


def require_datasketch() -> None:
    """Nothing, or an :class:`ImportError` that says how to install datasketch."""
    _datasketch()


@functools.cache
def _datasketch() -> Any:
    try:
        import datasketch
    except ImportError as exc:
        raise ImportError(INSTALL_HINT) from exc
    return datasketch


__all__ = [
    "BANDS",
    "INSTALL_HINT",
    "NUM_PERM",
    "ROWS",
    "SHINGLE",
    "Signature",
    "band_keys",
    "comparable_text",
    "require_datasketch",
    "signature",
]
