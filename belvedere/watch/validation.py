"""Validators shared by the forms and the API: selectors, patterns, URLs, channels."""

import json
import re
import time

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _
from selectolax.lexbor import LexborHTMLParser

from belvedere.core.http import check_user_url
from belvedere.core.notify import check_apprise_url
from belvedere.watch import filters as declared_filters

try:  # Python 3.11+
    from re import _constants as sre_constants
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover
    import sre_constants  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

MAX_CHANNELS = 20
MAX_LINES = 50
MAX_PATTERN = 200
PROBES = ("a" * 1000 + "!", "a " * 500 + "!", "0" * 1000 + "x")
PROBE_SECONDS = 0.25  # generous: the structural check above is the guard, this a backstop
REPEATS = {sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT}


def lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def clean_emails(text: str) -> str:
    emails = [e.strip() for e in (text or "").replace(",", "\n").splitlines() if e.strip()]
    if len(emails) > MAX_CHANNELS:
        raise ValidationError(_("At most %(n)s addresses.") % {"n": MAX_CHANNELS})
    for email in emails:
        validate_email(email)
    return "\n".join(emails)


def clean_apprise_urls(text: str) -> str:
    urls = lines(text)
    if len(urls) > MAX_CHANNELS:
        raise ValidationError(_("At most %(n)s URLs.") % {"n": MAX_CHANNELS})
    return "\n".join(check_apprise_url(url) for url in urls)


def clean_urls(text: str) -> str:
    urls = lines(text)
    if len(urls) > MAX_CHANNELS:
        raise ValidationError(_("At most %(n)s URLs.") % {"n": MAX_CHANNELS})
    return "\n".join(check_user_url(url) for url in urls)


def check_selector(selector: str) -> str:
    try:
        LexborHTMLParser("<p></p>").css(selector)
    except Exception:
        raise ValidationError(
            _("“%(selector)s” is not a valid CSS selector.") % {"selector": selector[:100]}
        )
    return selector


def _range(value: dict) -> dict:
    starts = [key for key in ("startBefore", "startAfter") if key in value]
    ends = [key for key in ("endBefore", "endAfter") if key in value]
    if len(starts) != 1 or len(ends) != 1 or set(value) - {*starts, *ends}:
        raise ValidationError(
            _("A range needs one of startBefore/startAfter and one of endBefore/endAfter.")
        )
    for key in (*starts, *ends):
        if not isinstance(value[key], str):
            raise ValidationError(_("A range's ends are CSS selectors."))
        check_selector(value[key])
    return value


def check_selectors(values) -> list:
    """A list of CSS selectors or OTA range objects, as declarations hold them."""
    if values in (None, ""):
        return []
    if isinstance(values, str | dict):
        values = [values]
    if not isinstance(values, list) or len(values) > MAX_LINES:
        raise ValidationError(_("Selectors are a list of at most %(n)s.") % {"n": MAX_LINES})
    return [_range(v) if isinstance(v, dict) else check_selector(str(v)) for v in values]


def items_from_lines(text: str) -> list:
    """One item per line; a line starting with ``{`` is read as JSON."""
    values = []
    for line in lines(text):
        if line.startswith("{"):
            try:
                values.append(json.loads(line))
            except ValueError:
                raise ValidationError(_("This line is not valid JSON: %(line)s") % {"line": line})
        else:
            values.append(line)
    return values


def selectors_from_text(text: str) -> list:
    """One selector per line; a line starting with ``{`` is a JSON range."""
    return check_selectors(items_from_lines(text))


def selectors_to_text(values) -> str:
    return "\n".join(json.dumps(v) if isinstance(v, dict) else str(v) for v in values or [])


def _nested_repeat(items, repeated: bool) -> bool:
    for op, av in items:
        if op in REPEATS:
            many = av[1] == sre_constants.MAXREPEAT or av[1] > 1
            if (many and repeated) or _nested_repeat(av[2], repeated or many):
                return True
        elif op == sre_constants.SUBPATTERN and _nested_repeat(av[-1], repeated):
            return True
        elif op == sre_constants.BRANCH:
            if repeated or any(_nested_repeat(b, repeated) for b in av[1]):
                return True
        elif op in (sre_constants.GROUPREF, sre_constants.GROUPREF_EXISTS):
            return True
    return False


def check_pattern(pattern: str) -> str:
    """A regular expression short, valid and safe from exponential backtracking."""
    if len(pattern) > MAX_PATTERN:
        raise ValidationError(_("At most %(n)s characters.") % {"n": MAX_PATTERN})
    try:
        compiled = re.compile(pattern)
        parsed = sre_parse.parse(pattern)
    except (re.error, RecursionError, OverflowError) as exc:
        raise ValidationError(_("Invalid regular expression: %(error)s") % {"error": exc})
    if _nested_repeat(parsed, False):
        raise ValidationError(_("Nested repetitions or backreferences can take forever."))
    started = time.perf_counter()
    for probe in PROBES:
        compiled.search(probe)
    if time.perf_counter() - started > PROBE_SECONDS:
        raise ValidationError(_("This expression is too slow."))
    return pattern


def clean_patterns(text: str) -> str:
    patterns = lines(text)
    if len(patterns) > MAX_LINES:
        raise ValidationError(_("At most %(n)s patterns.") % {"n": MAX_LINES})
    return "\n".join(check_pattern(p) for p in patterns)


def _strings(value, name: str) -> list[str]:
    values = declared_filters.as_list(value)
    if not values or len(values) > MAX_LINES or not all(isinstance(v, str) for v in values):
        raise ValidationError(_("“%(name)s” takes one text or a list of texts.") % {"name": name})
    return values


def _check_filter(name: str, param) -> None:
    if name in ("removeElements",):
        for selector in _strings(param, name):
            check_selector(selector)
    elif name in ("removeElementsWithText", "replaceElementsWithText"):
        key = "pattern" if name == "removeElementsWithText" else "text"
        if not isinstance(param, dict) or set(param) != {"selector", key}:
            raise ValidationError(
                _("“%(name)s” takes {“selector”: …, “%(key)s”: …}.") % {"name": name, "key": key}
            )
        check_selector(str(param["selector"]))
        if key == "pattern":
            check_pattern(str(param["pattern"]))
    elif name == "removeText":
        for pattern in _strings(param, name):
            check_pattern(pattern)
    elif name == "removeQueryParams":
        _strings(param, name)
    elif name == "normaliseDates":
        if param is not None and not (
            isinstance(param, dict) and set(param) <= {"numeric"}
            and param.get("numeric", "dmy") in ("dmy", "mdy")
        ):  # fmt: skip
            raise ValidationError(_("“normaliseDates” takes nothing or {“numeric”: “dmy”|“mdy”}."))
    elif param is not None and name in declared_filters.OPS:
        raise ValidationError(_("“%(name)s” takes no parameter.") % {"name": name})


def check_filters(values) -> list:
    """A declaration's ``filter`` list: known operations are checked (selectors, safe
    patterns); other names (OTA JavaScript filters) are kept and reported as not run."""
    if values in (None, ""):
        return []
    values = [values] if isinstance(values, str | dict) else values
    if not isinstance(values, list) or len(values) > MAX_LINES:
        raise ValidationError(_("Filters are a list of at most %(n)s.") % {"n": MAX_LINES})
    try:
        found = declared_filters.entries(values)
    except declared_filters.FilterError:
        raise ValidationError(_("A filter is a name or {name: parameter}."))
    for name, param in found:
        if not isinstance(name, str) or not name or len(name) > 100:
            raise ValidationError(_("A filter is a name or {name: parameter}."))
        _check_filter(name, param)
    return values


def filters_from_text(text: str) -> list:
    """Filters as typed in the form: a JSON list, or one name per line."""
    text = (text or "").strip()
    if text.startswith("["):
        try:
            return check_filters(json.loads(text))
        except ValueError:
            raise ValidationError(_("This is not a valid JSON list."))
    return check_filters(items_from_lines(text))
