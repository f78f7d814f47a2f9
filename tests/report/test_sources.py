"""quotes.report.sources: what a report is made of, from quote JSONL and article files (no model)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotes.models import AlignedQuote
from quotes.report.sources import gather, groups_from_rows
from quotes.run.pipeline import align_paths

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "fixtures" / "align" / "found_sample.jsonl"


@pytest.fixture
def aligned_jsonl(tmp_path: Path) -> Path:
    """``quotes align found_sample.jsonl --format jsonl``, written by the library."""
    path = tmp_path / "aligned.jsonl"
    rows = align_paths([str(SAMPLE)], semantic=False).rows()
    path.write_text("".join(json.dumps(r.model_dump(mode="json"), ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def test_find_rows_are_aligned_and_articles_only_give_texts(seeds_dir: Path) -> None:
    seed = seeds_dir / "003_009268604145ada5.txt"
    errors: list[str] = []
    inputs = gather([str(SAMPLE), str(seed)], semantic=False, on_error=errors.append)
    assert errors == []
    assert len(inputs.quotes) == 10  # the article is not searched again
    assert list(inputs.articles) == ["003_009268604145ada5"]
    assert [len(g.members) for g in inputs.groups] == [3, 4, 2]
    assert inputs.missing_texts == ["000_f0527c374ae16ed0", "001_c375639ba006c2fc", "002_4f95f9a0b5d53731"]


def test_align_rows_keep_their_groups(aligned_jsonl: Path) -> None:
    inputs = gather([str(aligned_jsonl)])
    expected = align_paths([str(SAMPLE)], semantic=False).groups
    cross = [g for g in expected if len({m.article for m in g.members}) > 1]
    assert sorted((g.id, len(g.members)) for g in inputs.groups) == sorted((g.id, len(g.members)) for g in cross)
    assert all(isinstance(q, AlignedQuote) for q in inputs.quotes)


def test_of_speaker_keeps_one_person(aligned_jsonl: Path) -> None:
    inputs = gather([str(aligned_jsonl)]).of_speaker("Putin")
    assert {q.speaker for q in inputs.quotes} == {"Vladimir Putin"}
    assert [len(g.members) for g in inputs.groups] == [4]


def test_bad_lines_are_reported_and_the_rest_is_used(tmp_path: Path) -> None:
    path = tmp_path / "found.jsonl"
    path.write_text(SAMPLE.read_text(encoding="utf-8") + "{not json\n", encoding="utf-8")
    errors: list[str] = []
    inputs = gather([str(path)], semantic=False, on_error=errors.append)
    assert len(errors) == 1 and errors[0].startswith(f"{path}:11: ")
    assert len(inputs.quotes) == 10


def test_groups_from_rows_without_a_reference_label_lead_with_the_longest() -> None:
    rows = [AlignedQuote(article=a, text=t, start=0, end=len(t), kind="speech", speaker="Kim Jong Un", cluster="g1", variant=v)
            for a, t, v in [("a", "advance nonstop", "orthographic"), ("b", "we will advance non-stop", "truncation"),
                            ("c", "alone", None)]]
    rows[2] = rows[2].model_copy(update={"cluster": None})
    [group] = groups_from_rows(rows)
    assert group.reference.article == "b" and [m.article for m in group.members] == ["b", "a"]
    assert group.speaker == "Kim Jong Un"
