"""Normalised forms of names and handles, and how alike two names are (no Django)."""

import re
import unicodedata
from difflib import SequenceMatcher

NON_WORD = re.compile(r"[^a-z0-9 ]+")


def fold(text: str) -> str:
    """Lower case, accents off, punctuation to spaces, spaces squeezed.

    "Zoé-Martin" → "zoe martin"."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return " ".join(NON_WORD.sub(" ", plain).split())


def normalise_handle(handle: str) -> str:
    """The account name a person tends to reuse: "@Zoe_M@mastodon.social" → "zoem",
    "zoem.bsky.social" → "zoem"."""
    handle = (handle or "").strip().lstrip("@").lower()
    handle = handle.split("@")[0]
    for suffix in (".bsky.social", ".bsky.app"):
        handle = handle.removesuffix(suffix)
    return fold(handle).replace(" ", "")


def name_similarity(first: str, second: str) -> float:
    """0…1: how alike two folded names are, word order ignored."""
    a, b = " ".join(sorted(fold(first).split())), " ".join(sorted(fold(second).split()))
    if not a or not b:
        return 0.0
    return SequenceMatcher(None, a, b).ratio()
