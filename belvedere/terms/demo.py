"""Demo terms: terms of service, privacy policy and community rules (two versions, the second
adding a clause), in English and French; every demo member accepted the current versions."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from belvedere.core import demo
from belvedere.terms import demo_content as text
from belvedere.terms import services
from belvedere.terms.models import Acceptance, Document, Kind

MANAGER_EMAIL = "manager@belvedere.example"
FIELDS = ("number", "key", "title_en", "title_fr", "body_en", "body_fr")


def _version(document, clauses, *, actor, days_ago: int, summary=("", ""), reaccept=False):
    draft = services.create_draft(document, actor=actor)
    existing = {c.number: c for c in draft.clauses.all()}
    for row in clauses:
        data = dict(zip(FIELDS, row, strict=True))
        current = existing.get(data["number"])
        if current is None or any(getattr(current, f) != v for f, v in data.items()):
            services.save_clause(draft, actor=actor, clause=current, **data)
    effective = timezone.localdate() - timedelta(days=days_ago)
    services.update_draft(
        draft, actor=actor, effective_date=effective, summary_en=summary[0], summary_fr=summary[1]
    )
    return services.publish_version(draft, actor=actor, requires_reacceptance=reaccept)


def _document(slug, kind, position, actor):
    return services.create_document(actor=actor, slug=slug, kind=kind, position=position)


def build_terms_demo() -> str:
    if Document.objects.exists():
        return "documents already present"
    User = get_user_model()
    actor = User.objects.filter(email=MANAGER_EMAIL).first()
    terms = _document("terms", Kind.TERMS, 1, actor)
    privacy = _document("privacy", Kind.PRIVACY, 2, actor)
    rules = _document("rules", Kind.RULES, 3, actor)
    first = ("First version.", "Première version.")
    versions = [
        _version(terms, text.TERMS, actor=actor, days_ago=400, summary=first),
        _version(privacy, text.PRIVACY, actor=actor, days_ago=400, summary=first),
        _version(rules, text.RULES_V1, actor=actor, days_ago=400, summary=first),
    ]
    versions[2] = _version(
        rules,
        text.RULES_V2,
        actor=actor,
        days_ago=30,
        reaccept=True,
        summary=(
            "New clause 10 on bots and AI-generated content; referral codes count as "
            "advertising (clause 4).",
            "Nouvel article 10 sur les robots et les contenus générés par IA ; les codes de "
            "parrainage comptent comme de la publicité (article 4).",
        ),
    )
    members = list(User.objects.filter(is_active=True).values_list("pk", "language"))
    accepted_at = timezone.now() - timedelta(days=20)
    Acceptance.objects.bulk_create(
        Acceptance(
            user_id=pk,
            document_id=version.document_id,
            version=version,
            language=language or "en",
            accepted_at=accepted_at,
        )
        for pk, language in members
        for version in versions
    )
    return f"3 documents, 4 versions, {len(members) * 3} acceptances"


demo.register("terms", build_terms_demo, order=45)
