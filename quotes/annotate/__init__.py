"""Language engines behind one interface, built once per process.

>>> from quotes.annotate import get_engine
>>> doc = get_engine("stanza").annotate("Kim said it.")
>>> [t.text for t in doc.tokens], doc.engine
(['Kim', 'said', 'it', '.'], 'stanza')
"""

from __future__ import annotations

from functools import lru_cache
from typing import Optional

from quotes.annotate.base import Engine
from quotes.annotate.resources import available_processors, download_models, models_dir
from quotes.annotate.resources import models_dir as _resolve_models_dir
from quotes.errors import EngineUnavailable

ENGINES: tuple[str, ...] = ("stanza", "spacy")


def get_engine(name: str = "stanza", models_dir: Optional[str] = None) -> Engine:
    """The engine ``name`` (``"stanza"`` or ``"spacy"``), built on first use and cached per process.

    ``models_dir`` is the Stanza resources folder (default: ``$STANZA_RESOURCES_DIR``, then
    ``~/stanza_resources``); for spaCy it may name a model package or path instead.
    Raises :class:`EngineUnavailable` with a one-line message when the engine cannot load.
    """
    if name not in ENGINES:
        raise EngineUnavailable(f"unknown engine {name!r}; choose one of: {', '.join(ENGINES)}")
    key = str(_resolve_models_dir(models_dir)) if name == "stanza" else (models_dir or "")
    return _build(name, key)


@lru_cache(maxsize=None)
def _build(name: str, key: str) -> Engine:
    if name == "stanza":
        from quotes.annotate.stanza_engine import StanzaEngine

        return StanzaEngine(key or None)
    from quotes.annotate.spacy_engine import SpacyEngine

    return SpacyEngine(key or None)


__all__ = ["Engine", "ENGINES", "EngineUnavailable", "available_processors", "download_models", "get_engine", "models_dir"]
