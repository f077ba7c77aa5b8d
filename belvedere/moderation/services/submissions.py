"""Remember what members submit (for flood and duplicate checks); prune old rows."""

from datetime import timedelta

from django.utils import timezone

from belvedere.moderation.models import Submission

KEEP_DAYS = 30


def remember_submission(author, kind: str, digest: str, links: int = 0) -> Submission:
    return Submission.objects.create(author=author, kind=kind, digest=digest, links=links)


def prune_submissions(days: int = KEEP_DAYS) -> int:
    cutoff = timezone.now() - timedelta(days=days)
    deleted, _ = Submission.objects.filter(created_at__lt=cutoff).delete()
    return deleted
