import pytest

from belvedere.watch.models import ComplianceItem, DocumentVersion, PageWatch, TrackedDocument

pytestmark = pytest.mark.django_db


def test_demo_builds_after_listening():
    from belvedere.accounts.demo import build as accounts
    from belvedere.listening.demo import build as listening
    from belvedere.watch.demo import build

    accounts()
    listening()
    summary = build()
    assert "1 change in Reddit's terms" in summary
    assert DocumentVersion.objects.filter(previous__isnull=False).count() == 1
    assert not TrackedDocument.objects.filter(enabled=True).exists()
    assert not PageWatch.objects.filter(enabled=True).exists()
    flagged = ComplianceItem.objects.filter(status="review")
    assert flagged.count() == 2 and all(i.service.name == "Reddit" for i in flagged)
