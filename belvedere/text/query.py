"""The boolean query language of listening (Brandwatch-like), pure Python.

Grammar (EBNF; keywords ``AND OR NOT NEAR`` are upper case, anything else is a term)::

    query     = or_expr ;
    or_expr   = and_expr , { "OR" , and_expr } ;
    and_expr  = unary , { [ "AND" ] , unary } ;           (* two terms side by side: AND *)
    unary     = ( "NOT" | "-" ) , unary | near ;
    near      = primary , { "NEAR/" , digits , primary } ;   (* operands: terms or phrases *)
    primary   = "(" , or_expr , ")" | field , value | phrase | term ;
    value     = "(" , or_expr , ")" | phrase | term ;     (* no field inside a field *)
    field     = ( "lang" | "site" | "author" | "title" ) , ":" ;
    phrase    = '"' , { any character but '"' } , '"' , [ "~" , digits ] ;
    term      = word characters, with the wildcards "*" (any letters) and "?" (one letter) ;

Precedence: NEAR > NOT/- > AND > OR; ``a OR b c`` is ``a OR (b AND c)``.
Matching folds case and accents (NFKD, combining marks dropped, casefold), so ``Éte``
finds ``ete``. Texts and terms are cut into words at anything but letters, digits and ``_``;
a term holding several words (``e-mail``, ``l'oréal``) is the phrase of those words.
``"a b"~5`` and ``a NEAR/5 b``: at most 5 other words between them, in any order.
Without a field a term is looked for in the title and the text. ``lang:fr`` also matches
``fr-CA``; ``site:example.com`` matches that host and its sub-domains.

``compile_query(text)`` returns a :class:`Matcher`; bad queries raise :class:`QuerySyntaxError`
with the 0-based position of the problem.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import chain

MAX_QUERY_CHARS = 4000
MAX_DEPTH = 50
MAX_DISTANCE = 1000
FIELDS = ("lang", "site", "author", "title")
KEYWORDS = {"AND", "OR", "NOT"}
_WORD = re.compile(r"\w+")
_QUERY_WORD = re.compile(r"[\w*?]+")
_NEAR = re.compile(r"NEAR/(\d+)$")
_FIELD = re.compile(r"([A-Za-z]+):(.*)$", re.DOTALL)
_HOST = re.compile(r"[\w*?.-]+")
_TEXT_GAP = 10_000  # positions between the title and the text: no phrase spans them


def fold(text: str) -> str:
    """Case- and accent-free form of ``text`` (idempotent)."""
    if text.isascii():
        return text.lower()
    for _ in range(2):  # casefold may produce characters that decompose further
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return text


def words(text: str) -> list[str]:
    """The folded words of ``text``."""
    return _WORD.findall(fold(text))


class QuerySyntaxError(ValueError):
    """A query that cannot be read; ``position`` is the 0-based offset of the problem."""

    def __init__(self, message: str, position: int, query: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.position = position
        self.query = query

    def caret(self) -> str:
        """The query on one line and a caret under the problem."""
        line = self.query.replace("\n", " ").replace("\t", " ")
        return f"{line}\n{' ' * self.position}^"

    def __str__(self) -> str:
        return f"{self.message} (at character {self.position + 1})"


# ---------------------------------------------------------------- syntax tree


@dataclass(frozen=True)
class Words:
    """A term or a phrase: consecutive word patterns in one field; ``slop`` for ``"…"~n``."""

    parts: tuple[str, ...]
    field: str = ""
    slop: int | None = None

    def __str__(self) -> str:
        prefix = f"{self.field}:" if self.field else ""
        if len(self.parts) == 1:
            return prefix + self.parts[0]
        tilde = f"~{self.slop}" if self.slop is not None else ""
        return f'{prefix}"{" ".join(self.parts)}"{tilde}'


@dataclass(frozen=True)
class Near:
    left: Words | Near
    right: Words | Near
    distance: int

    def __str__(self) -> str:
        return f"({self.left} NEAR/{self.distance} {self.right})"


@dataclass(frozen=True)
class Not:
    operand: Node

    def __str__(self) -> str:
        return f"NOT {self.operand}"


@dataclass(frozen=True)
class And:
    operands: tuple[Node, ...]

    def __str__(self) -> str:
        return "(" + " AND ".join(map(str, self.operands)) + ")"


@dataclass(frozen=True)
class Or:
    operands: tuple[Node, ...]

    def __str__(self) -> str:
        return "(" + " OR ".join(map(str, self.operands)) + ")"


Node = Words | Near | Not | And | Or

# ---------------------------------------------------------------- lexer


@dataclass(frozen=True)
class Token:
    kind: str  # ( ) PHRASE WORD AND OR NOT MINUS NEAR FIELD END
    value: str
    pos: int
    number: int | None = None


def _lex_phrase(text: str, start: int) -> tuple[Token, int]:
    end = text.find('"', start + 1)
    if end < 0:
        raise QuerySyntaxError("This quote is never closed.", start, text)
    i, slop = end + 1, None
    if text.startswith("~", i):
        digits = re.match(r"\d+", text[i + 1 :])
        if not digits:
            raise QuerySyntaxError('"~" must be followed by a number, as in "a b"~5.', i, text)
        slop = int(digits.group())
        if slop > MAX_DISTANCE:
            raise QuerySyntaxError(f"A distance is at most {MAX_DISTANCE}.", i + 1, text)
        i += 1 + len(digits.group())
    return Token("PHRASE", text[start + 1 : end], start, slop), i


def _lex_word(text: str, word: str, pos: int) -> list[Token]:
    if word in KEYWORDS:
        return [Token(word, word, pos)]
    if word.startswith("NEAR"):
        near = _NEAR.match(word)
        if not near:
            raise QuerySyntaxError("Write NEAR with a distance, as in a NEAR/3 b.", pos, text)
        if int(near.group(1)) > MAX_DISTANCE:
            raise QuerySyntaxError(f"A distance is at most {MAX_DISTANCE}.", pos + 5, text)
        return [Token("NEAR", word, pos, int(near.group(1)))]
    if word.startswith("-"):
        rest = word[1:]
        return [Token("MINUS", "-", pos)] + (_lex_word(text, rest, pos + 1) if rest else [])
    named = _FIELD.match(word)
    if named:
        name, rest = named.group(1).lower(), named.group(2)
        if name not in FIELDS:
            known = ", ".join(f"{f}:" for f in FIELDS)
            raise QuerySyntaxError(
                f'Unknown field "{named.group(1)}:"; the fields are {known} '
                "(quote the text to search it as it is).",
                pos,
                text,
            )
        head = [Token("FIELD", name, pos)]
        if name == "site" and rest:  # a host or a URL, taken as it is
            return head + [Token("WORD", rest, pos + len(name) + 1)]
        return head + (_lex_word(text, rest, pos + len(name) + 1) if rest else [])
    if "~" in word:
        where = pos + word.index("~")
        raise QuerySyntaxError('"~" goes after a quoted phrase, as in "a b"~5.', where, text)
    return [Token("WORD", word, pos)]


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char.isspace():
            i += 1
        elif char in "()":
            tokens.append(Token(char, char, i))
            i += 1
        elif char == '"':
            token, i = _lex_phrase(text, i)
            tokens.append(token)
        else:
            start = i
            while i < n and not text[i].isspace() and text[i] not in '()"':
                i += 1
            tokens.extend(_lex_word(text, text[start:i], start))
    tokens.append(Token("END", "", n))
    return tokens


# ---------------------------------------------------------------- parser

_STARTS = {"(", "PHRASE", "WORD", "NOT", "MINUS", "FIELD"}
_NAMES = {"(": '"("', ")": '")"', "END": "the end of the query", "NEAR": "NEAR"}


class Parser:
    """Recursive descent over the tokens; one method per rule of the grammar."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = tokenize(text)
        self.i = 0
        self.depth = 0
        self.field = ""

    @property
    def token(self) -> Token:
        return self.tokens[self.i]

    def error(self, message: str, token: Token | None = None) -> QuerySyntaxError:
        return QuerySyntaxError(message, (token or self.token).pos, self.text)

    def advance(self) -> Token:
        token = self.token
        self.i += 1
        return token

    def parse(self) -> Node:
        node = self.or_expr()
        if self.token.kind == ")":
            raise self.error('This ")" has no matching "(".')
        if self.token.kind != "END":
            raise self.error(f'Unexpected "{self.token.value}".')
        return node

    def expect_operand(self, after: Token | None) -> None:
        if self.token.kind in _STARTS:
            return
        if after is not None:
            raise self.error(f"{after.value} must be followed by a term.", after)
        if self.token.kind in ("AND", "OR", "NEAR"):
            raise self.error(f"{self.token.value} must come between two terms.")
        if self.token.kind == ")":
            raise self.error('This ")" has no matching "(".')
        raise self.error("A term is missing here.")

    def or_expr(self) -> Node:
        operands = [self.and_expr(None)]
        while self.token.kind == "OR":
            operands.append(self.and_expr(self.advance()))
        return operands[0] if len(operands) == 1 else Or(tuple(operands))

    def and_expr(self, after: Token | None) -> Node:
        operands = [self.unary(after)]
        while self.token.kind in _STARTS or self.token.kind == "AND":
            op = self.advance() if self.token.kind == "AND" else None
            operands.append(self.unary(op))
        return operands[0] if len(operands) == 1 else And(tuple(operands))

    def unary(self, after: Token | None) -> Node:
        self.expect_operand(after)
        if self.token.kind in ("NOT", "MINUS"):
            op = self.advance()
            with self.nested(op):
                return Not(self.unary(op))
        return self.near()

    def near(self) -> Node:
        left = self.primary()
        while self.token.kind == "NEAR":
            op = self.advance()
            if self.token.kind not in ("WORD", "PHRASE", "FIELD"):
                raise self.error("NEAR must be followed by a term or a phrase.", op)
            right = self.primary()
            for side in (left, right):
                if not isinstance(side, Words | Near):
                    raise self.error("NEAR joins terms or phrases, not groups.", op)
            if _field_of(left) != _field_of(right) or _field_of(left) in ("site", "lang"):
                raise self.error("NEAR joins words of the same text, title or author.", op)
            left = Near(left, right, op.number or 0)
        return left

    def primary(self) -> Node:
        token = self.token
        if token.kind == "(":
            return self.group()
        if token.kind == "FIELD":
            return self.fielded()
        if token.kind in ("PHRASE", "WORD"):
            self.advance()
            return self.words(token)
        raise self.error("A term is missing here.")

    def group(self) -> Node:
        opening = self.advance()
        with self.nested(opening):
            if self.token.kind == ")":
                raise self.error("These parentheses are empty.", opening)
            node = self.or_expr()
        if self.token.kind != ")":
            raise self.error("This parenthesis is never closed.", opening)
        self.advance()
        return node

    def fielded(self) -> Node:
        token = self.advance()
        if self.field:
            raise self.error("A field cannot be used inside another field.", token)
        if self.token.kind not in ("(", "PHRASE", "WORD"):
            raise self.error(f"{token.value}: must be followed by a value.", token)
        self.field = token.value
        try:
            return self.primary()
        finally:
            self.field = ""

    def words(self, token: Token) -> Words:
        if self.field == "site":
            return self.site(token)
        parts = tuple(_QUERY_WORD.findall(fold(token.value)))
        if not parts:
            raise self.error("There is nothing to search for here (no letters or digits).", token)
        for part in parts:
            if not part.strip("*?"):
                raise self.error("A wildcard needs at least one letter or digit beside it.", token)
        if token.number is not None and len(parts) < 2:
            raise self.error('"~" needs at least two words in the phrase.', token)
        return Words(parts, self.field, token.number)

    def site(self, token: Token) -> Words:
        host = host_of(token.value)
        if not _HOST.fullmatch(host) or not host.strip("*?.-"):
            raise self.error("site: takes a host name, as in site:example.com.", token)
        return Words((host,), "site")

    def nested(self, token: Token):
        parser = self

        class _Depth:
            def __enter__(self):
                parser.depth += 1
                if parser.depth > MAX_DEPTH:
                    raise parser.error(f"The query nests more than {MAX_DEPTH} levels.", token)

            def __exit__(self, *exc):
                parser.depth -= 1

        return _Depth()


def _field_of(node: Words | Near) -> str:
    return node.field if isinstance(node, Words) else _field_of(node.left)


def parse(text: str) -> Node:
    """The syntax tree of ``text``, or QuerySyntaxError."""
    if not isinstance(text, str):
        raise TypeError("a query is a str")
    if len(text) > MAX_QUERY_CHARS:
        raise QuerySyntaxError(
            f"The query is too long ({len(text):,} characters; at most {MAX_QUERY_CHARS:,}).",
            MAX_QUERY_CHARS,
            text,
        )
    if not text.strip():
        raise QuerySyntaxError("The query is empty.", 0, text)
    return Parser(text).parse()


# ---------------------------------------------------------------- documents


@dataclass
class FieldIndex:
    """Where each folded word of a field occurs."""

    positions: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def build(cls, *texts: str) -> FieldIndex:
        index, offset = cls(), 0
        for text in texts:
            tokens = words(text or "")
            for i, word in enumerate(tokens, start=offset):
                index.positions.setdefault(word, []).append(i)
            offset += len(tokens) + _TEXT_GAP
        return index


@dataclass
class Document:
    """A mention prepared once for matching against many queries."""

    text: str = ""
    title: str = ""
    lang: str = ""
    site: str = ""
    author: str = ""
    _indexes: dict[str, FieldIndex] = field(default_factory=dict, repr=False)
    _wildcards: dict[tuple[str, str], list[int]] = field(default_factory=dict, repr=False)

    @classmethod
    def of(cls, doc: object) -> Document:
        if isinstance(doc, Document):
            return doc
        get = doc.get if isinstance(doc, Mapping) else lambda name, d="": getattr(doc, name, d)
        values = {name: get(name, "") or "" for name in ("text", "title", "lang", "site", "author")}
        return cls(**{name: str(value) for name, value in values.items()})

    def index(self, name: str) -> FieldIndex:
        if name not in self._indexes:
            texts = {"": (self.title, self.text), "title": (self.title,)}.get(name)
            self._indexes[name] = FieldIndex.build(*(texts or (getattr(self, name),)))
        return self._indexes[name]

    def host(self) -> str:
        return host_of(self.site)


def host_of(site: str) -> str:
    """The folded host name in a host or a URL: ``https://WWW.Ex.com/a`` → ``www.ex.com``."""
    host = fold(site).strip()
    if "//" in host:
        host = host.split("//", 1)[1]
    return host.split("/", 1)[0].rsplit("@", 1)[-1].split(":", 1)[0].strip(".")


# ---------------------------------------------------------------- matching


def _wildcard(part: str) -> re.Pattern[str] | None:
    if "*" not in part and "?" not in part:
        return None
    body = "".join(r"\w*" if c == "*" else r"\w" if c == "?" else re.escape(c) for c in part)
    return re.compile(body)


class Matcher:
    """A compiled query: ``matches(doc)`` for a Document, a mapping or an object."""

    def __init__(self, text: str, tree: Node) -> None:
        self.text = text
        self.tree = tree
        self._patterns: dict = {}

    def __repr__(self) -> str:
        return f"<Matcher {self.tree}>"

    def matches(self, doc: object) -> bool:
        return self._eval(self.tree, Document.of(doc))

    def _eval(self, node: Node, doc: Document) -> bool:
        if isinstance(node, Or):
            return any(self._eval(op, doc) for op in node.operands)
        if isinstance(node, And):
            return all(self._eval(op, doc) for op in node.operands)
        if isinstance(node, Not):
            return not self._eval(node.operand, doc)
        if isinstance(node, Words) and node.field == "site":
            return self._site(node, doc)
        if len(node.parts) == 1 if isinstance(node, Words) else False:
            return bool(self._positions(node.parts[0], node.field, doc))
        return bool(self._spans(node, doc))

    def _site(self, node: Words, doc: Document) -> bool:
        host, wanted = doc.host(), node.parts[0]
        if "*" in wanted or "?" in wanted:
            if ("site", wanted) not in self._patterns:
                body = "".join(
                    r"[\w.-]*" if c == "*" else r"[\w-]" if c == "?" else re.escape(c)
                    for c in wanted
                )
                self._patterns[("site", wanted)] = re.compile(body)
            rx = self._patterns[("site", wanted)]
            return any(rx.fullmatch(suffix) for suffix in _suffixes(host))
        return host == wanted or host.endswith("." + wanted)

    def _pattern(self, part: str) -> re.Pattern[str] | None:
        if part not in self._patterns:
            self._patterns[part] = _wildcard(part)
        return self._patterns[part]

    def _positions(self, part: str, name: str, doc: Document) -> list[int]:
        index = doc.index(name)
        rx = self._pattern(part)
        if rx is None:
            return index.positions.get(part, [])
        key = (name, part)  # a wildcard is expanded once per document, whatever the query
        if key not in doc._wildcards:
            found = (pos for word, pos in index.positions.items() if rx.fullmatch(word))
            doc._wildcards[key] = sorted(chain.from_iterable(found))
        return doc._wildcards[key]

    def _spans(self, node: Words | Near, doc: Document) -> list[tuple[int, int]]:
        if isinstance(node, Near):
            return _near(self._spans(node.left, doc), self._spans(node.right, doc), node.distance)
        lists = [self._positions(part, node.field, doc) for part in node.parts]
        if not all(lists):
            return []
        if len(lists) == 1:
            return [(p, p) for p in lists[0]]
        if node.slop is not None:
            return _within(lists, node.slop)
        later = [set(p) for p in lists[1:]]
        return [
            (p, p + len(later))
            for p in lists[0]
            if all(p + k + 1 in s for k, s in enumerate(later))
        ]


def _suffixes(host: str) -> list[str]:
    labels = host.split(".")
    return [".".join(labels[i:]) for i in range(len(labels))]


def _near(left: list, right: list, distance: int) -> list[tuple[int, int]]:
    """Spans made of one left and one right span with at most ``distance`` words between."""
    spans = []
    for a in left:
        for b in right:
            gap = b[0] - a[1] - 1 if b[0] > a[1] else a[0] - b[1] - 1
            if (a[1] < b[0] or b[1] < a[0]) and gap <= distance:
                spans.append((min(a[0], b[0]), max(a[1], b[1])))
    return spans


def _within(lists: list[list[int]], slop: int) -> list[tuple[int, int]]:
    """Windows holding every word (any order) with at most ``slop`` other words inside."""
    events = sorted((pos, k) for k, positions in enumerate(lists) for pos in positions)
    need, counts, covered, lo, spans = len(lists), [0] * len(lists), 0, 0, []
    for pos, k in events:
        counts[k] += 1
        covered += counts[k] == 1
        while covered == need:
            start, first = events[lo]
            if pos - start + 1 - need <= slop:
                spans.append((start, pos))
            counts[first] -= 1
            covered -= counts[first] == 0
            lo += 1
    return spans


def compile_query(text: str) -> Matcher:
    """Parse ``text`` and return its Matcher (QuerySyntaxError if it cannot be read)."""
    return Matcher(text, parse(text))
