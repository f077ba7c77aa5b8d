"""Reads: documents, versions, clauses, what a member still has to accept, diffs."""

import difflib
import re
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Prefetch, Subquery
from django.http import Http404
from django.urls import reverse

from belvedere.core.markdown import render_markdown
from belvedere.terms.models import (
    CLAUSE_NUMBER,
    Acceptance,
    Clause,
    Document,
    Kind,
    Version,
    clause_sort_key,
)
from belvedere.terms.permissions import can_manage_terms


def list_documents() -> list[Document]:
    """Documents that have a published version, with it."""
    return list(
        Document.objects.filter(current_version__isnull=False).select_related("current_version")
    )


def list_required_documents() -> list[Document]:
    """Documents a new member must accept at sign-up (their current versions)."""
    return [doc for doc in list_documents() if doc.requires_acceptance]


def current_versions(documents: list[Document]) -> list[Version]:
    """The current versions of `documents` (selected with them), each knowing its document."""
    versions = []
    for document in documents:
        version = document.current_version
        version.document = document
        versions.append(version)
    return versions


def pending_documents(user) -> list[Document]:
    """Documents whose acceptance `user` still owes: never accepted, or a version since then
    asked for re-acceptance. Empty for visitors. One query."""
    if not (user and user.is_authenticated):
        return []
    accepted = Acceptance.objects.filter(
        user=user,
        document=OuterRef("pk"),
        version__number__gte=OuterRef("baseline_version__number"),
    )
    last_accepted = (
        Acceptance.objects.filter(user=user, document=OuterRef("pk"))
        .order_by("-version__number")
        .values("version__number")[:1]
    )
    return list(
        Document.objects.filter(requires_acceptance=True, current_version__isnull=False)
        .exclude(Exists(accepted))
        .annotate(accepted_number=Subquery(last_accepted))
        .select_related("current_version", "baseline_version")
    )


def get_document(slug: str) -> Document:
    try:
        return Document.objects.select_related("current_version").get(slug=slug)
    except Document.DoesNotExist:
        raise Http404


def get_version_for_user(user, document: Document, number: int | None = None) -> Version:
    """A version of `document` (its current one when `number` is None); drafts for managers."""
    versions = Version.objects.filter(document=document).select_related("document")
    if not can_manage_terms(user):
        versions = versions.filter(published_at__isnull=False)
    if number is None:
        if document.current_version_id is None:
            raise Http404
        number = document.current_version.number
    version = versions.prefetch_related(
        Prefetch("clauses", queryset=Clause.objects.order_by("sort_key"))
    ).filter(number=number)
    if not version:
        raise Http404
    return version[0]


def get_draft(version_id: int) -> Version:
    version = Version.objects.select_related("document").filter(pk=version_id).first()
    if version is None or version.is_published:
        raise Http404
    return version


def list_versions(document: Document, user) -> list[Version]:
    versions = document.versions.order_by("-number")
    if not can_manage_terms(user):
        versions = versions.filter(published_at__isnull=False)
    return list(versions)


def list_manageable_documents() -> list[Document]:
    return list(
        Document.objects.select_related("current_version").prefetch_related(
            Prefetch("versions", queryset=Version.objects.order_by("-number"))
        )
    )


def render_clauses(version: Version) -> list[Clause]:
    """The clauses of `version` (prefetched) with `.html`, in the reader's language."""
    clauses = list(version.clauses.all())
    for clause in clauses:
        clause.html = render_markdown(clause.body)
    return clauses


def get_clause(number_or_key: str) -> Clause | None:
    """A clause of the current community rules (then of any current document), by number
    ("3.2") or by topic key ("harassment"). None when there is none."""
    value = (number_or_key or "").strip()
    if not value:
        return None
    field = "number" if CLAUSE_NUMBER.match(value) else "key"
    current = Document.objects.filter(current_version__isnull=False).values("current_version")
    candidates = Clause.objects.filter(**{field: value}, version_id__in=current).select_related(
        "version__document"
    )
    ranked = sorted(
        candidates,
        key=lambda c: (c.version.document.kind != Kind.RULES, c.version.document.position),
    )
    return ranked[0] if ranked else None


def clause_url(clause: Clause) -> str:
    """The public address of `clause` in its version (stable: old versions stay online)."""
    version = clause.version
    url = reverse("terms:version", args=[version.document.slug, version.number])
    return f"{url}#{clause.anchor}"


@dataclass
class ClauseChange:
    number: str
    status: str  # "added", "removed", "changed"
    old: Clause | None
    new: Clause | None
    segments: list[tuple[str, str]]  # ("same" | "ins" | "del", text)


def _text(clause: Clause | None) -> str:
    return f"{clause.title}\n\n{clause.body}" if clause is not None else ""


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """Word-level differences, whitespace kept: [("same", "Be "), ("del", "nice"), ...]."""
    before, after = re.split(r"(\s+)", old), re.split(r"(\s+)", new)
    segments = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            segments.append(("same", "".join(before[i1:i2])))
            continue
        if i2 > i1:
            segments.append(("del", "".join(before[i1:i2])))
        if j2 > j1:
            segments.append(("ins", "".join(after[j1:j2])))
    return [(kind, text) for kind, text in segments if text]


def diff_versions(old: Version, new: Version) -> list[ClauseChange]:
    """Clause-by-clause differences between two versions (in the reader's language)."""
    before = {c.number: c for c in old.clauses.all()}
    after = {c.number: c for c in new.clauses.all()}
    numbers = sorted(before.keys() | after.keys(), key=clause_sort_key)
    changes = []
    for number in numbers:
        a, b = before.get(number), after.get(number)
        if a and b and _text(a) == _text(b):
            continue
        status = "added" if a is None else "removed" if b is None else "changed"
        changes.append(ClauseChange(number, status, a, b, word_diff(_text(a), _text(b))))
    return changes
