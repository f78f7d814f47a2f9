"""quotes.run.pipeline: paths → quotes with every bad input reported, without a language model.

The engine is replaced by a stand-in (``get_engine`` and ``extract_one`` patched), so these
tests check the plumbing: order, error lines, strict mode, quote JSONL read as written.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import quotes.annotate
import quotes.run.parallel
from quotes.errors import EngineUnavailable, InputError
from quotes.evaluate import evaluate, evaluate_paths, read_predictions
from quotes.models import AlignedQuote, Article, Quote
from quotes.store.db import align_store
from quotes.run.pipeline import (
    align_paths,
    find_in_paths,
    read_articles,
    read_inputs,
    verify_paths,
)

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "fixtures" / "align" / "found_sample.jsonl"
MALFORMED = ROOT / "fixtures" / "align" / "found_malformed.jsonl"
PRED = ROOT / "fixtures" / "inputs" / "predictions_mixed.jsonl"


def first_quote(article: Article, engine: object) -> object:
    """The stand-in extractor: the first quoted span of the article, or an error for "crash" articles."""
    if "crash" in article.text:
        return IndexError("list index out of range")
    start = article.text.index('"') + 1
    end = article.text.index('"', start)
    return [Quote(article=article.id, text=article.text[start:end], start=start, end=end, kind="speech", index=0)]


@pytest.fixture
def fake_engine(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Engine loads are recorded in the returned list."""
    loads: list[str] = []

    def get_engine(name: str = "stanza", models_dir: object = None) -> object:
        loads.append(name)
        return object()

    monkeypatch.setattr(quotes.annotate, "get_engine", get_engine)
    monkeypatch.setattr(quotes.run.parallel, "extract_one", first_quote)
    return loads


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "a_bridge.txt").write_text('"We will rebuild the bridge by spring," said Mayor Linda Ortiz.\n', encoding="utf-8")
    (folder / "b_empty.txt").write_text("", encoding="utf-8")
    (folder / "c_crash.txt").write_text('A crash report: "no comment," the spokesman said.\n', encoding="utf-8")
    (folder / "d_wire.jsonl").write_text(
        json.dumps({"id": "wire-1", "text": 'Reyes said: "We have heard that before."'}) + "\n", encoding="utf-8"
    )
    return folder


def test_find_reports_each_bad_input_in_one_line_and_goes_on(fake_engine: list[str], corpus: Path) -> None:
    errors: list[str] = []
    found = list(find_in_paths([str(corpus)], on_error=errors.append))
    assert [(a.id, [q.text for q in qs]) for a, qs in found] == [
        ("a_bridge", ["We will rebuild the bridge by spring,"]),
        ("wire-1", ["We have heard that before."]),
    ]
    assert len(errors) == 2
    assert errors[0].startswith(f"{corpus / 'b_empty.txt'}: empty file")  # the reader's message, in its place
    assert errors[1] == f"{corpus / 'c_crash.txt'}: could not extract quotes (IndexError: list index out of range); please report this article as a bug"
    assert fake_engine == ["stanza"]  # loaded once


def test_without_on_error_the_first_problem_is_raised(fake_engine: list[str], corpus: Path) -> None:
    with pytest.raises(InputError, match="b_empty.txt: empty file"):
        list(find_in_paths([str(corpus)]))
    with pytest.raises(IndexError):
        list(find_in_paths([str(corpus / "c_crash.txt")]))


def test_no_articles_loads_no_engine(fake_engine: list[str], tmp_path: Path) -> None:
    errors: list[str] = []
    assert list(find_in_paths([str(tmp_path / "missing.txt")], on_error=errors.append)) == []
    assert len(errors) == 1 and "missing.txt: no such file" in errors[0]
    assert fake_engine == []


def test_a_missing_engine_is_raised_even_with_on_error(monkeypatch: pytest.MonkeyPatch, corpus: Path) -> None:
    def no_engine(name: str = "stanza", models_dir: object = None) -> object:
        raise EngineUnavailable("no Stanza models; run `quotes models download`")

    monkeypatch.setattr(quotes.annotate, "get_engine", no_engine)
    with pytest.raises(EngineUnavailable):
        list(find_in_paths([str(corpus)], on_error=lambda line: None))


def test_read_articles_skips_and_reports(corpus: Path) -> None:
    errors: list[str] = []
    assert [a.id for a in read_articles([str(corpus)], on_error=errors.append)] == ["a_bridge", "c_crash", "wire-1"]
    assert len(errors) == 1 and "b_empty.txt" in errors[0]


def test_quote_jsonl_is_read_as_written_with_errors_by_line() -> None:
    errors: list[str] = []
    read = read_inputs([str(MALFORMED)], on_error=errors.append)
    assert [e.split(":")[1] for e in errors] == ["2", "5", "6"]
    assert len(read.quotes) == 10 and read.articles == {}
    assert [q.text for q in read.quotes[:2]] == ["advance non-stop,", "Memorial Museum of Combat Feats"]
    with pytest.raises(InputError, match=r"found_malformed.jsonl:2: "):
        read_inputs([str(MALFORMED)])


def test_quote_jsonl_and_articles_mixed_keep_the_input_order(fake_engine: list[str], corpus: Path) -> None:
    read = read_inputs([str(corpus / "a_bridge.txt"), str(SAMPLE), str(corpus / "d_wire.jsonl")], keep_articles=True)
    articles = [q.article for q in read.quotes]
    assert articles[0] == "a_bridge" and articles[-1] == "wire-1"
    assert len(read.quotes) == 12
    assert list(read.articles) == ["a_bridge", "wire-1"]


def test_articles_only_for_their_texts(fake_engine: list[str], corpus: Path) -> None:
    read = read_inputs([str(SAMPLE), str(corpus / "a_bridge.txt")], find=False, keep_articles=True)
    assert len(read.quotes) == 10 and list(read.articles) == ["a_bridge"]
    assert fake_engine == []  # nothing was searched


def test_rows_without_index_are_numbered_per_article(tmp_path: Path) -> None:
    path = tmp_path / "handmade.jsonl"
    rows = [("a", "We will win,", 0), ("b", "Never,", 5), ("a", "whatever it takes.", 20)]
    path.write_text("".join(json.dumps({"article": a, "text": t, "start": s, "end": s + len(t), "kind": "speech"}) + "\n" for a, t, s in rows))
    read = read_inputs([str(path)])
    assert [(q.article, q.index) for q in read.quotes] == [("a", 0), ("b", 0), ("a", 1)]


def test_align_paths_groups_and_rows() -> None:
    alignment = align_paths([str(SAMPLE)], semantic=False)
    assert [len(g.members) for g in alignment.groups] == [3, 4, 2]
    rows = alignment.rows()
    assert len(rows) == 10 and all(isinstance(r, AlignedQuote) for r in rows)
    assert sorted(m.variant for m in alignment.groups[0].members) == ["identical", "orthographic", "reference"]
    putin = alignment.of_speaker("President Putin")
    assert [len(g.members) for g in putin.groups] == [4]
    assert {q.speaker for q in putin.quotes} == {"Vladimir Putin"}


def test_align_store_needs_a_store(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such quote store; create it with `quotes index"):
        align_store(str(tmp_path / "none.db"))


def test_verify_paths(seeds_dir: Path) -> None:
    results = verify_paths(str(seeds_dir / "003_009268604145ada5.txt"), [str(SAMPLE)], speaker="Putin")
    # the retranslated Kursk sentence keeps half its content words: not this sentence's misquote
    assert [r.status for r in results] == ["verbatim", "not_found", "verbatim", "verbatim"]
    with pytest.raises(InputError, match="no-such.txt"):
        verify_paths("no-such.txt", [str(SAMPLE)])


def test_evaluate_paths_scores_a_predictions_file_as_the_library_does(gold_path: Path) -> None:
    expected = evaluate(str(gold_path), [r for r in read_predictions(str(PRED)) if not isinstance(r, InputError)])
    assert evaluate_paths(str(gold_path), [str(PRED)]) == expected
