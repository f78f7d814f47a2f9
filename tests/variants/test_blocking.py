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


def test_ids_may_be_corpus_positions_and_ties_go_by_position() -> None:
    """The aligner indexes sentences by their position in the corpus (ints): 9 comes before 10,
    as it does in the corpus (as text, "10" would come first)."""
    idx = BlockIndex(max_candidates=2)
    for uid in [10, 9, 11]:
        idx.add(uid, block_keys(words("heroic participation")))
    assert idx.candidates(0, query_keys(words("heroic participation"))) == [9, 10]


def test_weights_follow_the_index_as_it_grows() -> None:
    """Rarity weights are those of the index's current size: candidates asked after more quotes are
    added are those of an index built with all of them at once."""
    texts = ["heroic participation of the soldiers", "heroic soldiers", "participation in the vote", "the soldiers voted",
             "heroic vote", "soldiers of the participation"]
    grown = BlockIndex(max_candidates=3)
    for k, text in enumerate(texts[:3]):
        grown.add(k, block_keys(words(text)))
    grown.candidates(0, query_keys(words(texts[0])))
    for k, text in enumerate(texts[3:], start=3):
        grown.add(k, block_keys(words(text)))
    whole = BlockIndex(max_candidates=3)
    for k, text in enumerate(texts):
        whole.add(k, block_keys(words(text)))
    for k, text in enumerate(texts):
        assert grown.candidates(k, query_keys(words(text))) == whole.candidates(k, query_keys(words(text)))


def test_one_ranking_serves_every_quote_with_the_same_keys() -> None:
    """The head of a ranking asked without an id, one longer than ``max_candidates``, less the quote
    itself, is that quote's own candidates (how the aligner serves a sentence quoted several times)."""
    texts = ["heroic participation of the soldiers", "heroic participation of the soldiers", "heroic soldiers",
             "participation of the soldiers", "heroic participation", "the soldiers of the vote", "heroic vote"]
    idx = BlockIndex(max_candidates=3)
    for k, text in enumerate(texts):
        idx.add(k, block_keys(words(text)))
    for k, text in enumerate(texts):
        keys = query_keys(words(text))
        head = idx.candidates(None, keys, limit=4)
        assert [o for o in head if o != k][:3] == idx.candidates(k, keys)
