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


def _fake_models(folder: Path) -> Path:
    (folder / "en" / "tokenize").mkdir(parents=True)
    (folder / "en" / "tokenize" / "combined.pt").write_bytes(b"model")
    return folder


@pytest.fixture
def fresh_shell(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A new shell: no STANZA_RESOURCES_DIR, a home and config folder of its own."""
    monkeypatch.delenv("STANZA_RESOURCES_DIR", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return tmp_path


def test_a_new_shell_finds_the_models_where_download_put_them(fresh_shell: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import stanza

    from quotes.annotate import resources

    target = fresh_shell / "models"
    assert models_dir(None) == fresh_shell / "home" / "stanza_resources"

    def download(lang: str, model_dir: str, **kwargs: object) -> None:  # what stanza.download leaves on disk
        assert lang == "en" and model_dir == str(target)
        _fake_models(Path(model_dir))

    monkeypatch.setattr(stanza, "download", download)
    assert resources.download_models(str(target)) == target  # e.g. `quotes models download --models-dir models`
    assert resources.remembered_models_file() == fresh_shell / "config" / "quotes" / "models_dir"
    # a later shell, without the option or the variable, finds them
    assert models_dir(None) == target
    assert available_processors()["tokenize"] is True
    # the variable and the option still win
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(fresh_shell / "elsewhere"))
    assert models_dir(None) == fresh_shell / "elsewhere"
    assert models_dir(str(fresh_shell / "opt")) == fresh_shell / "opt"


def test_a_remembered_folder_without_models_is_forgotten(fresh_shell: Path) -> None:
    from quotes.annotate.resources import remember_models_dir

    remember_models_dir(fresh_shell / "gone")
    assert models_dir(None) == fresh_shell / "home" / "stanza_resources"
    _fake_models(fresh_shell / "gone")
    assert models_dir(None) == fresh_shell / "gone"
