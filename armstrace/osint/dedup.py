"""Exact and near duplicates: a hash of the normalised text, and a MinHash of its word shingles (datasketch) whose
bands index the stored documents (locality-sensitive hashing), so a reposted release is found without comparing
every pair."""

import hashlib
import re
import unicodedata

from datasketch import MinHash

PERMUTATIONS = 64
BANDS = 16  # 16 bands of 4 rows: documents about 50 % similar or more share a band
ROWS = PERMUTATIONS // BANDS
SHINGLE = 4
NEAR_DUPLICATE = 0.7  # estimated Jaccard similarity of the shingles from which a document is a near copy
_WORD = re.compile(r"\w+")


def words(text):
    folded = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode().lower()
    return _WORD.findall(folded)


def content_hash(text):
    return hashlib.sha256(" ".join(words(text)).encode()).hexdigest()


def shingles(text, size=SHINGLE):
    tokens = words(text)
    if len(tokens) < size:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i:i + size]) for i in range(len(tokens) - size + 1)}


def signature(text):
    minhash = MinHash(num_perm=PERMUTATIONS, seed=7)
    for shingle in shingles(text):
        minhash.update(shingle.encode())
    return [int(v) for v in minhash.hashvalues]


def band_keys(sig):
    return [hashlib.blake2b(f"{b}:{sig[b * ROWS:(b + 1) * ROWS]}".encode(), digest_size=16).hexdigest()
            for b in range(BANDS)]


def similarity(sig_a, sig_b):
    """Estimated Jaccard similarity of two signatures."""
    if not sig_a or not sig_b or len(sig_a) != len(sig_b):
        return 0.0
    return sum(a == b for a, b in zip(sig_a, sig_b, strict=True)) / len(sig_a)
