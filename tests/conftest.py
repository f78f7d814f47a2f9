"""Session fixtures shared by the whole suite.

- ``project_root``, ``seeds_dir``, ``gold_path``, ``fixtures_dir``: paths in the checkout.
- ``stanza_resources``: the Stanza models folder (``$STANZA_RESOURCES_DIR``, else the shared
  ``../shared/stanza_resources``); skips the test when it is missing, and points
  ``STANZA_RESOURCES_DIR`` at it for the rest of the session (only once a test asks for it).
- ``stanza_engine``: the Stanza engine, built once per session.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED_STANZA = ROOT.parent / "shared" / "stanza_resources"


@pytest.fixture(scope="session")
def project_root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    path = ROOT / "seeds"
    if not any(path.glob("*.txt")):
        pytest.skip(f"no seed articles in {path}")
    return path


@pytest.fixture(scope="session")
def gold_path() -> Path:
    path = ROOT / "fixtures" / "seeds.gold.json"
    if not path.is_file():
        pytest.skip(f"no gold file at {path}")
    return path


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return ROOT / "fixtures"


def _has_tokenizer(folder: Path) -> bool:
    tok = folder / "en" / "tokenize"
    return tok.is_dir() and any(tok.glob("*.pt"))


@pytest.fixture(scope="session")
def stanza_resources() -> Iterator[Path]:
    """The Stanza resources folder; STANZA_RESOURCES_DIR points at it while the session lasts."""
    candidates = [Path(p) for p in (os.environ.get("STANZA_RESOURCES_DIR"),) if p] + [SHARED_STANZA]
    folder = next((c for c in candidates if _has_tokenizer(c)), None)
    if folder is None:
        pytest.skip("no Stanza English models (set STANZA_RESOURCES_DIR or run `quotes models download`)")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("STANZA_RESOURCES_DIR", str(folder))
        yield folder


@pytest.fixture(scope="session")
def stanza_engine(stanza_resources: Path):  # type: ignore[no-untyped-def]
    """The Stanza engine, loaded once for the session."""
    from quotes.annotate import get_engine

    return get_engine("stanza", str(stanza_resources))


@pytest.fixture(scope="session")
def spacy_engine():  # type: ignore[no-untyped-def]
    """The spaCy engine (extra ``quotes[spacy]``), loaded once; skips when the model is not installed."""
    from quotes.annotate import get_engine
    from quotes.errors import EngineUnavailable

    try:
        return get_engine("spacy")
    except EngineUnavailable as exc:
        pytest.skip(str(exc))


@pytest.fixture(scope="session", params=["stanza", "spacy"])
def engine(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """Each engine in turn: the tests that take it run once per engine."""
    return request.getfixturevalue(f"{request.param}_engine")
