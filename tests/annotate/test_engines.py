"""Both engines produce the same engine-neutral document; each is built once per process."""

from __future__ import annotations

import pytest

from quotes.annotate import get_engine

pytestmark = pytest.mark.slow

TEXT = 'North Korean leader Kim Jong Un said ties would "advance non-stop".\nPutin agreed.'


def test_engine_is_cached(stanza_resources) -> None:  # type: ignore[no-untyped-def]
    assert get_engine("stanza", str(stanza_resources)) is get_engine("stanza", str(stanza_resources))


def test_document_offsets(engine) -> None:  # type: ignore[no-untyped-def]
    doc = engine.annotate(TEXT)
    assert doc.text == TEXT
    for tok in doc.tokens:
        assert TEXT[tok.start : tok.end] == tok.text
    assert [TEXT[s.start : s.end] for s in doc.sentences][-1] == "Putin agreed."
    for s in doc.sentences:
        assert all(doc.tokens[i].sentence == doc.sentences.index(s) for i in range(s.first, s.last))


def test_stanza_layers_follow_the_models_present(stanza_engine) -> None:  # type: ignore[no-untyped-def]
    doc = stanza_engine.annotate(TEXT)
    assert stanza_engine.processors == ("tokenize", "mwt")
    assert doc.layers == frozenset() and doc.tokens[0].pos is None


def test_spacy_gives_parse_and_entities(spacy_engine) -> None:  # type: ignore[no-untyped-def]
    doc = spacy_engine.annotate(TEXT)
    assert {"pos", "lemma", "depparse", "ner"} <= doc.layers
    said = next(i for i, t in enumerate(doc.tokens) if t.text == "said")
    assert any(t.head == said and t.deprel == "nsubj" for t in doc.tokens)
    assert any(e.label == "PERSON" and "Kim" in e.text for e in doc.entities)
    roots = [t for t in doc.tokens if t.head == -1]
    assert len(roots) == len(doc.sentences)


def test_annotate_many_matches_annotate(engine) -> None:  # type: ignore[no-untyped-def]
    texts = [TEXT, "", "Second text."]
    many = engine.annotate_many(texts)
    assert [d.text for d in many] == texts
    assert [t.text for t in many[0].tokens] == [t.text for t in engine.annotate(TEXT).tokens]
