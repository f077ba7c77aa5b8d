"""@mentions: finding them in Markdown and linking them in rendered HTML. Pure functions.

A member is mentioned by their display name, matched case-insensitively:
`@Carol`, `@Jean_Dupont` (underscores stand for spaces) or `@"Jean Dupont"`.
Mentions inside code and inside quoted lines (`> …`) do not count.
"""

import html
import re
from collections.abc import Callable

MAX_MENTIONS = 10
MENTION = re.compile(r'(?<![\w@/.])@(?:"([^"\n<>]{1,40})"|(\w[\w.\-]{0,39}))')
_FENCE = re.compile(r"^ {0,3}(```|~~~).*?^ {0,3}\1[^\n]*$", re.M | re.S)
_INLINE_CODE = re.compile(r"(`+)[^`]*?\1")
_QUOTE_LINE = re.compile(r"^ {0,3}>.*$", re.M)
_TAG = re.compile(r"(<[^>]*>)")
_SKIP_TAGS = {"a", "code", "pre"}


def _name(match: re.Match) -> str:
    return (match.group(1) or match.group(2).rstrip(".-")).strip()


def candidates(name: str) -> list[str]:
    """Lowercased display names a handle may stand for (`jean_dupont` → also `jean dupont`)."""
    lowered = name.lower()
    spaced = lowered.replace("_", " ")
    return [lowered] if spaced == lowered else [lowered, spaced]


def extract_mentions(markdown: str) -> list[str]:
    """The handles mentioned in a post's Markdown, in order, without duplicates."""
    text = _FENCE.sub(" ", markdown or "")
    text = _QUOTE_LINE.sub(" ", _INLINE_CODE.sub(" ", text))
    names: list[str] = []
    for match in MENTION.finditer(text):
        name = _name(match)
        if name and name.lower() not in (n.lower() for n in names):
            names.append(name)
    return names[:MAX_MENTIONS]


def _link_text(text: str, resolve: Callable[[str], tuple[str, str] | None]) -> str:
    raw, out, last = html.unescape(text), [], 0
    for match in MENTION.finditer(raw):
        found = resolve(_name(match))
        if found is None:
            continue
        url, display = found
        if match.group(1):
            end = match.end()
        else:
            end = match.start() + 1 + len(match.group(2).rstrip(".-"))
        out.append(html.escape(raw[last : match.start()], quote=False))
        out.append(
            f'<a class="mention" href="{html.escape(url)}">@{html.escape(display, quote=False)}</a>'
        )
        last = end
    if not out:
        return text
    out.append(html.escape(raw[last:], quote=False))
    return "".join(out)


def link_mentions(body_html: str, resolve: Callable[[str], tuple[str, str] | None]) -> str:
    """Turn @mentions of known members into profile links, outside links and code.

    `resolve(name)` gives `(url, display_name)` or None for an unknown name.
    """
    parts, depth, out = _TAG.split(body_html or ""), 0, []
    for part in parts:
        if part.startswith("<"):
            tag = re.match(r"</?\s*([a-zA-Z0-9]+)", part)
            name = tag.group(1).lower() if tag else ""
            if name in _SKIP_TAGS and not part.endswith("/>"):
                depth += -1 if part.startswith("</") else 1
            out.append(part)
        elif depth <= 0 and "@" in part:
            out.append(_link_text(part, resolve))
        else:
            out.append(part)
    return "".join(out)
