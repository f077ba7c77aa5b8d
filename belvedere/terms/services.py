"""Every write on the terms: documents, drafts, clauses, publication, acceptances.

Staff writes record an audit row (`record(..., staff=True)`); members' acceptances a ledger row.
`require_acceptance(user)` is the gate posting services call before anything is written.
"""

import hashlib
import hmac

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from belvedere.activity.services import record
from belvedere.terms.models import CLAUSE_NUMBER, Acceptance, Clause, Document, Kind, Version
from belvedere.terms.queries import pending_documents

RESERVED_SLUGS = {"accept", "manage", "api", "v"}
CLAUSE_FIELDS = ("number", "key", "title_en", "title_fr", "body_en", "body_fr")
DRAFT_FIELDS = ("summary_en", "summary_fr", "effective_date")


class TermsNotAccepted(PermissionDenied):
    """The member must accept the current terms before posting again."""

    code = "terms_not_accepted"

    def __init__(self, documents: list[Document]):
        self.documents = documents
        names = ", ".join(doc.title for doc in documents)
        super().__init__(
            _("Please accept the updated terms before posting again: %(names)s.") % {"names": names}
        )

    @property
    def url(self) -> str:
        return reverse("terms:accept")


def require_acceptance(user) -> None:
    """Raise TermsNotAccepted when `user` owes an acceptance (staff included)."""
    pending = pending_documents(user)
    if pending:
        raise TermsNotAccepted(pending)


def hash_ip(ip: str) -> str:
    """A keyed hash of the address: proves continuity without keeping the address."""
    if not ip:
        return ""
    return hmac.new(settings.SECRET_KEY.encode(), ip.encode(), hashlib.sha256).hexdigest()


@transaction.atomic
def create_document(
    *, actor, slug: str, kind: str, title_en="", title_fr="", requires_acceptance=True, position=0
) -> Document:
    if kind not in Kind.values:
        raise ValidationError(_("Unknown kind of document."), code="kind")
    if slug in RESERVED_SLUGS or Document.objects.filter(slug=slug).exists():
        raise ValidationError(_("This address is already used."), code="slug")
    document = Document.objects.create(
        slug=slug,
        kind=kind,
        title_en=title_en,
        title_fr=title_fr,
        requires_acceptance=requires_acceptance,
        position=position,
    )
    record(actor, "terms.document.create", document, staff=True, kind=kind)
    return document


@transaction.atomic
def create_draft(document: Document, *, actor) -> Version:
    """A new draft version, starting from the clauses of the current version."""
    document = Document.objects.select_for_update().get(pk=document.pk)
    if document.versions.filter(published_at__isnull=True).exists():
        raise ValidationError(_("This document already has a draft."), code="draft_exists")
    last = document.versions.aggregate(n=Max("number"))["n"] or 0
    draft = Version.objects.create(document=document, number=last + 1, created_by=actor)
    if document.current_version_id:
        source = document.current_version.clauses.all()
        Clause.objects.bulk_create(
            Clause(version=draft, sort_key=c.sort_key, **{f: getattr(c, f) for f in CLAUSE_FIELDS})
            for c in source
        )
    record(actor, "terms.draft.create", draft, staff=True, document=document.slug)
    return draft


def _check_draft(version: Version) -> None:
    if version.is_published:
        raise ValidationError(_("A published version cannot change."), code="published")


@transaction.atomic
def update_draft(version: Version, *, actor, **fields) -> list[str]:
    _check_draft(version)
    changed = [f for f in DRAFT_FIELDS if f in fields and getattr(version, f) != fields[f]]
    for name in changed:
        setattr(version, name, fields[name])
    if changed:
        version.save(update_fields=changed)
        record(actor, "terms.draft.edit", version, staff=True, fields=changed)
    return changed


def _check_clause(version: Version, clause: Clause | None, number: str, key: str) -> None:
    if not CLAUSE_NUMBER.match(number):
        raise ValidationError(_('A clause number looks like "3" or "3.2".'), code="number")
    others = version.clauses.exclude(pk=clause.pk if clause else None)
    if others.filter(number=number).exists():
        raise ValidationError(_("Another clause has this number."), code="number_taken")
    if key and others.filter(key=key).exists():
        raise ValidationError(_("Another clause has this topic key."), code="key_taken")


@transaction.atomic
def save_clause(version: Version, *, actor, clause: Clause | None = None, **fields) -> Clause:
    """Add a clause to a draft (or change `clause`, one of its clauses)."""
    _check_draft(version)
    data = {f: str(fields.get(f, getattr(clause, f, "")) or "").strip() for f in CLAUSE_FIELDS}
    if not (data["body_en"] or data["body_fr"]):
        raise ValidationError(_("Write the clause in at least one language."), code="empty")
    _check_clause(version, clause, data["number"], data["key"])
    verb = "terms.clause.edit" if clause else "terms.clause.add"
    clause = clause or Clause(version=version)
    for name, value in data.items():
        setattr(clause, name, value)
    clause.save()
    record(actor, verb, version, staff=True, clause=clause.number)
    return clause


@transaction.atomic
def delete_clause(clause: Clause, *, actor) -> None:
    version = clause.version
    _check_draft(version)
    number = clause.number
    clause.delete()
    record(actor, "terms.clause.delete", version, staff=True, clause=number)


@transaction.atomic
def publish_version(
    version: Version, *, actor, requires_reacceptance: bool, reason: str = ""
) -> Version:
    """Publish a draft: it becomes current. With `requires_reacceptance` (always for a first
    version) every member must accept it before posting again."""
    version = Version.objects.select_for_update().select_related("document").get(pk=version.pk)
    _check_draft(version)
    if not version.clauses.exists():
        raise ValidationError(_("Add at least one clause before publishing."), code="empty")
    document = version.document
    first = document.baseline_version_id is None
    version.requires_reacceptance = requires_reacceptance or first
    version.published_at, version.published_by = timezone.now(), actor
    version.save(update_fields=["requires_reacceptance", "published_at", "published_by"])
    document.current_version = version
    fields = ["current_version"]
    if version.requires_reacceptance:
        document.baseline_version = version
        fields.append("baseline_version")
    document.save(update_fields=fields)
    record(
        actor,
        "terms.version.publish",
        version,
        reason=reason,
        staff=True,
        document=document.slug,
        number=version.number,
        requires_reacceptance=version.requires_reacceptance,
    )
    return version


@transaction.atomic
def accept_versions(user, versions: list[Version], *, language: str = "", ip: str = ""):
    """Record that `user` accepted each of `versions` (each must be its document's current
    version). Returns the acceptances created (none for versions already accepted)."""
    created = []
    for version in versions:
        if not version.is_published or version.document.current_version_id != version.pk:
            raise ValidationError(
                _("This version is no longer current: read the new one."), code="not_current"
            )
        if Acceptance.objects.filter(user=user, version=version).exists():
            continue
        try:
            with transaction.atomic():
                acceptance = Acceptance.objects.create(
                    user=user,
                    document=version.document,
                    version=version,
                    language=language[:8],
                    ip_hash=hash_ip(ip),
                )
        except IntegrityError:  # a double submit won the race
            continue
        record(user, "terms.accept", version, document=version.document.slug)
        created.append(acceptance)
    return created
