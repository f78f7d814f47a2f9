"""Models directory resolution and processor availability."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotes.annotate import get_engine
from quotes.annotate.resources import (
    available_processors,
    missing_models_message,
    models_dir,
    present_processors,
)
from quotes.errors import EngineUnavailable


def test_explicit_dir_beats_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("STANZA_RESOURCES_DIR", "/from/env")
    assert models_dir(str(tmp_path)) == tmp_path
    assert models_dir(None) == Path("/from/env")
    monkeypatch.delenv("STANZA_RESOURCES_DIR")
    assert models_dir(None) == Path.home() / "stanza_resources"


def test_shared_resources_have_tokenizer_only(stanza_resources: Path) -> None:
    status = available_processors(str(stanza_resources))
    assert status["tokenize"] and status["mwt"]
    assert present_processors(str(stanza_resources))[:2] == ("tokenize", "mwt")


def test_missing_models_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(EngineUnavailable) as err:
        get_engine("stanza", str(tmp_path))
    message = str(err.value)
    assert "quotes models download" in message and str(tmp_path) in message and "\n" not in message
    assert message == missing_models_message(str(tmp_path))
    assert err.value.exit_code == 2


def test_unknown_engine_is_refused() -> None:
    with pytest.raises(EngineUnavailable, match="unknown engine"):
        get_engine("nltk")
