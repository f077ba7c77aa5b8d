from io import StringIO

import pytest
from django.core.management import call_command

from belvedere.accounts.models import Role, User
from belvedere.activity.models import Entry
from belvedere.core import demo

DEMO_ROLES = {
    "admin@belvedere.example": Role.ADMIN,
    "manager@belvedere.example": Role.MANAGER,
    "moderator@belvedere.example": Role.MODERATOR,
    "member@belvedere.example": Role.MEMBER,
}


@pytest.fixture(autouse=True)
def _own_data_dir(settings, tmp_path):
    settings.DATA_DIR = tmp_path


def build() -> str:
    out = StringIO()
    call_command("demo", "--no-serve", stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_demo_creates_the_four_demo_accounts_and_prints_their_logins():
    output = build()
    for email, role in DEMO_ROLES.items():
        user = User.objects.get(email=email)
        assert user.role == role and user.email_verified and user.is_active
        assert user.check_password(demo.DEMO_PASSWORD)
        assert user.bio and user.language in {"en", "fr"}
        assert email in output
    assert demo.DEMO_PASSWORD in output
    assert User.objects.filter(language="fr").count() >= 10
    assert User.objects.filter(language="en").count() >= 10
    assert User.objects.get(email="admin@belvedere.example").is_superuser
    assert Entry.objects.filter(is_staff_action=True).count() >= 5


@pytest.mark.django_db
def test_demo_is_built_once():
    build()
    counts = (User.objects.count(), Entry.objects.count())
    output = build()
    assert "accounts: already built" in output
    assert (User.objects.count(), Entry.objects.count()) == counts


@pytest.mark.django_db
def test_demo_runs_a_builder_registered_later_on_the_next_run():
    build()
    calls = []
    demo.register("later", lambda: calls.append("built") or "1 thing", order=99)
    try:
        output = build() + build()
    finally:
        demo._registry.pop("later")
    assert calls == ["built"]
    assert "later: 1 thing" in output and "later: already built" in output


@pytest.mark.django_db(transaction=True)  # PostgreSQL can't flush inside the test's transaction
def test_demo_rebuilds_when_the_database_lost_its_demo_accounts():
    build()
    call_command("flush", interactive=False, verbosity=0)  # a new, empty database
    build()
    assert User.objects.filter(email__in=DEMO_ROLES).count() == 4


@pytest.mark.django_db
def test_demo_builders_run_in_order():
    demo.register("zzz-first", lambda: None, order=1)
    try:
        names = [builder.name for builder in demo.builders()]
    finally:
        demo._registry.pop("zzz-first")
    assert names.index("zzz-first") < names.index("accounts")
