import numpy as np
import pytest

from belvedere.text import sentiment


def test_clean_for_e5_follows_the_tweet_conventions():
    text = r"i\u2019m sorry\u002c @bob see https://t.co/x   www.example.com ok"
    assert sentiment.clean_for_e5(text) == "i’m sorry, @user see http http ok"
    assert sentiment.clean_for_e5("") == " "
    assert sentiment.clean_for_e5("écrire à a@b.fr") == "écrire à a@b.fr"


@pytest.mark.parametrize("kind", [0, 1])
def test_combine_returns_probabilities(kind):
    e5 = np.array([[0.7, 0.2, 0.1], [0.1, 0.1, 0.8]])
    fast = np.array([[0.2, 0.5, 0.3], [0.3, 0.3, 0.4]])
    out = sentiment.combine(e5, fast, 0.3, kind)
    assert np.allclose(out.sum(axis=1), 1)
    assert list(out.argmax(axis=1)) == [0, 2]
    assert np.allclose(sentiment.combine(e5, fast, 0.0, kind), e5, atol=1e-6)


class FakeEncoder:
    def __init__(self):
        self.seen = []

    def embed(self, texts):
        self.seen += texts
        return np.array([[len(t)] + [0.0] * 383 for t in texts], dtype=np.float32)


def test_embed_cleans_and_embeds_each_distinct_text_once(monkeypatch):
    fake = FakeEncoder()
    monkeypatch.setattr(sentiment, "get_encoder", lambda: fake)
    texts = ["RT @a: super", "RT @b: super", "bof", "RT @a: super"]
    out = sentiment.embed(texts)
    assert fake.seen == ["RT @user: super", "bof"]
    assert out.shape == (4, 384)
    assert out[0, 0] == out[1, 0] == out[3, 0] == len("RT @user: super")
