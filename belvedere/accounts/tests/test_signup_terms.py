"""Sign-up asks new members to accept the published terms, and stores the acceptance."""

import pytest
from django.urls import reverse

from belvedere.accounts.models import User
from belvedere.terms.models import Acceptance
from belvedere.terms.queries import pending_documents
from belvedere.terms.tests.factories import make_document

URL = reverse("accounts:signup")
GOOD = {
    "email": "nina@example.com",
    "display_name": "Nina",
    "password1": "a long unusual passphrase",
    "password2": "a long unusual passphrase",
}


@pytest.fixture
def rules(dave):
    return make_document(actor=dave)


def test_signup_form_links_to_the_terms(client, rules):
    html = client.get(URL).content.decode()
    assert 'name="accept_terms"' in html and 'href="/terms/rules/"' in html


def test_signup_without_accepting_is_refused(client, rules):
    response = client.post(URL, GOOD)
    assert response.status_code == 200 and b"accept_terms_error" in response.content
    assert not User.objects.filter(email="nina@example.com").exists()


def test_signup_stores_the_acceptance(client, rules):
    response = client.post(URL, {**GOOD, "accept_terms": "on"})
    assert response.status_code == 200
    user = User.objects.get(email="nina@example.com")
    acceptance = Acceptance.objects.get(user=user)
    assert acceptance.version_id == rules.current_version_id and acceptance.accepted_at
    assert pending_documents(user) == []


def test_signup_without_published_terms_has_no_box(client, db):
    assert b"accept_terms" not in client.get(URL).content
    client.post(URL, GOOD)
    assert User.objects.filter(email="nina@example.com").exists()
