"""Lists do not grow their number of queries with their rows (no N+1)."""

import pytest
from django.urls import reverse

from belvedere.watch.models import (
    Competitor,
    ComplianceItem,
    ComplianceLink,
    PageWatch,
    Platform,
    TrackedDocument,
)

pytestmark = pytest.mark.django_db


def _more(world, n):
    service = world["service"]
    for i in range(n):
        document = TrackedDocument.objects.create(
            service=service, doc_type=f"Doc {i}", url="https://x.example/"
        )
        item = ComplianceItem.objects.create(
            title=f"Item {i}", category="other", owner=world["watch"].owner
        )
        ComplianceLink.objects.create(item=item, document=document)
        PageWatch.objects.create(name=f"W {i}", url="https://x.example/", feed_token=str(i))
        competitor = Competitor.objects.create(name=f"C {i}")
        competitor.queries.add(world["query"])
        Platform.objects.create(name=f"P {i}", owner=world["watch"].owner)


@pytest.mark.parametrize(
    "name",
    ["watch:terms", "watch:compliance", "watch:pages", "watch:competitors", "watch:platforms",
     "watch:index", "watch:changes", "watch:trends"],
)  # fmt: skip
def test_lists_have_a_constant_number_of_queries(
    login_as, dave, world, name, django_assert_max_num_queries
):
    client = login_as(dave)
    client.get(reverse(name))  # warm the session and caches
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as before:
        client.get(reverse(name))
    _more(world, 6)
    with django_assert_max_num_queries(len(before.captured_queries)):
        assert client.get(reverse(name)).status_code == 200
