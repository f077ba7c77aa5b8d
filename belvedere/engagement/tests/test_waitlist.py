"""Registration with a capacity, the waiting list moving up, and no overbooking under load."""

import threading

import pytest
from django.db import close_old_connections, connection

from belvedere.engagement.models import Registration, RegistrationStatus
from belvedere.engagement.services import events as services

CONFIRMED, WAITLISTED = RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED


def test_waitlist_moves_up_on_cancellation(make_event, members):
    event = make_event(capacity=2)
    first, second, third, fourth = members(4)
    regs = [services.register(event, user=u) for u in (first, second, third, fourth)]
    assert [r.status for r in regs] == [CONFIRMED, CONFIRMED, WAITLISTED, WAITLISTED]
    promoted = services.cancel_registration(regs[0], actor=first)
    assert [r.user_id for r in promoted] == [third.pk]
    statuses = dict(Registration.objects.values_list("user_id", "status"))
    assert statuses == {
        first.pk: "cancelled",
        second.pk: CONFIRMED,
        third.pk: CONFIRMED,
        fourth.pk: WAITLISTED,
    }


def test_waitlist_registering_twice_keeps_one_row(make_event, carol):
    event = make_event(capacity=1)
    assert services.register(event, user=carol).pk == services.register(event, user=carol).pk
    assert Registration.objects.count() == 1


def test_waitlist_rejoining_after_cancel_goes_to_the_end(make_event, members):
    event = make_event(capacity=1)
    a, b, c = members(3)
    ra = services.register(event, user=a)
    services.register(event, user=b)
    services.register(event, user=c)
    services.cancel_registration(ra, actor=a)  # b moves up
    again = services.register(event, user=a)
    assert again.status == WAITLISTED
    services.cancel_registration(Registration.objects.get(user=b), actor=b)
    assert Registration.objects.get(user=c).status == CONFIRMED  # c was waiting before a


def test_waitlist_capacity_raised_promotes(make_event, members, dave):
    event = make_event(capacity=1)
    a, b = members(2)
    services.register(event, user=a)
    services.register(event, user=b)
    services.update_event(event, actor=dave, capacity=2)
    assert Registration.objects.get(user=b).status == CONFIRMED


def test_waitlist_invitation_only_refuses_uninvited(make_event, carol, mallory, dave):
    from django.core.exceptions import PermissionDenied

    event = make_event(invitation_only=True)
    services.invite_members(event, [carol], actor=dave)
    assert services.register(event, user=carol, invited=True).status == CONFIRMED
    with pytest.raises(PermissionDenied):
        services.register(event, user=mallory)


@pytest.mark.django_db(transaction=True)
def test_waitlist_concurrent_registrations_never_overbook(make_event, members):
    if connection.vendor != "postgresql":
        pytest.skip("row locks (select_for_update) are what is tested: PostgreSQL only")
    capacity, crowd = 5, 24
    event = make_event(capacity=capacity)
    users = members(crowd)
    barrier = threading.Barrier(crowd)
    errors = []

    def register(user):
        try:
            barrier.wait()
            services.register(event, user=user)
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=register, args=(u,)) for u in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert Registration.objects.filter(status=CONFIRMED).count() == capacity
    assert Registration.objects.filter(status=WAITLISTED).count() == crowd - capacity

    # Concurrent cancellations: each freed seat goes to exactly one waiting person.
    confirmed = list(Registration.objects.filter(status=CONFIRMED).select_related("user"))
    barrier = threading.Barrier(len(confirmed))

    def cancel(registration):
        try:
            barrier.wait()
            services.cancel_registration(registration, actor=registration.user)
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=cancel, args=(r,)) for r in confirmed]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert Registration.objects.filter(status=CONFIRMED).count() == capacity
    assert Registration.objects.filter(status=WAITLISTED).count() == crowd - 2 * capacity
