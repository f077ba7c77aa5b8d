import pytest

from belvedere.activity.models import Entry
from belvedere.activity.services import entry_recorded, forget_member, record


def test_record_copies_names_and_target(alice, carol):
    entry = record(alice, "member.set_role", carol, reason="Trusted", staff=True, new="moderator")
    assert (entry.actor, entry.actor_name, entry.verb) == (alice, "Alice", "member.set_role")
    assert (entry.target_type, entry.target_id, entry.target_repr) == (
        "accounts.user",
        str(carol.pk),
        "Carol",
    )
    assert entry.is_staff_action and entry.reason == "Trusted"
    assert entry.metadata == {"new": "moderator"}


def test_record_without_actor_nor_target_is_the_system(db):
    entry = record(None, "maintenance.run")
    assert entry.actor is None and entry.actor_name == "system" and entry.target_type == ""


def test_record_signals_once_committed(carol, django_capture_on_commit_callbacks):
    seen = []

    def receiver(sender, entry, **kwargs):
        seen.append(entry.verb)

    entry_recorded.connect(receiver)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            record(carol, "member.verify_email", carol)
            assert seen == []
    finally:
        entry_recorded.disconnect(receiver)
    assert seen == ["member.verify_email"]


def test_ledger_rows_cannot_be_changed(carol):
    entry = record(carol, "member.signup", carol)
    entry.verb = "member.nothing"
    with pytest.raises(TypeError):
        entry.save()
    with pytest.raises(TypeError):
        entry.delete()
    with pytest.raises(TypeError):
        Entry.objects.filter(pk=entry.pk).update(verb="member.nothing")
    with pytest.raises(TypeError):
        Entry.objects.all().delete()
    assert Entry.objects.get().verb == "member.signup"


def test_deleting_the_actor_keeps_the_row(carol):
    record(carol, "member.signup", carol)
    carol.delete()
    entry = Entry.objects.get()
    assert entry.actor is None and entry.actor_name == "Carol"


def test_forget_member_redacts_only_their_names(alice, carol):
    record(carol, "member.signup", carol)
    record(alice, "member.set_role", carol, staff=True)
    record(alice, "member.signup", alice)
    assert forget_member(carol, placeholder="deleted member") == 3
    rows = {(e.actor_name, e.target_repr) for e in Entry.objects.all()}
    assert rows == {
        ("deleted member", "deleted member"),
        ("Alice", "deleted member"),
        ("Alice", "Alice"),
    }
