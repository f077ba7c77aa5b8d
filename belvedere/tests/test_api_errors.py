"""The API answers every error as JSON {"detail": ...}, whatever raised it."""

import json

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.test import RequestFactory

from belvedere.api import does_not_exist, not_found, permission_denied, server_error


def body(response):
    return json.loads(response.content)


def test_permission_denied_becomes_json_403():
    request = RequestFactory().get("/api/v1/x")
    response = permission_denied(request, PermissionDenied())
    assert response.status_code == 403
    assert body(response) == {"detail": "You do not have permission to do this."}
    assert body(permission_denied(request, PermissionDenied("No.")))["detail"] == "No."


def test_not_found_becomes_json_404(db):
    from belvedere.accounts.models import User

    request = RequestFactory().get("/api/v1/x")
    assert not_found(request, Http404("secret detail")).status_code == 404
    response = does_not_exist(request, User.DoesNotExist())
    assert response.status_code == 404 and body(response) == {"detail": "Not found."}


def test_unexpected_errors_become_json_500_without_details():
    request = RequestFactory().get("/api/v1/x")
    response = server_error(request, RuntimeError("database password is hunter2"))
    assert response.status_code == 500
    assert body(response) == {"detail": "Internal server error."}


def test_unknown_api_path_is_json_404(client, db):
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404
