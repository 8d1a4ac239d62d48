"""Stable identities: of a copy (source + guid) and of its content (normalised body)."""

from __future__ import annotations

import hashlib
import re

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


def normalise_for_hash(body: str) -> str:
    """Case, punctuation and spacing do not make a different story."""
    return _NON_WORD.sub(" ", body.casefold()).strip()


def content_hash(body: str) -> str:
    """Fingerprint of the normalised body; equal fingerprints are exact duplicates."""
    return hashlib.sha256(normalise_for_hash(body).encode("utf-8")).hexdigest()[:32]


def article_id(source: str, key: str) -> str:
    """Id of one copy: the source plus the item's guid (or link)."""
    return hashlib.sha256(f"{source}\x1f{key}".encode()).hexdigest()[:24]


def story_id_for(content_hash_: str) -> str:
    """Story id of an exact-duplicate group: derived from the content, so runs agree."""
    return "st_" + content_hash_[:20]


def doc_id(payload: bytes) -> str:
    """Id of a raw payload: the same bytes are stored once."""
    return hashlib.sha256(payload).hexdigest()
