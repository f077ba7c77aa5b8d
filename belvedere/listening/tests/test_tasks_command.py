"""The periodic task, the per-source task and `belvedere listening_fetch`."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from belvedere.listening.models import Source
from belvedere.listening.services.sources import claim_due_sources
from belvedere.listening.tasks import fetch_source


def test_claim_takes_each_due_source_once(make_source):
    due = make_source(next_run_at=timezone.now())
    make_source(next_run_at=timezone.now() + timezone.timedelta(hours=1))
    make_source(next_run_at=timezone.now(), enabled=False)
    assert claim_due_sources() == [due.pk]
    assert claim_due_sources() == []


def test_fetch_source_task_is_idempotent(remote, make_source):
    url = remote.add("/f", "feeds/real/fr_akewea_atom.xml", content_type="application/atom+xml")
    source = make_source(config={"url": url})
    assert fetch_source.call_local(source.pk) is True
    Source.objects.filter(pk=source.pk).update(etag="")
    assert fetch_source.call_local(source.pk) is True
    assert Source.objects.get().mentions_created == 20
    assert fetch_source.call_local(999) is None


def test_command_runs_sources_with_progress(remote, make_source):
    url = remote.add("/f", "feeds/real/fr_akewea_atom.xml", content_type="application/atom+xml")
    good = make_source(name="good", config={"url": url})
    make_source(name="bad", config={"url": remote.url("/missing")})
    out, err = StringIO(), StringIO()
    call_command("listening_fetch", "--all", stdout=out, stderr=err)
    assert "good: 20 items, 20 new" in out.getvalue() and "bad: FAILED" in out.getvalue()
    assert "2 sources fetched, 1 failed." in out.getvalue()
    call_command("listening_fetch", "--source", str(good.pk), stdout=out, stderr=err)
    assert "good: not modified" in out.getvalue()


def test_command_refuses_unknown_ids(db):
    with pytest.raises(CommandError, match="No source with id 42"):
        call_command("listening_fetch", "--source", "42", stdout=StringIO(), stderr=StringIO())
