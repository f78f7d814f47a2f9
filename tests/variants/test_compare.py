"""compare(reference, variant) -> Variant: labels, scores, word diff."""

from __future__ import annotations

import pytest
from rapidfuzz import fuzz

from quotes.variants.compare import compare, match, semi_global
from quotes.models import Quote

KURSK = ("This was fully proved by the heroic participation of the DPRK soldiers in liberating the territory "
         "of Kursk region from the Ukrainian occupationists,")
BONDS = ("The bonds of military camaraderie, goodwill, and mutual support that were established during the "
         "wartime decades ago remain strong and dependable to this day,")


def test_identical_means_the_same_characters() -> None:
    v = compare("advance non-stop,", "advance non-stop,")
    assert (v.label, v.score, v.lexical) == ("identical", 1.0, 1.0)
    assert [d.op for d in v.diff] == ["equal"]


@pytest.mark.parametrize(
    "variant",
    ["advance nonstop", "Advance non-stop", "advance non stop", "advance non‑stop.", "“advance non-stop”"],
)
def test_orthographic_case_hyphens_punctuation(variant: str) -> None:
    v = compare("advance non-stop,", variant)
    assert v.label == "orthographic"
    assert v.reasons == []


def test_orthographic_spelling() -> None:
    assert compare("its obsession with denuclearisation", "its obsession with denuclearization").label == "orthographic"
    assert compare("they killed 300 soldiers", "they killed three hundred soldiers").label == "orthographic"


def test_truncation_of_a_longer_rendering() -> None:
    v = compare(KURSK, "the heroic participation of the DPRK soldiers")
    assert v.label == "truncation"
    assert [d.op for d in v.diff] == ["delete", "equal", "delete"]
    assert v.diff[1].b == "the heroic participation of the DPRK soldiers"


def test_one_word_fragment_is_a_truncation() -> None:
    assert compare(KURSK, "heroic").label == "truncation"


def test_truncation_allows_orthographic_differences() -> None:
    assert compare("Our friendship and unity will last forever, he said", "our friendship and unity will last forever").label == "truncation"


def test_translation_other_words_same_content() -> None:
    v = compare(BONDS, "military friendship and mutual assistance")
    assert v.label == "translation"
    assert v.reasons == []
    ops = [(d.op, d.a, d.b) for d in v.diff if d.op != "equal"]
    assert ("replace", "support", "assistance") in ops or ("insert", "", "assistance") in ops


def test_drift_qualifier_dropped() -> None:
    v = compare(KURSK, "This was evidenced by the valiant involvement of DPRK troops in liberating the Kursk region from Ukrainian forces,")
    assert v.label == "drift"
    assert [(r.code, r.a) for r in v.reasons] == [("qualifier", "fully proved")]


def test_subset_is_not_sameness() -> None:
    # token_set_ratio calls these equal; the word diff sees the negation
    assert fuzz.token_set_ratio("we did not order the strike", "we did order the strike") == 100
    v = compare("We did not order the strike", "We did order the strike")
    assert v.label == "drift"
    assert [r.code for r in v.reasons] == ["negation"]
    assert ("delete", "not", "") in [(d.op, d.a, d.b) for d in v.diff]


def test_diff_turns_reference_into_variant() -> None:
    v = compare("We will win the war", "We would win the war")
    assert [(d.op, d.a, d.b) for d in v.diff] == [("equal", "We", "We"), ("replace", "will", "would"), ("equal", "win the war", "win the war")]


def test_variant_longer_than_reference() -> None:
    v = compare("The talks were productive", "The talks were productive and we agreed to meet again")
    assert v.label == "truncation"  # one is an unbroken part of the other
    v = compare("The economy is strong and growing fast", "The economy is strong but fragile and growing fast")
    assert v.label == "drift"
    assert [r.code for r in v.reasons] == ["content_added"]
    assert ("insert", "", "but fragile") in [(d.op, d.a, d.b) for d in v.diff]


def test_accepts_quotes() -> None:
    a = Quote(article="a", text="advance non-stop,", start=0, end=17, kind="fragment")
    b = Quote(article="b", text="advance nonstop", start=0, end=15, kind="fragment")
    assert compare(a, b).label == "orthographic"


def test_text_without_words() -> None:
    assert compare("…", "—").label == "orthographic"
    v = compare("We will win", "…")
    assert v.label == "drift" and v.score == 0.0


def test_scores_are_in_range() -> None:
    for b in ["heroic", "This was evidenced", "military friendship", "nothing in common at all"]:
        v = compare(KURSK, b)
        assert 0.0 <= v.score <= 1.0 and 0.0 <= v.lexical <= 1.0


def test_match_finds_the_fragment_inside_the_sentence() -> None:
    m = match(BONDS, "military friendship and mutual assistance")
    assert m.window_text == "military camaraderie, goodwill, and mutual support"
    assert m.shared == ["military", "mutual"]
    assert not m.contained


# --- label rules: hard reasons always, soft ones only where near-verbatim ------------------------

@pytest.mark.parametrize(
    ("reference", "variant", "code"),
    [
        ("We did not order the strike on the city", "We did order the strike on the city", "negation"),
        ("The talks will resume in 2025 in Geneva", "The talks will resume in 2026 in Geneva", "number"),
        ("Pyongyang will always be with Moscow", "Moscow will always be with Pyongyang", "entity"),
        ("We will defend our land with all our strength", "We will defend our land and seize the southern ports with all our strength", "content_added"),
    ],
)
def test_hard_reasons_make_drift(reference: str, variant: str, code: str) -> None:
    v = compare(reference, variant)
    assert v.label == "drift" and code in [r.code for r in v.reasons]


def test_soft_reason_counts_in_a_near_verbatim_copy() -> None:
    v = compare("The alliance is strong and dependable", "The alliance was strong and dependable")
    assert (v.label, [r.code for r in v.reasons]) == ("drift", ["tense"])


def test_soft_reasons_between_translations_are_not_drift() -> None:
    # another translation: modal and tense differ along with most words
    v = compare("If they want to live, they have to uproot the terror infrastructure",
                "If they want to survive, they will have to destroy the terror infrastructure")
    assert (v.label, v.reasons) == ("translation", [])


def test_modals_translators_swap_are_not_drift() -> None:
    assert compare("We shall never raise any other flags", "We will never raise any other flags").label == "translation"
    assert [r.code for r in compare("We can end this war", "We could end this war").reasons] == ["modality"]


def test_a_list_item_left_out_is_not_drift() -> None:
    v = compare("It cannot be that a country's location, income level, or army decides who has a voice",
                "It cannot be that a country's location or army decides who has a voice")
    assert (v.label, v.reasons) == ("translation", [])


def test_a_name_moved_in_the_sentence_is_not_a_new_actor() -> None:
    v = compare("at least two must not be overlooked: Ukrainian dignity and Ukrainian freedom",
                "at least two must not be overlooked: the dignity and freedom of Ukrainians")
    assert "entity" not in [r.code for r in v.reasons]


def test_editorial_insertion_is_noted_not_compared() -> None:
    v = compare("I urge [them] to avoid repeating the mistakes of the past", "I urge (the Vatican) to avoid repeating the mistakes of the past")
    assert (v.label, v.reasons) == ("orthographic", [])
    assert [n.split(" is ")[0] for n in v.notes if n.startswith("editorial")] == ["editorial insertion [them]", "editorial insertion (the Vatican)"]


def test_every_label_says_why() -> None:
    assert compare("We will win", "We will win").notes == ["identical: the same characters"]
    assert compare("advance non-stop,", "advance nonstop").notes[0].startswith("orthographic:")
    assert compare("We will win this war", "win this war").notes[0].startswith("truncation:")
    v = compare("If they want to live, they have to uproot the terror infrastructure",
                "If they want to survive, they will have to destroy the terror infrastructure")
    assert v.notes[0].startswith("translation:") and any("not counted as drift: modal added: will" in n for n in v.notes)
    assert compare("We did not order the strike on the city", "We did order the strike on the city").notes == ["drift: negation"]


def test_headline_capitals_are_not_names() -> None:
    v = compare("This is one of the most difficult moments in our history", "One of the Hardest Moments in Our History")
    assert "entity" not in [r.code for r in v.reasons]


class _FarApart:
    """An embedder that finds every pair far apart in meaning."""

    def similarity(self, a: str, b: str) -> float:
        return 0.1


@pytest.mark.parametrize(
    ("reference", "variant", "expected"),
    [
        ("We will pursue a calm dialogue with America and all of our partners.", "work calmly", "translation"),
        ("When you see that you are defeated, you have to have the courage to negotiate", "defeat", "translation"),
        ("We pursue a calm dialogue with our partners", "our farmers grow apples in the green valley", "drift"),
    ],
)
def test_wording_drift_needs_a_clause(reference: str, variant: str, expected: str) -> None:
    v = compare(reference, variant, embedder=_FarApart())  # type: ignore[arg-type]
    assert v.label == expected


def test_a_nested_quotation_is_left_out_of_the_comparison() -> None:
    v = compare("The Pope uses the term \u2018white flag\u2019 to indicate a truce reached through negotiation",
                "The Pope uses the term to indicate a truce reached through negotiation")
    assert v.label == "orthographic"
    assert any(n.startswith("nested quotation \u2018white flag\u2019") for n in v.notes)


@pytest.mark.parametrize(
    ("long", "short", "expected"),
    [
        ("so we lose our jobs", "we lost our jobs", [("equal", 1, 0), ("replace", 2, 1), ("equal", 3, 2), ("equal", 4, 3)]),
        ("the heroic cause", "heroic", [("equal", 1, 0)]),
        ("a b", "", []),
    ],
)
def test_semi_global_aligns_the_short_text_inside_the_long_one(long: str, short: str, expected: list[tuple[str, int, int]]) -> None:
    assert semi_global(long.split(), short.split()) == expected


def test_semi_global_takes_a_pair_score() -> None:
    # a near form scored +1 pairs the words (origin.py's scoring)
    steps = semi_global(["we", "lose", "jobs"], ["we", "lost", "jobs"], lambda i, j: 2 if i == j else -1)
    assert [t for t, _, _ in steps] == ["equal", "equal", "equal"]
