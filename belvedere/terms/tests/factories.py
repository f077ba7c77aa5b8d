"""Build published terms through the services (so tests exercise the one write path)."""

from belvedere.terms import services
from belvedere.terms.models import Document, Kind

HARASSMENT = (
    "2",
    "harassment",
    "No harassment",
    "Pas de harcèlement",
    "Be **kind**.",
    "Soyez **bienveillant**.",
)
RESPECT = ("1", "respect", "Be respectful", "Respectez", "Respect others.", "Respectez les autres.")
SPAM = ("3", "spam", "No spam", "Pas de spam", "No ads.", "Pas de pub.")
FIELDS = ("number", "key", "title_en", "title_fr", "body_en", "body_fr")


def publish(document: Document, clauses, *, actor, reaccept=False, summary=""):
    """A new version of `document` with exactly `clauses`, published."""
    draft = services.create_draft(document, actor=actor)
    keep = {row[0] for row in clauses}
    for clause in list(draft.clauses.all()):
        if clause.number not in keep:
            services.delete_clause(clause, actor=actor)
    existing = {c.number: c for c in draft.clauses.all()}
    for row in clauses:
        data = dict(zip(FIELDS, row, strict=True))
        services.save_clause(draft, actor=actor, clause=existing.get(row[0]), **data)
    services.update_draft(draft, actor=actor, summary_en=summary, summary_fr=summary)
    return services.publish_version(draft, actor=actor, requires_reacceptance=reaccept)


def make_document(slug="rules", kind=Kind.RULES, clauses=(RESPECT, HARASSMENT), *, actor=None):
    document = services.create_document(actor=actor, slug=slug, kind=kind)
    publish(document, clauses, actor=actor)
    document.refresh_from_db()
    return document
