from django.urls import reverse


def nav(response):
    body = response.content.decode()
    return body[body.index("<nav") : body.index("</nav>")]


def test_navigation_follows_the_role(login_as, client, dave, carol):
    assert reverse("accounts:members") in nav(login_as(dave).get("/"))
    client.logout()
    carol_nav = nav(login_as(carol).get("/"))
    assert reverse("accounts:members") not in carol_nav
    assert reverse("activity:audit_log") not in carol_nav
    assert reverse("accounts:profile") in carol_nav


def test_navigation_marks_the_current_page(login_as, carol):
    response = login_as(carol).get(reverse("accounts:profile"))
    assert f'href="{reverse("accounts:profile")}" aria-current="page"' in nav(response)


def test_visitors_see_no_member_entries(client, db):
    assert reverse("accounts:profile") not in nav(client.get("/"))


def test_refused_pages_use_the_site_layout(login_as, carol):
    response = login_as(carol).get(reverse("accounts:members"))
    assert response.status_code == 403
    assert "Access refused" in response.content.decode()
    assert 'class="skip"' in response.content.decode()


def test_missing_pages_use_the_site_layout(client, db):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
