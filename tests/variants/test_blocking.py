"""Blocking: which quotes get compared."""

from __future__ import annotations

from quotes.variants.blocking import JOINED, BlockIndex, block_keys, query_keys
from quotes.text.normalize import words


def test_keys_are_content_words_and_speaker_words() -> None:
    keys = block_keys(words("We will advance non-stop"), "kim jong un")
    assert "advance" in keys and "nonstop" in keys
    assert "we" not in keys and "will" not in keys
    assert "kim jong un|advance" in keys


def test_split_and_joined_spellings_meet() -> None:
    idx = BlockIndex()
    idx.add("joined", block_keys(words("advance nonstop")))
    idx.add("split", block_keys(words("cease fire now")))
    assert idx.candidates("x", query_keys(words("advance non stop"))) == ["joined"]
    assert idx.candidates("y", query_keys(words("ceasefire now"))) == ["split"]
    assert any(k.startswith(JOINED) for k in block_keys(words("cease fire")))


def test_a_quote_is_not_its_own_candidate() -> None:
    idx = BlockIndex()
    idx.add("a", block_keys(words("heroic participation")))
    assert idx.candidates("a", query_keys(words("heroic participation"))) == []


def test_rarer_shared_words_rank_first() -> None:
    idx = BlockIndex(max_candidates=1)
    for i in range(20):
        idx.add(f"common{i}", block_keys(words(f"the soldiers number {i}")))
    idx.add("rare", block_keys(words("the multipolar world order")))
    assert idx.candidates("q", query_keys(words("soldiers of a multipolar order"))) == ["rare"]


def test_candidates_are_bounded() -> None:
    idx = BlockIndex(max_postings=50, max_candidates=5)
    for i in range(500):
        idx.add(str(i), block_keys(words("our friendship will last forever")))
    got = idx.candidates("new", query_keys(words("our friendship will last forever")))
    assert len(got) == 5


def test_keep_filters_before_the_cut() -> None:
    idx = BlockIndex(max_candidates=2)
    for i in range(6):
        idx.add(str(i), block_keys(words("heroic participation")))
    got = idx.candidates("q", query_keys(words("heroic participation")), keep=lambda uid: int(uid) >= 4)
    assert sorted(got) == ["4", "5"]


def test_document_frequency() -> None:
    idx = BlockIndex()
    idx.add("a", block_keys(words("heroic soldiers")))
    idx.add("b", block_keys(words("heroic people")))
    idx.add("b", block_keys(words("heroic people")))  # added once
    assert idx.df("heroic") == 2 and idx.df("people") == 1 and idx.df("absent") == 0
    assert idx.idf("people") > idx.idf("heroic")
    assert len(idx) == 2


def test_candidates_are_the_head_of_the_ranking_ties_by_id() -> None:
    """The best ``max_candidates`` by shared weight, ties in id order (the head of a full sort)."""
    idx = BlockIndex(max_candidates=3)
    for uid in ["b", "a", "d", "c"]:
        idx.add(uid, block_keys(words("heroic participation")))
    idx.add("e", block_keys(words("heroic participation of the soldiers")))
    assert idx.candidates("q", query_keys(words("heroic participation of the soldiers"))) == ["e", "a", "b"]
