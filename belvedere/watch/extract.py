"""Meaningful text of an HTML page, Open Terms Archive style (pure Python, no Django).

``extract_text(html, select, remove)`` keeps what the ``select`` selectors match, minus what
``remove`` matches, and turns it into markdown-ish text: one block (heading, paragraph, list
item, table row…) per paragraph, headings as ``#`` lines, list items as ``- `` lines,
whitespace collapsed, markup and attributes dropped. Two pages that differ only by markup,
attributes, scripts or whitespace give the same text, hence the same ``text_hash``.

A selector is a CSS selector or a range ``{"startBefore"|"startAfter": css,
"endBefore"|"endAfter": css}`` (the content between two elements), as in OTA declarations.
``filters`` are the declarative equivalents of OTA's JavaScript filters (``filters.py``).
"""

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from datetime import datetime

from selectolax.lexbor import LexborHTMLParser

from belvedere.watch import filters as declared_filters

ALWAYS_REMOVED = "script, style, noscript, template, svg, iframe, object, head"
BLOCKS = {
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "dialog",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
    "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
    "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "body", "html",
}  # fmt: skip
MARK = "\ue000"
_MARKS = re.compile(MARK + r"[^" + MARK + r"]*" + MARK)
_SPACES = re.compile(r"\s+")


class ExtractionError(ValueError):
    """A selector that cannot be parsed, or nothing left to keep."""


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def normalise(text: str) -> str:
    """NFC, non-breaking and odd spaces as spaces, whitespace collapsed in each paragraph."""
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ").replace("\u200b", "")
    blocks = (_SPACES.sub(" ", block).strip() for block in re.split(r"\n\s*\n", text))
    return "\n\n".join(block for block in blocks if block)


def _css(tree_or_node, selector: str):
    try:
        return tree_or_node.css(selector)
    except Exception as exc:  # selectolax raises its own error type for a bad selector
        raise ExtractionError(f"Invalid CSS selector {selector!r}: {exc}") from exc


def _prefix(tag: str) -> str:
    if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
        return "#" * int(tag[1]) + " "
    return "- " if tag == "li" else ""


def _render(node, links: bool = False) -> list[str]:
    """The blocks of ``node``: an explicit stack, so deep pages cannot exhaust recursion.
    With ``links``, a link is written ``[text](address)``."""
    blocks: list[str] = []
    current: list[str] = []

    def flush(carry: bool = False) -> None:
        text = _SPACES.sub(" ", "".join(current)).strip()
        if text and text.strip("#- "):
            blocks.append(text)
            current.clear()
        elif text and carry:  # only a list or heading prefix: it goes to the inner block
            current[:] = [text + " "]
        else:
            current.clear()

    stack: list[tuple[object, bool]] = [(node, True)]
    while stack:
        item, entering = stack.pop()
        tag = item.tag
        if tag == "-text":
            current.append(item.text_content or "")
            continue
        if tag in ("-comment", "-doctype"):
            continue
        is_block = tag in BLOCKS
        href = (item.attributes.get("href") or "").strip() if links and tag == "a" else ""
        if not entering:
            if is_block:
                flush()
            elif href:
                current.append(f"]({href})")
            continue
        if href:
            current.append("[")
        if is_block:
            flush(carry=True)
            if tag != "li" or not current:
                current.append(_prefix(tag))
        stack.append((item, False))
        children = list(item.iter(include_text=True))
        stack.extend((child, True) for child in reversed(children))
    flush()
    return blocks


def _mark_range(tree, selector: dict, name: str) -> bool:
    """Put start and end marks around a range; False when one of its ends is missing."""
    start_css = selector.get("startBefore") or selector.get("startAfter")
    end_css = selector.get("endBefore") or selector.get("endAfter")
    if not isinstance(start_css, str) or not isinstance(end_css, str):
        raise ExtractionError(f"A range selector needs a start and an end: {selector!r}")
    starts, ends = _css(tree, start_css), _css(tree, end_css)
    if not starts or not ends:
        return False
    start_mark, end_mark = f"{MARK}{name}<{MARK}", f"{MARK}{name}>{MARK}"
    if "startBefore" in selector:
        starts[0].insert_before(start_mark)
    else:
        starts[0].insert_after(start_mark)
    if "endBefore" in selector:
        ends[-1].insert_before(end_mark)
    else:
        ends[-1].insert_after(end_mark)
    return True


def _between(text: str, name: str, *, keep: bool) -> str:
    start, end = f"{MARK}{name}<{MARK}", f"{MARK}{name}>{MARK}"
    first, last = text.find(start), text.find(end)
    if first < 0 or last < 0 or last < first:
        return "" if keep else text
    if keep:
        return text[first + len(start) : last]
    return text[:first] + "\n\n" + text[last + len(end) :]


def _as_list(selectors) -> list:
    if not selectors:
        return []
    return [selectors] if isinstance(selectors, str | dict) else list(selectors)


def extract_text(
    html: str,
    select: Iterable | str = (),
    remove: Iterable | str = (),
    filters: Iterable = (),
    *,
    now: datetime | None = None,
) -> str:
    """The normalised meaningful text of ``html`` (see the module's docstring); ``now`` is
    the fetch time, for the ``normaliseDates`` filter's relative dates."""
    try:
        plan = declared_filters.plan(filters)
    except declared_filters.FilterError as exc:
        raise ExtractionError(str(exc)) from exc
    tree = LexborHTMLParser(html or "")
    for node in tree.css(ALWAYS_REMOVED):
        node.decompose()
    try:
        declared_filters.run_elements(tree, plan.elements, _css)
    except (declared_filters.FilterError, re.error) as exc:
        raise ExtractionError(f"Filter: {exc}") from exc
    removed_ranges = []
    for index, selector in enumerate(_as_list(remove)):
        if isinstance(selector, dict):
            if _mark_range(tree, selector, f"r{index}"):
                removed_ranges.append(f"r{index}")
        else:
            for node in _css(tree, selector):
                node.decompose()
    pieces = []
    for index, selector in enumerate(_as_list(select) or ["body"]):
        if isinstance(selector, dict):
            if _mark_range(tree, selector, f"s{index}") and tree.body is not None:
                whole = "\n\n".join(_render(tree.body, plan.keep_links))
                pieces.append(_between(whole, f"s{index}", keep=True))
        else:
            nodes = _css(tree, selector)
            pieces.extend("\n\n".join(_render(node, plan.keep_links)) for node in nodes)
    text = "\n\n".join(pieces)
    for name in removed_ranges:
        text = _between(text, name, keep=False)
    text = normalise(_MARKS.sub("", text))
    if plan.text:
        try:
            text = normalise(declared_filters.run_text(text, plan.text, now=now))
        except re.error as exc:
            raise ExtractionError(f"Filter: {exc}") from exc
    return text
