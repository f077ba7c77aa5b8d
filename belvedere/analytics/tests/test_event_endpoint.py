"""POST /api/event: Plausible's format, filtering, hashing, limits."""

import json

import pytest

from belvedere.analytics.models import Event, Salt
from belvedere.analytics.services.flush import flush_events

UA = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
EVENT = {"n": "pageview", "u": "http://testserver/forum/?utm_source=newsletter", "d": "testserver",
         "r": "https://www.google.com/search", "w": 1280}  # fmt: skip


def post(client, body, ua=UA, **headers):
    data = body if isinstance(body, str | bytes) else json.dumps(body)
    return client.post("/api/event", data=data, content_type="text/plain",
                       HTTP_USER_AGENT=ua, **headers)  # fmt: skip


@pytest.mark.django_db
def test_event_is_accepted_and_stored(client, fresh_cache):
    response = post(client, EVENT, HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9")
    assert response.status_code == 202
    assert response.content == b"ok"
    assert flush_events() == 1
    event = Event.objects.select_related("visit").get()
    assert (event.name, event.pathname, event.domain) == ("pageview", "/forum/", "testserver")
    visit = event.visit
    assert (visit.source, visit.utm_source, visit.referrer) == (
        "newsletter",
        "newsletter",
        "google.com",
    )
    assert (visit.browser, visit.os, visit.device, visit.language) == (
        "Firefox",
        "Linux",
        "Laptop",
        "fr",
    )
    assert "127.0.0.1" not in json.dumps([event.props, visit.entry_page])


@pytest.mark.django_db
def test_long_names_and_props(client, fresh_cache):
    body = {"name": "Signup", "url": "http://testserver/a", "domain": "testserver",
            "props": {"plan": "free", "nested": {"no": 1}}}  # fmt: skip
    assert post(client, body).status_code == 202
    flush_events()
    assert Event.objects.get().props == {"plan": "free"}


@pytest.mark.django_db
def test_same_person_same_day_is_one_visitor_and_salt_is_kept_in_db(client, fresh_cache):
    post(client, EVENT)
    post(client, {**EVENT, "u": "http://testserver/b"})
    flush_events()
    assert Event.objects.values("visitor_id").distinct().count() == 1
    assert Salt.objects.count() == 1


@pytest.mark.parametrize(
    "ua, body, reason",
    [
        ("Googlebot/2.1 (+http://www.google.com/bot.html)", EVENT, "bot"),
        ("Mozilla/5.0 HeadlessChrome/120", EVENT, "bot"),
        (UA, {**EVENT, "d": "elsewhere.example"}, "domain"),
    ],
)
@pytest.mark.django_db
def test_dropped_events_answer_202_but_are_not_kept(client, fresh_cache, ua, body, reason):
    response = post(client, body, ua=ua)
    assert response.status_code == 202
    assert response["X-Plausible-Dropped"] == "1"
    assert flush_events() == 0


@pytest.mark.django_db
def test_do_not_track_is_respected(client, fresh_cache):
    response = post(client, EVENT, HTTP_DNT="1")
    assert response.status_code == 202 and flush_events() == 0


@pytest.mark.parametrize(
    "body",
    ["not json", "[]", json.dumps({"n": "pageview"}), json.dumps({**EVENT, "u": "ftp://x/y"})],
)
@pytest.mark.django_db
def test_bad_input_is_a_400_with_json(client, fresh_cache, body):
    response = post(client, body)
    assert response.status_code == 400
    assert "errors" in response.json()


@pytest.mark.django_db
def test_size_cap_and_method(client, fresh_cache):
    assert post(client, "x" * 9000).status_code == 413
    assert client.get("/api/event").status_code == 405


@pytest.mark.django_db
def test_rate_limit_per_ip(client, fresh_cache, settings):
    settings.ANALYTICS_EVENTS_PER_MINUTE = 2
    codes = [post(client, EVENT).status_code for _ in range(3)]
    assert codes == [202, 202, 429]


@pytest.mark.django_db
def test_csrf_is_not_required(csrf_client, fresh_cache):
    assert post(csrf_client, EVENT).status_code == 202


@pytest.mark.django_db
def test_salts_rotate(fresh_cache):
    from datetime import date

    from belvedere.analytics.services.salts import rotate_salts, salt_for, visitor_id

    old, new = salt_for(date(2026, 1, 1)), salt_for(date(2026, 1, 2))
    assert visitor_id(old, "1.2.3.4", UA, "x") != visitor_id(new, "1.2.3.4", UA, "x")
    assert rotate_salts(date(2026, 1, 2)) == 1
    assert list(Salt.objects.values_list("day", flat=True)) == [date(2026, 1, 2)]


def call_wsgi(method="POST", body=b"", path="/api/event", **environ):
    """Call the application as the HTTP server does; returns (status line, headers, body)."""
    import io

    from belvedere.wsgi import application

    answer = {}
    environ = {"REQUEST_METHOD": method, "PATH_INFO": path, "SCRIPT_NAME": "", "QUERY_STRING": "",
               "SERVER_NAME": "testserver", "SERVER_PORT": "80", "HTTP_HOST": "testserver",
               "SERVER_PROTOCOL": "HTTP/1.1", "REMOTE_ADDR": "10.1.2.3", "HTTP_USER_AGENT": UA,
               "CONTENT_TYPE": "text/plain", "CONTENT_LENGTH": str(len(body)),
               "wsgi.input": io.BytesIO(body), "wsgi.errors": io.StringIO(),
               "wsgi.version": (1, 0), "wsgi.url_scheme": "http", "wsgi.multithread": True,
               "wsgi.multiprocess": True, "wsgi.run_once": False, **environ}  # fmt: skip
    chunks = application(environ, lambda status, headers: answer.update(s=status, h=dict(headers)))
    return answer["s"], answer["h"], b"".join(chunks)


@pytest.mark.django_db(transaction=True)
def test_the_server_hands_events_to_the_shortcut_and_the_rest_to_django(fresh_cache):
    status, headers, body = call_wsgi(body=json.dumps(EVENT).encode())
    assert (status, body, headers["Content-Length"]) == ("202 Accepted", b"ok", "2")
    assert headers["Access-Control-Allow-Origin"] == "*"
    assert flush_events() == 1
    assert call_wsgi("GET", path="/healthz")[0].startswith("200")
    assert call_wsgi("GET", path="/api/events")[0].startswith("404")


@pytest.mark.parametrize(
    "method, body, environ, expected",
    [
        ("OPTIONS", b"", {}, "204 No Content"),
        ("GET", b"", {}, "405 Method Not Allowed"),
        ("POST", b"x" * 9000, {}, "413 Payload Too Large"),
        ("POST", b"{}", {"CONTENT_LENGTH": "two"}, "400 Bad Request"),
        ("POST", b"{}", {"CONTENT_LENGTH": "-1"}, "400 Bad Request"),
        ("POST", b"not json", {}, "400 Bad Request"),
        ("POST", b"", {"CONTENT_LENGTH": ""}, "400 Bad Request"),
    ],
)
@pytest.mark.django_db(transaction=True)  # the shortcut closes connections as a request end does
def test_the_shortcut_answers_bad_requests_with_their_reason(fresh_cache, method, body, environ,
                                                             expected):  # fmt: skip
    status, headers, answer = call_wsgi(method, body, **environ)
    assert status == expected
    assert headers["Content-Length"] == str(len(answer))
    if status.startswith("4"):
        assert headers["Content-Type"] == "application/json" and json.loads(answer)["errors"]
