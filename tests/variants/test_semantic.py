"""The optional semantic extra: the bundled all-MiniLM-L6-v2, loaded offline."""

from __future__ import annotations

import pytest

from quotes.variants.align import align
from quotes.models import Quote
from quotes.variants.semantic import (
    Embedder,
    SemanticUnavailable,
    bundled_model_path,
    load_embedder,
    semantic_available,
)


def test_availability_is_cheap_to_ask() -> None:
    assert isinstance(semantic_available(), bool)
    if semantic_available():
        assert bundled_model_path() is not None


@pytest.fixture(scope="session")
def embedder() -> Embedder:
    if not semantic_available():
        pytest.skip("the semantic extra is not installed")
    return load_embedder()


@pytest.mark.slow
def test_paraphrases_are_closer_than_unrelated_text(embedder: Embedder) -> None:
    close = embedder.similarity("excellent soldiers", "outstanding soldiers")
    far = embedder.similarity("excellent soldiers", "a fair and multipolar world order")
    assert close > 0.6 > far
    assert embedder.similarity("heroic", "heroic") == pytest.approx(1.0, abs=1e-4)


@pytest.mark.slow
def test_each_text_is_embedded_once(embedder: Embedder) -> None:
    before = len(embedder)
    embedder.prefetch(["a new text to embed", "a new text to embed", "another new text"])
    assert len(embedder) == before + 2
    vectors = embedder.encode(["a new text to embed", "another new text"])
    assert vectors.shape[0] == 2


@pytest.mark.slow
def test_loading_is_cached(embedder: Embedder) -> None:
    assert load_embedder() is embedder


@pytest.mark.slow
def test_a_missing_model_is_one_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    if not semantic_available():
        pytest.skip("the semantic extra is not installed")
    with pytest.raises(SemanticUnavailable) as err:
        load_embedder("/nonexistent/model-folder")
    assert "\n" not in str(err.value)


def _q(article: str, text: str, speaker: str) -> Quote:
    return Quote(article=article, text=text, start=0, end=len(text), kind="fragment", speaker=speaker)


@pytest.mark.slow
def test_semantic_finds_a_translation_that_shares_one_word(embedder: Embedder) -> None:
    quotes = [
        _q("003", "dispatching excellent soldiers to the Kursk liberation operations for driving out the Ukrainian aggressors", "Volodin"),
        _q("004", "our soldiers will return home to their families before the winter", "Volodin"),
        _q("002", "outstanding soldiers", "Vyacheslav Volodin"),
    ]
    lexical = align(quotes, semantic=False)
    assert len(lexical) == 3  # "soldiers" is in two of his sentences: lexically ambiguous
    groups = align(quotes, embedder=embedder)
    assert len(groups) == 2
    group = next(g for g in groups if len(g.members) == 2)
    assert {m.id for m in group.members} == {"003#0", "002#0"}
    other = group.members[1]
    assert other.variant == "translation"
    assert other.score is not None and other.score > 0.6


@pytest.mark.slow
def test_semantic_does_not_link_other_speakers_or_other_content(embedder: Embedder) -> None:
    quotes = [
        _q("a", "The bonds of military camaraderie, goodwill, and mutual support remain strong", "Vladimir Putin"),
        _q("b", "military brotherhood", "Kim Jong Un"),
        _q("c", "a new level of development in DPRK-Russia relations.", "Kim Jong Un"),
        _q("d", "The sacred journey marked the beginning of a new history of militant solidarity between the DPRK and Russia.", "Kim Jong Un"),
    ]
    groups = align(quotes, embedder=embedder)
    assert len(groups) == len(quotes) and [len(g.members) for g in groups] == [1] * len(quotes)
