"""find_quotes end to end: the development-set figures with each engine, and the contract."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotes.evaluate import evaluate
from quotes.extract.pipeline import find_quotes
from quotes.io.inputs import iter_articles
from quotes.models import Article


@pytest.mark.slow
def test_seeds_end_to_end_f1(engine, seeds_dir: Path, gold_path: Path) -> None:  # type: ignore[no-untyped-def]
    found = [q for a in iter_articles([str(seeds_dir)]) for q in find_quotes(a, engine=engine)]
    report = evaluate(gold_path, found)
    assert report.detect_f1 >= 0.95, report.errors
    assert report.e2e_f1 >= 0.95, report.errors


@pytest.mark.slow
def test_pattern_fixtures_end_to_end_f1(engine, fixtures_dir: Path) -> None:  # type: ignore[no-untyped-def]
    found = [q for a in iter_articles([str(fixtures_dir / "patterns")]) for q in find_quotes(a, engine=engine)]
    report = evaluate(fixtures_dir / "patterns.gold.json", found)
    assert report.e2e_f1 >= 0.95, report.errors


@pytest.mark.slow
def test_quote_contract(stanza_engine, seeds_dir: Path) -> None:  # type: ignore[no-untyped-def]
    for article in iter_articles([str(seeds_dir)]):
        assert isinstance(article, Article)
        quotes = find_quotes(article, engine=stanza_engine)
        assert [q.index for q in quotes] == list(range(len(quotes)))
        for q in quotes:
            assert article.text[q.start : q.end] == q.text
            assert q.article == article.id
            if q.kind == "name":
                assert q.speaker is None and q.method is None
            if q.speaker is not None:
                assert q.method and q.cue and q.speaker_mention and q.confidence > 0


def test_text_without_marks_needs_no_engine() -> None:
    assert find_quotes("No quotation marks here at all.", engine="no-such-engine") == []


@pytest.mark.slow
def test_plain_string_input(stanza_engine) -> None:  # type: ignore[no-untyped-def]
    (quote,) = find_quotes('"We will win," said Jane Holloway.', engine=stanza_engine)
    assert (quote.article, quote.text, quote.speaker, quote.cue, quote.method) == (
        "text",
        "We will win,",
        "Jane Holloway",
        "said",
        "after",
    )
