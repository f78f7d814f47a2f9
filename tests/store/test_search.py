"""Search: FTS5 candidates, rapidfuzz ranking, one hit per group with its other renderings."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotes.errors import QuotesError
from quotes.store.search import fts_query, match_score
from quotes.store.db import QuoteStore

sys.path.insert(0, str(Path(__file__).parent))
from test_db import seed_pairs

OUTLETS = ["Wire A", "Wire B", "Wire A", "Daily C", "Daily C"]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[QuoteStore]:
    path = tmp_path_factory.mktemp("search") / "quotes.db"
    with QuoteStore(path) as s:
        s.add(
            [(a.model_copy(update={"outlet": o}), q) for (a, q), o in zip(seed_pairs(), OUTLETS)],
            semantic=False,
        )
        yield s


def test_finds_a_quote_and_its_variants(store: QuoteStore) -> None:
    hits = store.search("advance non-stop")
    best = hits[0]
    assert best.text == "advance non-stop," and best.match == 1.0
    assert best.speaker == "Kim Jong Un" and best.outlet == "Wire A"
    # one hit for the group; its other renderings (another outlet's spelling included) come with it
    assert sorted((v.text, v.variant, v.outlet) for v in best.variants) == [
        ("advance non-stop,", "identical", "Wire A"),
        ("advance nonstop", "orthographic", "Wire B"),
    ]
    assert all(h.cluster != best.cluster for h in hits[1:])


def test_spelling_and_case_do_not_matter(store: QuoteStore) -> None:
    assert store.search("ADVANCE NONSTOP")[0].cluster == store.search("advance non-stop")[0].cluster


def test_a_phrase_finds_the_long_rendering_that_contains_it(store: QuoteStore) -> None:
    hits = store.search("valiant involvement of DPRK troops")
    assert hits[0].text.startswith("This was evidenced by the valiant involvement")
    # the hit's group also holds the official wording and the "heroic" fragments
    texts = {v.text for v in hits[0].variants}
    assert "heroic" in texts and any(t.startswith("This was fully proved") for t in texts)


def test_exact_quote_ranks_before_one_that_only_shares_words(store: QuoteStore) -> None:
    hits = store.search("military friendship and mutual assistance")
    assert hits[0].text == "military friendship and mutual assistance"
    assert hits[0].match == 1.0
    assert [h.match for h in hits] == sorted((h.match for h in hits), reverse=True)


def test_speaker_filter_uses_any_form_of_the_name(store: QuoteStore) -> None:
    putin = store.search("soldiers", speaker="President Putin")
    assert putin and all(h.speaker == "Vladimir Putin" for h in putin)
    volodin = store.search("soldiers", speaker="Volodin")
    assert volodin and all(h.speaker == "Vyacheslav Volodin" for h in volodin)
    assert store.search("soldiers", speaker="Someone Else") == []


def test_outlet_filter_keeps_hits_but_variants_show_every_outlet(store: QuoteStore) -> None:
    hits = store.search("advance nonstop", outlet="wire b")
    assert hits[0].text == "advance nonstop" and hits[0].outlet == "Wire B"
    assert {v.outlet for v in hits[0].variants} == {"Wire A"}
    assert all(h.outlet == "Wire B" for h in hits)
    assert store.search("advance nonstop", outlet="Nowhere") == []


def test_limit(store: QuoteStore) -> None:
    assert len(store.search("the", limit=2)) == 2
    assert store.search("heroic", limit=0) == []


def test_no_words_is_a_clear_error(store: QuoteStore) -> None:
    with pytest.raises(QuotesError, match="nothing to search for"):
        store.search(" —“”?! ")


def test_words_nobody_said_find_nothing(store: QuoteStore) -> None:
    assert store.search("photosynthesis chlorophyll") == []


@pytest.mark.parametrize(
    "query",
    ['advance" OR', "NOT AND OR", "NEAR(advance nonstop)", "text:heroic", "heroic*", "^heroic", "'); DROP TABLE quotes; --", "a + b - c", "{norm}: x"],
)
def test_fts_syntax_in_user_text_never_errors(store: QuoteStore, query: str) -> None:
    hits = store.search(query)
    assert isinstance(hits, list)
    assert store.stats().quotes == sum(len(q) for _, q in seed_pairs())  # nothing was dropped


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(min_size=1, max_size=60))
def test_any_text_is_a_safe_query(store: QuoteStore, query: str) -> None:
    try:
        hits = store.search(query)
    except QuotesError as exc:
        assert "nothing to search for" in str(exc)
        return
    assert all(0.0 <= h.match <= 1.0 for h in hits)


def test_fts_query_quotes_every_word() -> None:
    assert fts_query(["the", "advance", "nonstop"]) == '"advance" OR "nonstop"'
    assert fts_query(["the", "of"]) == '"the" OR "of"'  # only function words: keep them
    assert fts_query(['a"b']) == '"a""b"'


def test_match_score_orders_exact_contained_and_unrelated() -> None:
    query = ["advance", "nonstop"]
    exact = match_score(query, ["advance", "nonstop"])
    contained = match_score(query, ["ties", "will", "advance", "nonstop", "forever"])
    typo = match_score(query, ["advanse", "nonstop"])
    unrelated = match_score(query, ["flames", "of", "bloody", "battles"])
    assert exact == 1.0 > contained > unrelated
    assert typo > unrelated and contained > 0.8
    assert match_score([], ["x"]) == 0.0
