"""quotes.evaluate: figures identical to the reference scorer, errors listed, bad gold files reported."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from quotes.errors import InputError
from quotes.evaluate import EvalReport, evaluate, load_gold, read_predictions
from quotes.models import Quote

ROOT = Path(__file__).resolve().parent.parent
FIX = ROOT / "fixtures" / "inputs"
SCORER = ROOT.parent / "shared" / "tools" / "score.py"
FIGURES = ["gold_quotes", "predicted", "detect_p", "detect_r", "detect_f1", "speaker_acc", "e2e_p", "e2e_r", "e2e_f1",
           "unknown_articles", "cluster_pairs_gold", "cluster_p", "cluster_r", "cluster_f1", "variant_gold", "variant_acc"]


def reference_score(gold: Path, pred: Path, *extra: str) -> dict:  # type: ignore[type-arg]
    if not SCORER.is_file():
        pytest.skip(f"reference scorer not found at {SCORER}")
    out = subprocess.run([sys.executable, str(SCORER), str(gold), str(pred), "--json", *extra],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def figures(report: EvalReport) -> dict:  # type: ignore[type-arg]
    data = report.model_dump()
    return {k: data[k] for k in FIGURES if data.get(k) is not None}


def gold_rows(gold_path: Path, **override: object) -> list[dict]:  # type: ignore[type-arg]
    gold = load_gold(str(gold_path))
    return [{"article": a.id, **q.model_dump(include={"text", "start", "end", "kind", "speaker", "cluster", "variant"}), **override}
            for a in gold.articles for q in a.quotes]


@pytest.mark.parametrize("name", ["predictions_mixed.jsonl", "predictions_plain.jsonl"])
def test_figures_agree_with_the_reference_scorer(gold_path: Path, name: str) -> None:
    pred = FIX / name
    ours = evaluate(str(gold_path), read_predictions(str(pred)))
    ref = reference_score(gold_path, pred)
    assert figures(ours) == {k: ref[k] for k in FIGURES if k in ref}
    assert len(ours.errors) == len(ref["errors"])
    kinds = {"missed": "missed", "extra": "extra", "speaker": "speaker", "variant": "variant"}
    assert [kinds[e.kind] for e in ours.errors] == [line.split()[0] for line in ref["errors"]]


def test_name_kind_scoring_agrees_with_the_reference_scorer(gold_path: Path) -> None:
    pred = FIX / "predictions_mixed.jsonl"
    ours = evaluate(str(gold_path), read_predictions(str(pred)), kinds=["speech", "fragment", "name"])
    ref = reference_score(gold_path, pred, "--kinds", "speech,fragment,name")
    assert figures(ours) == {k: ref[k] for k in FIGURES if k in ref}


def test_mixed_predictions_figures(gold_path: Path) -> None:
    """The hand-made fixture exercises each rule; these are the figures worked out from it."""
    report = evaluate(str(gold_path), read_predictions(str(FIX / "predictions_mixed.jsonl")))
    assert (report.gold_quotes, report.predicted, report.matched) == (36, 24, 21)
    assert report.speaker_acc == pytest.approx(17 / 21)
    assert report.unknown_articles == ["999_unknown"]
    assert report.cluster_pairs_gold == 11 and report.cluster_p == pytest.approx(8 / 9)
    assert report.variant_gold == 8 and report.variant_acc == pytest.approx(7 / 8)
    by_kind: dict[str, list[str]] = {}
    for e in report.errors:
        by_kind.setdefault(e.kind, []).append(e.gold_id or e.text)
    assert by_kind["speaker"] == ["000#6", "000#3", "001#4", "003#2"]
    assert by_kind["variant"] == ["002#3"]
    assert "000#8" in by_kind["missed"] and "003#3" in by_kind["missed"]
    extras = [e for e in report.errors if e.kind == "extra"]
    assert [(e.text, e.gold_name) for e in extras] == [
        ("Memorial Museum of Combat Feats", True), ("throne", True), ("rea and Russia are s", False)]


def test_gold_as_predictions_scores_perfectly(gold_path: Path) -> None:
    report = evaluate(str(gold_path), gold_rows(gold_path))
    assert (report.detect_f1, report.speaker_acc, report.e2e_f1, report.cluster_f1, report.variant_acc) == (1, 1, 1, 1, 1)
    assert report.errors == []


def test_quote_objects_are_accepted(gold_path: Path) -> None:
    rows = [r for r in gold_rows(gold_path) if r["kind"] != "name"]
    quotes = [Quote(article=r["article"], text=r["text"], start=r["start"], end=r["end"], kind=r["kind"], speaker=r["speaker"]) for r in rows]
    report = evaluate(str(gold_path), quotes)
    assert report.e2e_f1 == 1.0 and report.cluster_f1 is None and report.variant_acc is None


def test_no_predictions(gold_path: Path) -> None:
    report = evaluate(str(gold_path), [])
    assert (report.gold_quotes, report.predicted, report.detect_f1, report.e2e_f1) == (36, 0, 0.0, 0.0)
    assert [e.kind for e in report.errors] == ["missed"] * 36


def test_pronoun_and_null_speakers_are_wrong(gold_path: Path) -> None:
    rows = [r for r in gold_rows(gold_path) if r["kind"] != "name"]
    for speaker in ("he", None, "the leader"):
        report = evaluate(str(gold_path), [dict(r, speaker=speaker) for r in rows])
        assert report.detect_f1 == 1.0 and report.speaker_acc == 0.0


def test_gold_paths_are_relative_to_the_gold_file(tmp_path: Path) -> None:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "a.txt").write_text('The mayor said it was "a good day" for the city.')
    gold = {"articles": [{"id": "A", "file": "texts/a.txt", "quotes": [
        {"id": "A#1", "text": "a good day", "start": 23, "end": 33, "kind": "fragment", "speaker": "Jane Roe"}]}],
        "speakers": {"Jane Roe": ["Jane Roe", "the mayor"]}}
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(gold))
    pred = [{"article": "a", "text": "a good day", "start": 22, "end": 34, "speaker": "Mayor Jane Roe", "kind": "fragment"}]
    report = evaluate(str(path), pred)  # found by file stem; offsets with the marks are trimmed
    assert report.e2e_f1 == 1.0


def test_missing_article_file_names_it(tmp_path: Path) -> None:
    path = tmp_path / "gold.json"
    path.write_text(json.dumps({"articles": [{"id": "A", "file": "nowhere.txt", "quotes": []}]}))
    with pytest.raises(InputError, match="nowhere.txt: no such file"):
        evaluate(str(path), [])


@pytest.mark.parametrize("content, message", [
    ("{not json", "not a valid JSON gold file"),
    ('{"texts": []}', 'expected a JSON object with an "articles" list'),
    ('{"articles": [{"id": "A"}]}', "articles.0.file: Field required"),
])
def test_bad_gold_file_is_one_clear_error(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "gold.json"
    path.write_text(content)
    with pytest.raises(InputError) as info:
        load_gold(str(path))
    assert message in str(info.value) and str(info.value).startswith(str(path))


def test_malformed_prediction_lines_are_reported_and_the_rest_used(tmp_path: Path, gold_path: Path) -> None:
    path = tmp_path / "pred.jsonl"
    good = json.dumps({"article": "004", "text": "martyrs", "start": 85, "end": 92, "speaker": "Kim"})
    path.write_text(good + "\n{broken\n" + json.dumps({"text": "no article"}) + "\n" + good + "\n")
    rows = list(read_predictions(str(path)))
    errors = [r for r in rows if isinstance(r, InputError)]
    assert [e.line for e in errors] == [2, 3]
    report = evaluate(str(gold_path), [r for r in rows if not isinstance(r, InputError)])
    assert report.matched == 1 and report.predicted == 2  # the duplicate is an extra


ARTICLE = (
    "Anna Berg, the union leader, spoke on Friday.\n"
    "“We are ready,” said Anna Berg.\n"
    "Tom Reyes disagreed: “We are not.” He called the plan a “white elephant”.\n"
    "“The city will pay,” said Luiz Inácio Lula.\n"
    "“Nobody asked us,” Tom Reyes told Anna Berg."
)


def _cause_set(tmp_path: Path) -> tuple[Path, list[dict]]:  # type: ignore[type-arg]
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")

    def q(n: int, text: str, kind: str, speaker: object) -> dict:  # type: ignore[type-arg]
        start = ARTICLE.index(text)
        return {"id": f"a#{n}", "text": text, "start": start, "end": start + len(text), "kind": kind, "speaker": speaker}

    gold = {"articles": [{"id": "a", "file": "a.txt", "quotes": [
        q(1, "We are ready,", "speech", "Anna Berg, the union leader"),
        q(2, "We are not.", "speech", "Tom Reyes"),
        q(3, "white elephant", "name", None),
        q(4, "The city will pay,", "speech", "Luiz Inacio Lula"),
        q(5, "Nobody asked us,", "speech", "Tom Reyes"),
    ]}], "speakers": {}}
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(gold), encoding="utf-8")

    def p(text: str, speaker: object, kind: str = "speech") -> dict:  # type: ignore[type-arg]
        start = ARTICLE.index(text)
        return {"article": "a", "text": text, "start": start, "end": start + len(text), "kind": kind, "speaker": speaker}

    preds = [
        p("We are ready,", None),  # the speaker is named in the same paragraph
        p("We are not.", "Friday"),  # a weekday
        p("white elephant", None, "fragment"),  # a name taken for a quote
        p("The city will pay,", "Luiz Inácio Lula"),  # right: names compare without diacritics
        p("Nobody asked us,", "Anna Berg"),  # the second name in the clause, quoted elsewhere
    ]
    return path, preds


def test_errors_are_grouped_by_cause(tmp_path: Path) -> None:
    from quotes.evaluate import CAUSES, errors_by_cause, format_errors

    path, preds = _cause_set(tmp_path)
    report = evaluate(str(path), preds)
    groups = {cause: [e.gold_id or e.text for e in errors] for cause, errors in errors_by_cause(report).items()}
    assert groups == {
        "null-named-nearby": ["a#1"],
        "non-person": ["a#2"],
        "other-speaker": ["a#5"],
        "extra-name": ["white elephant"],
    }
    assert list(groups) == [c for c in CAUSES if c in groups]  # the declared order
    text = format_errors(report)
    assert text.splitlines()[0].startswith("== ") and "[null-named-nearby]" in text
    assert report.e2e_f1 == pytest.approx(2 * (1 / 5) * (1 / 4) / (1 / 5 + 1 / 4))


def test_cause_figures_agree_with_the_reference_scorer(tmp_path: Path) -> None:
    path, preds = _cause_set(tmp_path)
    pred = tmp_path / "pred.jsonl"
    pred.write_text("\n".join(json.dumps(p) for p in preds) + "\n", encoding="utf-8")
    ours = evaluate(str(path), read_predictions(str(pred)))
    assert figures(ours) == {k: v for k, v in reference_score(path, pred).items() if k in FIGURES}


def test_a_missed_quote_taken_for_a_name_says_so(tmp_path: Path) -> None:
    path, preds = _cause_set(tmp_path)
    preds[0]["kind"] = "name"
    report = evaluate(str(path), preds)
    (missed,) = [e for e in report.errors if e.kind == "missed"]
    assert (missed.gold_id, missed.cause) == ("a#1", "missed-as-name")
