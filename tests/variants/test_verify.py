"""verify(source, quotes): each quote against an original text."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotes.models import Quote
from quotes.variants.verify import verify, verify_quote

KURSK_002 = "This was evidenced by the valiant involvement of DPRK troops in liberating the Kursk region from Ukrainian forces,"


@pytest.fixture(scope="module")
def source(seeds_dir: Path) -> str:
    return (seeds_dir / "003_009268604145ada5.txt").read_text(encoding="utf-8")


def test_verbatim(source: str) -> None:
    r = verify_quote(source, "This was fully proved by the heroic participation of the DPRK soldiers")
    assert r.status == "verbatim" and r.score == 1.0
    assert source[r.source_start : r.source_end] == r.source_text == "This was fully proved by the heroic participation of the DPRK soldiers"


def test_verbatim_ignores_line_breaks_and_edge_punctuation(source: str) -> None:
    r = verify_quote(source, "military friendship and\n  mutual assistance,")
    assert r.status == "verbatim"
    assert r.source_text == "military friendship and mutual assistance"


def test_orthographic(source: str) -> None:
    r = verify_quote(source, "this was fully-proved by the heroic participation of the D.P.R.K. soldiers")
    assert r.status in ("orthographic",)
    assert source[r.source_start : r.source_end].startswith("This was fully proved")


def test_drift_shows_diff_and_reasons(source: str) -> None:
    r = verify_quote(source, KURSK_002)
    assert r.status == "drift"
    assert "qualifier" in [x.code for x in r.reasons]
    assert ("replace", "fully proved", "evidenced") in [(d.op, d.a, d.b) for d in r.diff]
    assert r.source_text is not None and r.source_text.startswith("This was fully proved")
    assert source[r.source_start : r.source_end] == r.source_text


def test_negation_is_drift(source: str) -> None:
    r = verify_quote(source, "This was not proved by the heroic participation of the DPRK soldiers")
    assert r.status == "drift"
    assert {"negation"} <= {x.code for x in r.reasons}


def test_words_changed_without_a_named_reason_are_drift(source: str) -> None:
    r = verify_quote(source, "military camaraderie and mutual assistance")
    assert r.status == "drift"
    assert [x.code for x in r.reasons] == ["wording"]


def test_not_found(source: str) -> None:
    assert verify_quote(source, "We will build a wall on the southern border").status == "not_found"


def test_one_word_is_found_exactly_or_not_at_all(source: str) -> None:
    assert verify_quote(source, "heroic").status == "verbatim"
    assert verify_quote(source, "heroes").status == "not_found"  # no fuzzy match for one word
    assert verify_quote(source, "valiant").status == "not_found"
    assert verify_quote(source, "her").status == "not_found"  # not inside "heroic"


def test_ellipsis_parts_are_checked_in_order(source: str) -> None:
    assert verify_quote(source, "This was fully proved ... in liberating the territory of Kursk region").status == "verbatim"
    assert verify_quote(source, "in liberating the territory of Kursk region ... This was fully proved").status == "drift"
    assert verify_quote(source, "This was fully proved … by the invasion of Mars").status == "not_found"


def test_results_keep_order_and_quotes(source: str) -> None:
    quotes = [Quote(article="002", index=i, text=t, start=0, end=len(t), kind="speech") for i, t in enumerate(["heroic", KURSK_002, "nothing of the sort"])]
    results = verify(source, quotes)
    assert [r.quote.id for r in results] == ["002#0", "002#1", "002#2"]
    assert [r.status for r in results] == ["verbatim", "drift", "not_found"]


def test_empty_inputs() -> None:
    assert verify("Some original text.", []) == []
    assert verify_quote("Some original text.", "…").status == "not_found"
    assert verify_quote("", "anything at all").status == "not_found"
