"""The listening demo builds quickly, offline, with a spike, fired alerts and a census."""

import pytest

from belvedere.accounts.demo import build as build_accounts
from belvedere.listening import demo
from belvedere.listening.models import AlertEvent, Community, Mention, Source
from belvedere.listening.queries_census import list_suggestions


@pytest.mark.django_db
def test_demo_builds(settings):
    settings.ALLOW_PRIVATE_TARGETS = False
    build_accounts()
    summary = demo.build()
    assert "mentions" in summary
    assert Mention.objects.count() >= 2000
    assert set(Mention.objects.values_list("language", flat=True)) >= {"fr", "en"}
    assert Mention.objects.exclude(sentiment="").count() == Mention.objects.count()
    assert not Source.objects.filter(enabled=True).exists()
    kinds = set(AlertEvent.objects.values_list("alert__kind", flat=True))
    assert kinds == {"volume_spike", "negative_surge", "keyword", "influential_author"}
    assert Community.objects.count() == 12 and len(list_suggestions()) >= 3
