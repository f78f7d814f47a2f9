"""align(quotes) -> groups, and the incremental Aligner."""

from __future__ import annotations

import random
import warnings
from pathlib import Path
from typing import Any

import pytest

import quotes.variants.align as align_mod
from quotes.variants.align import (
    Aligner,
    SemanticFallbackWarning,
    _renders_whole,
    _shares_enough,
    align,
    aligned_quotes,
    is_cross_article,
    split_pieces,
)
from quotes.models import Quote
from quotes.variants.semantic import SemanticUnavailable

KURSK = ("This was fully proved by the heroic participation of the DPRK soldiers in liberating the territory "
         "of Kursk region from the Ukrainian occupationists,")
KURSK_002 = "This was evidenced by the valiant involvement of DPRK troops in liberating the Kursk region from Ukrainian forces,"
LEGACY = "The Russian populace will forever cherish the memories of their courage and sacrifice."


def q(article: str, index: int, text: str, speaker: str | None = "Vladimir Putin", kind: str = "speech") -> Quote:
    return Quote(article=article, index=index, text=text, start=0, end=len(text), kind=kind, speaker=speaker)  # type: ignore[arg-type]


def partition(groups) -> set[frozenset[str]]:  # type: ignore[no-untyped-def]
    return {frozenset(m.id for m in g.members) for g in groups}


def group_of(groups, quote_id: str):  # type: ignore[no-untyped-def]
    return next(g for g in groups if any(m.id == quote_id for m in g.members))


def test_empty_input() -> None:
    assert align([], semantic=False) == []
    assert aligned_quotes([], []) == []


def test_single_quote_is_a_group_without_cluster() -> None:
    quote = q("a", 0, LEGACY)
    groups = align([quote], semantic=False)
    assert len(groups) == 1 and groups[0].reference.id == "a#0"
    (row,) = aligned_quotes([quote], groups)
    assert row.cluster is None and row.variant is None and row.text == LEGACY


def test_names_are_not_aligned() -> None:
    name = q("a", 0, "Memorial Museum of Combat Feats", speaker=None, kind="name")
    copy = q("b", 0, "Memorial Museum of Combat Feats", speaker=None, kind="name")
    groups = align([name, copy], semantic=False)
    assert groups == []
    rows = aligned_quotes([name, copy], groups)
    assert [(r.cluster, r.variant) for r in rows] == [(None, None), (None, None)]


def test_copies_orthographic_variants_and_truncations_group() -> None:
    quotes = [
        q("000", 0, "advance non-stop,", "Kim Jong-un", "fragment"),
        q("000", 4, "advance non-stop,", "Kim Jong-un", "fragment"),
        q("001", 5, "advance nonstop", "Mr Kim", "fragment"),
        q("002", 0, "DPRK-Russia friendship will advance nonstop, whatever happens", "Kim Jong Un"),
    ]
    groups = align(quotes, semantic=False)
    (g,) = groups
    assert g.reference.id == "002#0"  # the longest rendering
    labels = {m.id: m.variant for m in g.members}
    assert labels == {"002#0": "reference", "000#0": "truncation", "000#4": "truncation", "001#5": "truncation"}
    assert g.speaker == "Kim Jong-un"  # the most used full form of the name
    assert all(m.cluster == g.id for m in g.members)


def test_labels_against_the_reference() -> None:
    quotes = [q("000", 0, "advance non-stop,", "Kim"), q("000", 4, "advance non-stop,", "Kim"), q("001", 5, "advance nonstop", "Kim")]
    (g,) = align(quotes, semantic=False)
    assert [(m.id, m.variant) for m in g.members] == [("000#0", "reference"), ("000#4", "identical"), ("001#5", "orthographic")]


def test_one_word_fragment_joins_the_sentence_that_has_it() -> None:
    quotes = [q("003", 3, KURSK), q("002", 0, "heroic", kind="fragment"), q("003", 0, "heroic", kind="fragment"),
              q("002", 2, KURSK_002)]
    groups = align(quotes, semantic=False)
    g = group_of(groups, "003#3")
    assert {m.id: m.variant for m in g.members} == {"003#3": "reference", "002#0": "truncation", "003#0": "truncation", "002#2": "drift"}
    drift = next(m for m in g.members if m.id == "002#2")
    assert [r.code for r in drift.reasons] == ["qualifier"]


def test_fragment_found_in_two_sentences_stays_alone() -> None:
    quotes = [
        q("a", 0, "We honour the heroic sacrifice of the soldiers who liberated the region"),
        q("b", 0, "The heroic people of Korea will never forget this day of victory"),
        q("c", 0, "heroic", kind="fragment"),
    ]
    groups = align(quotes, semantic=False)
    assert len(group_of(groups, "c#0").members) == 1


def test_fragment_found_in_two_sentences_prefers_its_own_article() -> None:
    quotes = [
        q("a", 0, "We honour the heroic sacrifice of the soldiers who liberated the region"),
        q("b", 0, "The heroic people of Korea will never forget this day of victory"),
        q("b", 1, "heroic", kind="fragment"),
    ]
    assert len(group_of(align(quotes, semantic=False), "b#1").members) == 2


def test_different_sentences_of_one_speech_stay_apart() -> None:
    quotes = [
        q("001", 4, "The sacred journey marked the beginning of a new history of militant solidarity between the DPRK and Russia.", "Kim Jong Un"),
        q("001", 7, "Pyongyang will always be with Moscow. Our friendship and unity will last forever,", "Kim Jong Un"),
        q("002", 6, "a new level of development in DPRK-Russia relations.", "Kim Jong Un", "fragment"),
        q("002", 7, "closer interactions and communication between the two nations.", "Kim Jong Un", "fragment"),
        q("004", 3, "the most tenacious, patriotic and just people in the world,", "Kim Jong Un", "fragment"),
    ]
    groups = align(quotes, semantic=False)
    assert len(groups) == 5 and [len(g.members) for g in groups] == [1, 1, 1, 1, 1]


def test_misattribution_is_flagged() -> None:
    quotes = [q("a", 0, LEGACY, "Vladimir Putin"), q("b", 0, LEGACY, "President Putin"), q("c", 0, LEGACY, "Vyacheslav Volodin")]
    (g,) = align(quotes, semantic=False)
    assert g.flags == ["misattributed"]
    assert {m.id: m.flags for m in g.members} == {"a#0": [], "b#0": [], "c#0": ["misattributed"]}
    assert g.speaker == "Vladimir Putin"


def test_short_phrase_by_two_speakers_is_not_misattribution() -> None:
    quotes = [q("a", 0, "a smart guy.", "Donald Trump", "fragment"), q("b", 0, "a smart guy", "Kim Jong Un", "fragment")]
    groups = align(quotes, semantic=False)
    assert len(groups) == 2 and [len(g.members) for g in groups] == [1, 1]


def test_bare_surname_does_not_merge_two_kims() -> None:
    one_kim = [q("a", 0, "our friendship will last forever", "Kim Jong Un"), q("b", 0, "friendship will last", "Mr Kim")]
    assert len(align(one_kim, semantic=False)) == 1
    two_kims = one_kim + [q("c", 0, "We do not care about the talks", "Kim Yo Jong")]
    groups = align(two_kims, semantic=False)
    assert len(group_of(groups, "b#0").members) == 1


def test_group_ids_are_stable() -> None:
    quotes = [q("003", 3, KURSK), q("002", 0, "heroic", kind="fragment"), q("002", 2, KURSK_002), q("002", 3, LEGACY)]
    first = align(quotes, semantic=False)
    shuffled = quotes[:]
    random.Random(3).shuffle(shuffled)
    second = align(shuffled, semantic=False)
    assert {g.id: partition([g]) for g in first} == {g.id: partition([g]) for g in second}
    assert [g.id for g in first] == [g.id for g in second]


def test_single_article_group_has_no_cluster() -> None:
    quotes = [q("004", 5, "provide you with a beautiful life in the country", "Kim"), q("004", 0, "a beautiful life", "Kim", "fragment")]
    (g,) = align(quotes, semantic=False)
    assert len(g.members) == 2 and not is_cross_article(g)
    assert all(m.cluster is None and m.variant is None for m in g.members)


def test_incremental_equals_batch() -> None:
    quotes = [q("003", 3, KURSK), q("002", 0, "heroic", kind="fragment"), q("002", 2, KURSK_002), q("002", 3, LEGACY),
              q("003", 0, "heroic", kind="fragment"), q("005", 1, LEGACY, "Putin"), q("006", 0, "the heroic participation of the DPRK soldiers")]
    batch = align(quotes, semantic=False)
    aligner = Aligner(semantic=False)
    aligner.add(quotes[4:])
    touched = aligner.add(quotes[:4])
    assert partition(aligner.groups) == partition(batch)
    assert {g.id for g in aligner.groups} == {g.id for g in batch}
    assert touched  # the groups the second batch created or changed


def test_rebuild_from_groups_and_add() -> None:
    first = [q("003", 3, KURSK), q("002", 2, KURSK_002), q("002", 3, LEGACY)]
    groups = align(first, semantic=False)
    restored = Aligner(groups=groups, semantic=False)
    assert partition(restored.groups) == partition(groups)
    assert [g.id for g in restored.groups] == [g.id for g in groups]
    touched = restored.add([q("007", 0, "heroic", kind="fragment"), q("003", 3, KURSK)])  # the second is already there
    (g,) = touched
    assert {m.id for m in g.members} == {"003#3", "002#2", "007#0"}
    assert restored.removed == []
    assert len(restored.groups) == 2


def test_resumed_without_reading_groups_equals_batch_and_reads_only_what_changed() -> None:
    """Aligner.resume: stored members and fingerprints only; the groups a batch gives, and only the
    groups the new quotes change are built (the others are neither built nor read)."""
    first = [q("003", 3, KURSK), q("002", 2, KURSK_002), q("002", 3, LEGACY), q("005", 1, LEGACY, "Putin")]
    seed = Aligner.restore([], semantic=False)
    stored = {g.id: g for g in seed.add(first)}
    read: list[str] = []

    def load(ids: list[str]) -> list[Any]:
        read.extend(ids)
        return [stored[i] for i in ids]

    resumed = Aligner.resume(first, seed.inputs(), load, semantic=False)
    new = [q("007", 0, "heroic", kind="fragment"), q("008", 0, "Our friendship will last forever", "Kim")]
    touched = resumed.add(new)
    batch = align(first + new, semantic=False)
    assert read == []  # nothing read to align
    legacy = group_of(batch, "002#3").id
    assert legacy not in {g.id for g in touched} and {g.id for g in touched} == {g.id for g in batch} - {legacy}
    assert resumed.groups == batch  # every group, the unchanged one read when asked for
    assert read == [legacy]


@pytest.mark.parametrize(
    ("index", "stems", "speaker", "expected"),
    [
        ({"war": {1, 2, 3}, "end": {2, 3, 4}}, {"war", "end"}, None, {2, 3}),
        ({"war": {1, 2, 3}}, {"war", "peace"}, None, set()),
        ({("kim", "war"): {1}, ("", "war"): {2}}, {"war"}, "kim", {1}),
        ({("kim", "war"): {1}}, {"war"}, "putin", set()),
        ({}, set(), None, set()),
    ],
)
def test_holding_all_intersects_the_stems_holders(index: dict[Any, set[int]], stems: set[str], speaker: str | None,
                                                   expected: set[int]) -> None:
    assert align_mod._holding_all(index, frozenset(stems), speaker) == expected


def _candidate_pairs(quotes: list[Quote]) -> set[tuple[str, str]]:
    """The blocking candidates of an alignment run, as pairs of quote ids."""
    ordered = sorted(quotes, key=lambda x: (x.article, x.index))
    aligner = Aligner(semantic=False)
    units, _ = aligner._units(ordered, [""] * len(ordered))
    full = [i for i, u in enumerate(units) if not u.fragment]
    ids = [ordered[u.quote].id for u in units]
    return {(min(ids[i], ids[j]), max(ids[i], ids[j])) for i, j in aligner._candidates(units, full, {})}


def test_candidates_among_old_quotes_do_not_change_with_an_unrelated_newcomer() -> None:
    """Candidate ties go by corpus order: a quote sharing no word with the others, added before them
    in the corpus, leaves their candidates as they were (25 copies of one sentence: every candidate
    ties, and each keeps only 10)."""
    text = "The soldiers showed great courage in the liberation of the region"
    copies = [q(f"b{k:02d}", 0, text) for k in range(25)]
    newcomer = q("a00", 0, "Prices of bread and fuel rose again in the capital this winter")
    before = _candidate_pairs(copies)
    after = _candidate_pairs(copies + [newcomer])
    assert len(before) < 25 * 24 // 2  # the cut-off is in play
    assert {p for p in after if newcomer.id not in p} == before


def test_longer_newcomer_becomes_the_reference() -> None:
    aligner = Aligner(semantic=False)
    (old,) = aligner.add([q("a", 0, "Our friendship and unity will last forever,", "Kim")])
    (new,) = aligner.add([q("b", 0, "Pyongyang will always be with Moscow. Our friendship and unity will last forever,", "Kim")])
    assert new.reference.id == "b#0"
    assert aligner.removed == [old.id]
    assert [m.variant for m in new.members] == ["reference", "truncation"]


def test_aligned_rows_keep_input_order_and_fields() -> None:
    quotes = [q("002", 0, "heroic", kind="fragment"), q("002", 1, LEGACY), q("003", 3, KURSK)]
    rows = aligned_quotes(quotes, align(quotes, semantic=False))
    assert [r.id for r in rows] == ["002#0", "002#1", "003#3"]
    assert rows[0].variant == "truncation" and rows[0].cluster == rows[2].cluster
    assert rows[1].cluster is None
    assert rows[0].diff and rows[0].score is not None


def test_blocking_keeps_work_near_linear() -> None:
    sentences = [line for line in Path(__file__).resolve().parents[2].joinpath("seeds", "001_c375639ba006c2fc.txt").read_text().split(".") if len(line.split()) > 6]
    quotes = [q(f"art{i}", 0, s.strip(), f"Speaker {i % 7}") for i, s in enumerate(sentences * 6)]
    aligner = Aligner(semantic=False)
    aligner.add(quotes)
    n = len(quotes)
    assert aligner.stats.candidate_pairs <= n * 10  # max_candidates per quote
    assert aligner.stats.pairs_scored < n * (n - 1) / 2 / 4


@pytest.fixture
def no_semantic(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(align_mod, "semantic_available", lambda model=None: False)
    monkeypatch.setattr(align_mod, "_warned_fallback", False)


def test_without_the_extra_alignment_is_lexical_and_says_so_once(no_semantic: None) -> None:
    quotes = [q("a", 0, LEGACY), q("b", 0, LEGACY)]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        first = align(quotes)
        second = align(quotes)
    fallback = [w for w in caught if issubclass(w.category, SemanticFallbackWarning)]
    assert len(fallback) == 1 and "lexically" in str(fallback[0].message)
    assert partition(first) == partition(second) == {frozenset({"a#0", "b#0"})}


def test_semantic_required_but_missing_raises(no_semantic: None) -> None:
    with pytest.raises(SemanticUnavailable):
        Aligner(semantic=True)


@pytest.mark.slow
def test_seeds_end_to_end(stanza_engine, seeds_dir: Path) -> None:  # type: ignore[no-untyped-def]
    from quotes.extract.pipeline import find_quotes
    from quotes.io.inputs import iter_articles
    from quotes.models import Article

    quotes = [x for a in iter_articles([str(seeds_dir)]) if isinstance(a, Article) for x in find_quotes(a, engine=stanza_engine)]
    groups = [g for g in align(quotes, semantic=False) if is_cross_article(g)]
    texts = [{m.text for m in g.members} for g in groups]
    assert any({"advance non-stop,", "advance nonstop"} <= t for t in texts)
    kursk = next(g for g in groups if g.reference.text.startswith("This was fully proved"))
    assert sorted(m.variant for m in kursk.members) == ["drift", "reference", "truncation", "truncation", "truncation"]


# --- clustering that merges, speaker as evidence, gaps and brackets ------------------------------

TALKS = "We will work calmly with America and all our partners."
TALKS_2 = "We will pursue a calm dialogue with America and all of our partners."


def test_a_short_quote_inside_two_renderings_brings_them_together() -> None:
    # "Q" is in "Q, and more" and in "Before, Q": one utterance, so one group of three
    quotes = [
        q("a", 0, "Our flag is yellow and blue, and we will never raise any other flag.", "Dmytro Kuleba"),
        q("b", 0, "As he said before, our flag is yellow and blue", "Dmytro Kuleba"),
        q("c", 0, "our flag is yellow and blue", "Dmytro Kuleba"),
    ]
    groups = align(quotes, semantic=False)
    assert len(groups) == 1
    assert sorted(m.id for m in groups[0].members) == ["a#0", "b#0", "c#0"]


def test_multi_sentence_quote_goes_to_the_cluster_with_most_of_its_words() -> None:
    quotes = [
        q("a", 0, "The parliament must work in unity.", "Volodymyr Zelensky"),
        q("b", 0, "The parliament must work in unity.", "Volodymyr Zelensky"),
        q("c", 0, "Winter will be hard for every family in the country.", "Volodymyr Zelensky"),
        q("d", 0, "Winter will be hard for every family in the country.", "Volodymyr Zelensky"),
        q("e", 0, "The parliament must work in unity. Winter will be hard for every family in the country.", "Volodymyr Zelensky"),
    ]
    groups = align(quotes, semantic=False)
    winter = group_of(groups, "e#0")
    assert sorted(m.id for m in winter.members) == ["c#0", "d#0", "e#0"]
    unity = group_of(groups, "a#0")
    assert sorted(m.id for m in unity.members) == ["a#0", "b#0"]
    (row,) = [m for m in winter.members if m.id == "e#0"]
    assert row.also_in == [unity.id]  # its other sentence is linked, not lost


def test_passage_quoted_together_by_three_outlets_is_one_group() -> None:
    one, two = "The pressure on our country is heavy.", "We face a very difficult choice now."
    quotes = [q(a, 0, f"{one} {two}", "Volodymyr Zelensky") for a in ("a", "b", "c")] + [
        q("d", 0, one, "Volodymyr Zelensky"), q("e", 0, two, "Volodymyr Zelensky")]
    groups = align(quotes, semantic=False)
    assert len(groups) == 1 and len(groups[0].members) == 5


def test_another_speaker_does_not_forbid_a_verbatim_copy() -> None:
    quotes = [q("a", 0, TALKS, "Volodymyr Zelensky"), q("b", 0, TALKS, "Donald Trump")]
    (g,) = align(quotes, semantic=False)
    assert len(g.members) == 2 and g.flags == ["misattributed"]


def test_another_speaker_keeps_a_rewording_apart_that_one_speaker_would_link() -> None:
    same = [q("a", 0, TALKS, "Volodymyr Zelensky"), q("b", 0, TALKS_2, "Volodymyr Zelensky")]
    assert len(align(same, semantic=False)) == 1
    other = [q("a", 0, TALKS, "Volodymyr Zelensky"), q("b", 0, TALKS_2, "Donald Trump")]
    assert len(align(other, semantic=False)) == 2


def test_unknown_speaker_is_neutral() -> None:
    quotes = [q("a", 0, TALKS, "Volodymyr Zelensky"), q("b", 0, TALKS_2, None)]
    (g,) = align(quotes, semantic=False)
    assert [m.id for m in g.members] == ["b#0", "a#0"] and g.flags == []


def test_speaker_spellings_are_one_person() -> None:
    quotes = [q("a", 0, TALKS, "Volodymyr Zelenskyy"), q("b", 0, TALKS_2, "Zelenskiy"), q("c", 0, TALKS, "Zelensky’s")]
    (g,) = align(quotes, semantic=False)
    assert len(g.members) == 3 and g.flags == [] and g.speaker == "Volodymyr Zelenskyy"


def test_ellipsis_is_a_gap_and_the_parts_are_a_truncation() -> None:
    full = "We will rebuild every school, every hospital and every bridge that was destroyed."
    quotes = [q("a", 0, full, "Kim Jong Un"), q("b", 0, "We will rebuild every school … and every bridge that was destroyed.", "Kim Jong Un")]
    (g,) = align(quotes, semantic=False)
    assert [(m.id, m.variant) for m in g.members] == [("a#0", "reference"), ("b#0", "truncation")]


def test_editorial_brackets_are_not_the_speakers_words() -> None:
    quotes = [
        q("a", 0, "How about encouraging (Russian President Vladimir) Putin to withdraw his army from Ukraine?", "Radek Sikorski"),
        q("b", 0, "How about encouraging Putin to withdraw his army from Ukraine?", "Radoslaw Sikorski"),
    ]
    (g,) = align(quotes, semantic=False)
    member = g.members[1]
    assert (member.id, member.variant, member.reasons) == ("b#0", "orthographic", [])
    assert any("(Russian President Vladimir)" in n for n in member.notes)
    assert g.flags == []  # Radek and Radoslaw Sikorski are one person


def test_reference_is_the_longest_and_ties_go_to_the_first() -> None:
    quotes = [q("b", 0, LEGACY), q("a", 0, LEGACY), q("c", 0, LEGACY[:-1])]
    (g,) = align(quotes, semantic=False)
    assert [(m.id, m.variant) for m in g.members] == [("a#0", "reference"), ("b#0", "identical"), ("c#0", "orthographic")]


def test_output_says_which_signals_were_used() -> None:
    (g,) = align([q("a", 0, LEGACY), q("b", 0, LEGACY)], semantic=False)
    assert g.signals == ["lexical"] and all(m.signals == ["lexical"] for m in g.members)
    (alone,) = align([q("a", 0, LEGACY)], semantic=False)
    assert alone.signals == [] and alone.members[0].signals == []


def test_semantic_evidence_is_gated_against_negation_and_swapped_actors() -> None:
    # model-free: two sentences whose (fake) embeddings are identical, sharing no rare word
    import numpy as np

    from quotes.variants.align import _Unit

    def unit(article: str, text: str, names: tuple[str, ...] = (), negations: int = 0) -> _Unit:
        return _Unit(0, text, tuple(text.split()), frozenset({article + "x"}), len(text.split()), article, "", negations, False, names)

    vec = np.array([1.0, 0.0])
    aligner = Aligner(semantic=False)
    score = lambda a, b: aligner._score(a, b, 1.0, 1.0, {"ax": 1.0, "bx": 1.0}, vec, vec)  # noqa: E731
    assert score(unit("a", "one two three four five six"), unit("b", "seven eight nine ten eleven twelve")) == pytest.approx(1 - align_mod.SEMANTIC_OFFSET)
    assert score(unit("a", "one two three four five six", negations=1), unit("b", "seven eight nine ten eleven twelve")) == 0.0
    swapped = score(unit("a", "one two three four five six", ("pyong", "mosco")), unit("b", "seven eight nine ten eleven twelve", ("mosco", "pyong")))
    assert swapped == 0.0
    same = score(unit("a", "one two three four five six", ("pyong", "mosco")), unit("b", "seven eight nine ten eleven twelve", ("pyong", "mosco")))
    assert same == pytest.approx(1 - align_mod.SEMANTIC_OFFSET)
    assert score(unit("a", "one two three four five six"), unit("b", "seven eight nine")) == 0.0  # lengths too far apart


def test_a_quote_across_two_clusters_goes_to_the_one_more_outlets_quote() -> None:
    # e's first sentence is quoted by six other outlets, its (longer) second by one: the
    # plain word count would give e to the second, the articles' weight gives it to the first
    unity = "The parliament must work in unity."
    winter = "Winter will be hard for every family in the country."
    quotes = [q(a, 0, unity, "Volodymyr Zelensky") for a in "abcdgh"] + [
        q("e", 0, f"{unity} {winter}", "Volodymyr Zelensky"), q("f", 0, winter, "Volodymyr Zelensky")]
    groups = align(quotes, semantic=False)
    assert sorted(m.id for m in group_of(groups, "e#0").members) == ["a#0", "b#0", "c#0", "d#0", "e#0", "g#0", "h#0"]
    assert group_of(groups, "f#0").reference.cluster is None  # f's only counterpart is reported elsewhere


def test_among_equally_long_renderings_the_one_ending_as_a_sentence_is_the_reference() -> None:
    text = "Our flag is yellow and blue. We shall never raise any other flag"
    quotes = [q("a", 0, text + ",", "Dmytro Kuleba"), q("b", 0, text + ".", "Dmytro Kuleba"), q("c", 0, text + ",", "Dmytro Kuleba")]
    (g,) = align(quotes, semantic=False)
    assert g.reference.id == "b#0"
    assert [(m.id, m.variant) for m in g.members] == [("b#0", "reference"), ("a#0", "orthographic"), ("c#0", "orthographic")]


def test_a_short_sentence_quoted_alone_joins_the_quote_it_ends() -> None:
    bullying = "There should be no bullying of one nation by another."
    quotes = [q("a", 0, f"{bullying} We are all equal.", "Cyril Ramaphosa"), q("b", 0, bullying, "Cyril Ramaphosa"),
              q("c", 0, "We are all equal", "Cyril Ramaphosa"), q("d", 0, "We Are All Equal", "Cyril Ramaphosa")]
    groups = align(quotes, semantic=False)
    assert partition(groups) == {frozenset({"a#0", "b#0", "c#0", "d#0"})}
    assert {m.id: m.variant for m in groups[0].members} == {"a#0": "reference", "b#0": "truncation", "c#0": "truncation", "d#0": "truncation"}


def test_a_short_translated_phrase_joins_the_sentence_of_its_speaker() -> None:
    bonds = ("The bonds of military camaraderie, goodwill, and mutual support that were established in the war "
             "remain strong and dependable to this day,")
    quotes = [q("a", 0, bonds), q("b", 0, "military friendship and mutual assistance", kind="fragment")]
    groups = align(quotes, semantic=False)
    assert partition(groups) == {frozenset({"a#0", "b#0"})}
    assert [m.variant for m in groups[0].members] == ["reference", "translation"]
    # the same five words quoted as a sentence of their own stay a sentence (no link)
    speech = [q("a", 0, bonds), q("b", 0, "military friendship and mutual assistance", kind="speech")]
    assert len(align(speech, semantic=False)) == 2


def test_a_garbled_span_is_never_the_reference() -> None:
    clean = "What is happening in the Gaza Strip is not a war, it is a genocide,"
    garbled = "the conscience of these people\u201cthat you don't see\u201dthat in the Gaza Strip there is not a war, but a genocide"
    quotes = [q("a", 0, clean, "Lula"), q("b", 0, clean, "Lula"), q("c", 0, garbled, "Lula")]
    groups = align(quotes, semantic=False)
    g = group_of(groups, "a#0")
    assert g.reference.id == "a#0" and {m.id: m.variant for m in g.members}["b#0"] == "identical"


def test_a_low_confidence_speaker_is_neutral() -> None:
    base: dict[str, Any] = {"start": 0, "kind": "speech"}
    a = Quote(article="a", index=0, text=TALKS, end=len(TALKS), speaker="Volodymyr Zelensky", method="after", confidence=0.9, **base)
    b = Quote(article="b", index=0, text=TALKS_2, end=len(TALKS_2), speaker="Donald Trump", method="nearby", confidence=0.6, **base)
    assert len(align([a, b], semantic=False)) == 1  # a 0.6 guess is no evidence against the link
    sure = b.model_copy(update={"confidence": 0.9})
    assert len(align([a, sure], semantic=False)) == 2


HAPPENED = "What is happening in the Gaza Strip has not happened at any other moment in history."


@pytest.mark.parametrize(
    ("fragment", "joins"),
    [
        ("This will not happen,", False),  # one content word shared, its other words not: another phrase
        ("happened", True),  # a single word: a term, found as it is
        ("happening", True),
    ],
)
def test_a_fragment_sharing_one_word_joins_only_as_a_term(fragment: str, joins: bool) -> None:
    quotes = [q("a", 0, HAPPENED, speaker="Lula"), q("b", 0, HAPPENED, speaker="Lula"),
              q("c", 0, fragment, speaker=None, kind="fragment")]
    groups = align(quotes, semantic=False)
    assert (len(group_of(groups, "c#0").members) > 1) is joins


def test_a_fragment_goes_with_the_passage_other_outlets_quote_not_an_echo_in_its_article() -> None:
    francis = "We must have the courage to raise the white flag and negotiate with the other side."
    quotes = [q("a", 0, "raise the white flag", speaker=None, kind="fragment"),
              q("a", 1, "Before the victims raise the white flag, the Pope should speak to the aggressor.", speaker="Strack-Zimmermann"),
              q("b", 0, francis, speaker="Francis"), q("c", 0, francis, speaker="Francis")]
    groups = align(quotes, semantic=False)
    assert {m.id for m in group_of(groups, "a#0").members} == {"a#0", "b#0", "c#0"}


def test_a_fragment_stays_with_its_article_sentence_when_other_outlets_quote_that_too() -> None:
    kim = "We will advance non-stop and build a beautiful life for our people."
    quotes = [q("a", 0, "advance non-stop", speaker=None, kind="fragment"), q("a", 1, kim, speaker="Kim"),
              q("b", 0, kim, speaker="Kim")]
    groups = align(quotes, semantic=False)
    assert {m.id for m in group_of(groups, "a#0").members} == {"a#0", "a#1", "b#0"}


@pytest.mark.parametrize(
    ("fragment", "sentence", "expected"),
    [
        ({"bull", "anyon"}, {"bull", "nation", "anoth"}, False),  # one of two words: another phrase
        ({"militar", "friends", "mutual", "assista"}, {"militar", "mutual", "support"}, True),
        ({"heroic"}, {"heroic", "soldi"}, True),  # a single word needs only itself
        ({"era", "terror"}, {"terror", "talk"}, False),
    ],
)
def test_a_sentence_must_hold_two_of_a_fragments_words(fragment: set[str], sentence: set[str], expected: bool) -> None:
    assert _shares_enough(frozenset(fragment), frozenset(sentence)) is expected


@pytest.mark.parametrize(
    ("window", "fragment", "expected"),
    [
        (["excellent", "soldiers"], ["outstanding", "soldiers"], True),
        (["terror"], ["era", "of", "terror"], False),  # only the shared word: says nothing of "era"
        (["terrorism"], ["state-sponsored", "terrorism"], False),
        (["and", "freedom", "of", "ukrainians"], ["and", "the", "ukrainian", "future"], True),
    ],
)
def test_an_embedding_match_needs_a_stretch_as_long_as_the_fragment(window: list[str], fragment: list[str], expected: bool) -> None:
    assert _renders_whole(window, fragment) is expected


def test_a_fragment_sharing_one_word_of_two_with_its_speakers_sentences_stays_alone() -> None:
    # "blackmail" is the rarer of the fragment's two words and sits in one sentence, "nuclear" in
    # another: neither sentence renders "nuclear blackmail"
    blackmail = "India will never bow to blackmail from anyone, whoever makes the threat."
    doctrine = "Our nuclear doctrine has not changed since the tests of 1998."
    quotes = ([q(a, 0, blackmail, "Narendra Modi") for a in "ab"] + [q(a, 0, doctrine, "Narendra Modi") for a in "cde"]
              + [q("f", 0, "nuclear blackmail", "Narendra Modi", kind="fragment")])
    groups = align(quotes, semantic=False)
    assert len(group_of(groups, "f#0").members) == 1
    assert partition([group_of(groups, "a#0"), group_of(groups, "c#0")]) == {frozenset("ab"[i] + "#0" for i in range(2)), frozenset({"c#0", "d#0", "e#0"})}


def test_a_fragment_its_own_article_quotes_in_two_passages_joins_neither() -> None:
    flag = "I think the strongest is the one who has the courage of the white flag and negotiates."
    talks = "The Pope wants a truce achieved with the courage of negotiation, not a surrender."
    # most outlets quote the first passage (7 of the 9 sentences holding "courage"), but f, which
    # quotes both, does not say which one its "courage" comes from
    quotes = [q(a, 0, flag, "Francis") for a in "abcdeg"] + [q("h", 0, talks, "Francis")] + [
        q("f", 0, "courage", "Francis", kind="fragment"), q("f", 1, flag, "Francis"), q("f", 2, talks, "Francis")]
    groups = align(quotes, semantic=False)
    assert len(group_of(groups, "f#0").members) == 1
    assert len(group_of(groups, "f#1").members) == 7 and len(group_of(groups, "f#2").members) == 2


def test_a_fragment_its_own_article_quotes_once_still_joins() -> None:
    flag = "I think the strongest is the one who has the courage of the white flag and negotiates."
    quotes = [q(a, 0, flag, "Francis") for a in "abc"] + [q("f", 0, "courage", "Francis", kind="fragment"), q("f", 1, flag, "Francis")]
    assert len(group_of(align(quotes, semantic=False), "f#0").members) == 5


def _piece(article: str, index: int, text: str, start: int, speaker: str | None = "Narendra Modi", kind: str = "speech") -> Quote:
    return Quote(article=article, index=index, text=text, start=start, end=start + len(text), kind=kind, speaker=speaker)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("second", "gap", "kind", "speaker", "expected"),
    [
        ("we will respond on our own terms.", 14, "speech", "Narendra Modi", {0: 1, 1: 0}),  # '," Modi said, "'
        ("\u201cwe will respond on our own terms.", 14, "speech", None, {0: 1, 1: 0}),  # unknown speaker: no conflict
        ("We will respond on our own terms.", 14, "speech", "Narendra Modi", {}),  # a new sentence
        ("we will respond on our own terms.", 200, "speech", "Narendra Modi", {}),  # more than an attribution between
        ("work calmly", 14, "fragment", "Narendra Modi", {}),  # a phrase of the reporter's sentence
        ("we will respond on our own terms.", 14, "speech", "Shehbaz Sharif", {}),  # two speakers
    ],
)
def test_split_pieces_are_one_quotation_broken_by_its_attribution(second: str, gap: int, kind: str, speaker: str | None,
                                                                  expected: dict[int, int]) -> None:
    first = "If India is attacked,"
    quotes = [_piece("a", 0, first, 1), _piece("a", 1, second, 1 + len(first) + gap, speaker, kind)]
    assert split_pieces(quotes) == expected


def test_a_piece_no_one_else_quotes_is_reported_with_the_rest_of_its_quotation() -> None:
    rest = "we will respond on our own terms and in our own way, and strike at the roots of terrorism."
    quotes = [_piece("a", 0, "If India is attacked,", 1), _piece("a", 1, rest, 36),
              _piece("b", 0, "We will respond on our own terms and in our own way, and strike at the roots of terrorism.", 0)]
    groups = align(quotes, semantic=False)
    assert partition(groups) == {frozenset({"a#0", "a#1", "b#0"})}


def test_pieces_each_quoted_elsewhere_stay_in_their_own_groups() -> None:
    path = "Lord Buddha showed us the path of peace,"
    power = "but that path of peace also goes through power."
    quotes = [_piece("a", 0, path, 1), _piece("a", 1, power, 55), _piece("b", 0, "Lord Buddha showed us the path of peace.", 0),
              _piece("c", 0, "That path of peace also goes through power.", 0)]
    groups = align(quotes, semantic=False)
    assert partition(groups) == {frozenset({"a#0", "b#0"}), frozenset({"a#1", "c#0"})}
