from django.urls import reverse

from belvedere.terms import services


def test_index_lists_published_documents(client, rules):
    response = client.get(reverse("terms:index"))
    assert response.status_code == 200
    assert b'href="/terms/rules/"' in response.content


def test_index_without_documents(client, db):
    response = client.get(reverse("terms:index"))
    assert response.status_code == 200


def test_index_tells_a_member_what_to_accept(client, carol, rules):
    client.force_login(carol)
    assert reverse("terms:accept").encode() in client.get(reverse("terms:index")).content


def test_document_shows_current_version_with_clause_anchors(client, rules):
    response = client.get(reverse("terms:document", args=["rules"]))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="clause-2"' in html and 'href="#clause-2"' in html
    assert "<strong>kind</strong>" in html  # Markdown rendered


def test_document_in_french(client, rules):
    response = client.get(reverse("terms:document", args=["rules"]), HTTP_ACCEPT_LANGUAGE="fr")
    assert "Pas de harcèlement" in response.content.decode()


def test_unknown_document_is_404(client, db):
    assert client.get(reverse("terms:document", args=["nothing"])).status_code == 404


def test_old_version_stays_readable(client, rules_v2):
    response = client.get(reverse("terms:version", args=["rules", 1]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "No harassment" in html and "This is an old version." in html


def test_missing_version_is_404(client, rules):
    assert client.get(reverse("terms:version", args=["rules", 9])).status_code == 404


def test_draft_is_hidden_from_members_shown_to_managers(client, carol, dave, rules):
    services.create_draft(rules, actor=dave)
    url = reverse("terms:version", args=["rules", 2])
    client.force_login(carol)
    assert client.get(url).status_code == 404
    client.force_login(dave)
    assert client.get(url).status_code == 200


def test_diff_shows_added_removed_changed_clauses(client, rules_v2):
    response = client.get(reverse("terms:diff", args=["rules", 1, 2]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "added" in html and "removed" in html and "changed" in html
    assert "<del>others.</del><ins>**everyone**.</ins>" in html


def test_diff_with_unknown_version_is_404(client, rules):
    assert client.get(reverse("terms:diff", args=["rules", 1, 5])).status_code == 404


def test_footer_links_to_the_terms(client, db):
    assert b'href="/terms/"' in client.get("/").content


def test_document_page_queries_do_not_grow_with_clauses(
    client, rules, django_assert_max_num_queries
):
    with django_assert_max_num_queries(6):
        client.get(reverse("terms:document", args=["rules"]))
