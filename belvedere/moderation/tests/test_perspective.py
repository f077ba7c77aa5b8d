"""`POST /v1alpha1/comments:analyze`: Perspective's request and response shapes and errors."""

import json

import pytest

from belvedere.moderation.services.settings import update_settings

URL = "/v1alpha1/comments:analyze"


@pytest.fixture
def key(carol, token_for):
    return token_for(carol)


def analyze(client, body, key=None, **headers):
    url = f"{URL}?key={key}" if key else URL
    data = body if isinstance(body, str) else json.dumps(body)
    return client.post(url, data, content_type="application/json", **headers)


def test_perspective_response_shape(client, key):
    body = {
        "comment": {"text": "Tu es un connard. Merci pour ton aide."},
        "requestedAttributes": {"TOXICITY": {}, "INSULT_EXPERIMENTAL": {}, "THREAT": {}},
        "languages": ["fr"],
        "spanAnnotations": True,
        "doNotStore": True,
        "clientToken": "abc-123",
    }
    response = analyze(client, body, key)
    assert response.status_code == 200
    data = response.json()
    assert set(data["attributeScores"]) == {"TOXICITY", "INSULT_EXPERIMENTAL", "THREAT"}
    summary = data["attributeScores"]["TOXICITY"]["summaryScore"]
    assert summary["type"] == "PROBABILITY" and 0.8 < summary["value"] <= 1
    spans = data["attributeScores"]["INSULT_EXPERIMENTAL"]["spanScores"]
    assert [(s["begin"], s["end"]) for s in spans][0][0] == 0 and len(spans) == 2
    assert spans[0]["score"]["value"] > spans[1]["score"]["value"]
    assert data["languages"] == ["fr"] and data["detectedLanguages"] == ["fr"]
    assert data["clientToken"] == "abc-123"


def test_perspective_detects_language_and_honours_score_threshold(client, key):
    body = {
        "comment": {"text": "Thank you so much for the quick and helpful answer"},
        "requestedAttributes": {"TOXICITY": {"scoreThreshold": 0.9}, "PROFANITY": {}},
    }
    data = analyze(client, body, key).json()
    assert data["languages"] == ["en"]
    assert "TOXICITY" not in data["attributeScores"] and "PROFANITY" in data["attributeScores"]
    assert "clientToken" not in data


def test_perspective_bearer_token(client, key):
    body = {"comment": {"text": "Bonjour à tous"}, "requestedAttributes": {"TOXICITY": {}},
            "languages": ["fr-FR"]}  # fmt: skip
    response = analyze(client, body, HTTP_AUTHORIZATION=f"Bearer {key}")
    assert response.status_code == 200 and response.json()["languages"] == ["fr"]


def test_perspective_unsupported_language_error_shape(client, key):
    body = {
        "comment": {"text": "Hola"},
        "requestedAttributes": {"TOXICITY": {}},
        "languages": ["ja"],
    }
    response = analyze(client, body, key)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == 400 and error["status"] == "INVALID_ARGUMENT"
    assert error["message"] == "Attribute TOXICITY does not support request languages: ja"
    detail = error["details"][0]
    assert detail["@type"] == "type.googleapis.com/google.commentanalyzer.v1alpha1.Error"
    assert detail["errorType"] == "LANGUAGE_NOT_SUPPORTED_BY_ATTRIBUTE"
    assert detail["languageNotSupportedByAttributeError"]["attribute"] == "TOXICITY"


def test_perspective_undetected_language(client, key):
    body = {"comment": {"text": "ok"}, "requestedAttributes": {"INSULT": {}}}
    error = analyze(client, body, key).json()["error"]
    assert error["details"][0]["languageNotSupportedByAttributeError"]["detectedLanguages"] == [
        "und"
    ]


@pytest.mark.parametrize(
    "body",
    [
        "{not json",
        [],
        {"comment": {"text": ""}, "requestedAttributes": {"TOXICITY": {}}},
        {"comment": {"text": "x"}, "requestedAttributes": {}},
        {"comment": {"text": "Bonjour"}, "requestedAttributes": {"FLIRTATION": {}}},
        {
            "comment": {"text": "Bonjour"},
            "requestedAttributes": {"TOXICITY": {"scoreThreshold": 2}},
        },
        {
            "comment": {"text": "Bonjour"},
            "requestedAttributes": {"TOXICITY": {}},
            "languages": "fr",
        },
        {"comment": {"text": "é" * 20000}, "requestedAttributes": {"TOXICITY": {}}},
        {"comment": {"text": "Bonjour"}, "requestedAttributes": {"TOXICITY": {}}, "clientToken": 3},
    ],
)
def test_perspective_bad_requests(client, key, body):
    response = analyze(client, body, key)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["status"] == "INVALID_ARGUMENT" and error["message"]


def test_perspective_authentication(client, key):
    body = {"comment": {"text": "Bonjour"}, "requestedAttributes": {"TOXICITY": {}}}
    response = analyze(client, body)
    assert response.status_code == 403 and response.json()["error"]["status"] == "PERMISSION_DENIED"
    assert analyze(client, body, "blv_wrong").status_code == 400
    assert client.get(f"{URL}?key={key}").status_code == 405


def test_perspective_rate_limit(client, key, dave):
    update_settings(actor=dave, api_requests_per_minute=2)
    body = {"comment": {"text": "Bonjour à tous"}, "requestedAttributes": {"TOXICITY": {}}}
    assert analyze(client, body, key).status_code == 200
    assert analyze(client, body, key).status_code == 200
    response = analyze(client, body, key)
    assert response.status_code == 429
    assert response.json()["error"]["status"] == "RESOURCE_EXHAUSTED"
