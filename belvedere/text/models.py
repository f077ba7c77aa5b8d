"""Load and save the trained weights (one ``.npz`` of arrays and a JSON manifest, no pickles)."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import numpy as np

DATA = Path(__file__).parent / "data"
WEIGHTS = "models.npz"
MANIFEST = "models.json"
_lock = threading.Lock()
_cache: dict[Path, dict[str, np.ndarray]] = {}


class ModelsMissing(RuntimeError):
    """The weights file is absent: run ``belvedere text train --data DIR``."""


def get_weights(directory: Path = DATA) -> dict[str, np.ndarray]:
    """All weight arrays, loaded once per process (float32 in memory)."""
    with _lock:
        if directory not in _cache:
            path = directory / WEIGHTS
            if not path.exists():
                raise ModelsMissing(f"{path} not found: run `belvedere text train --data DIR`")
            with np.load(path, allow_pickle=False) as npz:
                _cache[directory] = {k: npz[k].astype(np.float32) for k in npz.files}
        return _cache[directory]


def get_manifest(directory: Path = DATA) -> dict:
    """The manifest: versions, training date, measured figures."""
    path = directory / MANIFEST
    return json.loads(path.read_text("utf-8")) if path.exists() else {}


def save(directory: Path, arrays: dict[str, np.ndarray], manifest: dict) -> None:
    """Write the weights (float16, compressed) and the manifest; drop cached copies."""
    directory.mkdir(parents=True, exist_ok=True)
    small = {k: v.astype(np.float16) if v.size > 10_000 else v for k, v in arrays.items()}
    np.savez_compressed(directory / WEIGHTS, **small)
    text = json.dumps(manifest, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    (directory / MANIFEST).write_text(text, "utf-8")
    with _lock:
        _cache.pop(directory, None)
