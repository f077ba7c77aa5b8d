"""The moderation demo builds on the other apps' demo data, through the demo registry."""

import pytest

from belvedere.core import demo
from belvedere.moderation.models import Appeal, Flag, QueueItem, Sanction, WatchedWord


@pytest.mark.django_db
def test_demo_builds_words_items_sanctions_and_an_appeal():
    results = {}
    for builder in demo.builders():
        if builder.name in ("accounts", "forum", "terms", "moderation"):
            results[builder.name] = builder.build()
    assert "watched words" in results["moderation"], results
    assert WatchedWord.objects.filter(language="fr").exists()
    assert WatchedWord.objects.filter(language="en").exists()
    assert QueueItem.objects.filter(held=True).count() >= 2
    assert Flag.objects.exists() and QueueItem.objects.filter(flag_count__gt=0).exists()
    assert Sanction.objects.count() == 2 and Appeal.objects.count() == 1
    bio = QueueItem.objects.get(content_type__app_label="accounts", held=True)
    assert "crypto" in bio.preview and bio.author.pending_bio and not bio.author.bio.count("crypto")
    assert (
        [b for b in demo.builders() if b.name == "moderation"][0]
        .build()
        .startswith("moderation data already")
    )
