"""Refuse regular expressions that could take exponential time (ReDoS) before they are saved.

Python's `re` has no timeout, so a watched expression must be safe by construction: no
backreference, no repetition inside a repeated group (`(a+)+`), no alternation inside a
repeated group (`(a|ab)*`), a bounded number of open-ended repetitions, and it must run
quickly on adversarial inputs.
"""

import re
import time

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

try:  # Python 3.11+
    from re import _constants as sre_constants
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover
    import sre_constants  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

MAX_LENGTH = 200
MAX_OPEN_REPEATS = 4
PROBE_SECONDS = 0.05
REPEATS = {sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT}
if hasattr(sre_constants, "POSSESSIVE_REPEAT"):
    REPEATS.add(sre_constants.POSSESSIVE_REPEAT)
PROBES = ("a" * 3000 + "!", "a " * 1500 + "!", "ab" * 1500 + "\n", "0" * 3000 + "x")


class _Unsafe(Exception):
    pass


def _walk(items, repeated: bool, counter: list[int]) -> None:
    for op, av in items:
        if op in REPEATS:
            low, high, sub = av
            many = high == sre_constants.MAXREPEAT or high > 1
            if many and repeated:
                raise _Unsafe(_("A repetition inside a repeated group can take forever."))
            if high == sre_constants.MAXREPEAT:
                counter[0] += 1
            _walk(sub, repeated or many, counter)
        elif op == sre_constants.BRANCH:
            if repeated:
                raise _Unsafe(_("Alternatives inside a repeated group can take forever."))
            for branch in av[1]:
                _walk(branch, repeated, counter)
        elif op == sre_constants.SUBPATTERN:
            _walk(av[-1], repeated, counter)
        elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            _walk(av[1], repeated, counter)
        elif op in (sre_constants.GROUPREF, sre_constants.GROUPREF_EXISTS):
            raise _Unsafe(_("Backreferences are not allowed."))
        elif op == getattr(sre_constants, "ATOMIC_GROUP", None):
            _walk(av, repeated, counter)


def validate_pattern(pattern: str) -> re.Pattern:
    """The compiled expression, or ValidationError saying why it is refused."""
    if len(pattern) > MAX_LENGTH:
        raise ValidationError(
            _("An expression has at most %(n)d characters.") % {"n": MAX_LENGTH}, code="too_long"
        )
    try:
        compiled = re.compile(pattern, re.IGNORECASE)
        tree = sre_parse.parse(pattern, re.IGNORECASE)
    except (re.error, RecursionError, OverflowError) as error:
        raise ValidationError(
            _("This is not a valid regular expression: %(error)s") % {"error": error},
            code="invalid_regex",
        )
    counter = [0]
    try:
        _walk(tree, False, counter)
    except _Unsafe as unsafe:
        raise ValidationError(str(unsafe), code="unsafe_regex")
    if counter[0] > MAX_OPEN_REPEATS:
        raise ValidationError(
            _("At most %(n)d open-ended repetitions (*, +, {n,}).") % {"n": MAX_OPEN_REPEATS},
            code="unsafe_regex",
        )
    if compiled.search("") is not None:
        raise ValidationError(_("This expression matches an empty text."), code="empty_match")
    _probe(compiled)
    return compiled


def _probe(compiled: re.Pattern) -> None:
    for text in PROBES:
        started = time.perf_counter()
        compiled.search(text)
        if time.perf_counter() - started > PROBE_SECONDS:
            raise ValidationError(_("This expression is too slow."), code="slow_regex")
