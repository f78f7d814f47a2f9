"""Drift reasons, one per kind of change, and the changes that are not drift."""

from __future__ import annotations

import pytest

from quotes.variants.compare import compare


def codes(reference: str, variant: str) -> list[str]:
    v = compare(reference, variant)
    return [r.code for r in v.reasons] if v.label == "drift" else []


@pytest.mark.parametrize(
    ("reference", "variant"),
    [
        ("We did not order the strike on the city", "We did order the strike on the city"),
        ("We will accept the occupation of our land", "We will never accept the occupation of our land"),
        ("They came without weapons", "They came with weapons"),
        ("It is possible to win this war", "It is impossible to win this war"),
        ("Nobody was hurt in the attack", "Somebody was hurt in the attack"),
    ],
)
def test_negation(reference: str, variant: str) -> None:
    assert "negation" in codes(reference, variant)


@pytest.mark.parametrize(
    ("reference", "variant"),
    [
        ("Our economy grew by 5 percent last year", "Our economy grew by 3 percent last year"),
        ("We sent 300 soldiers to the front", "We sent four hundred soldiers to the front"),
        ("The talks will resume in 2025", "The talks will resume in 2026"),
        ("All of the soldiers came home", "Some of the soldiers came home"),
        ("The vote is on Tuesday", "The vote is on Friday"),
    ],
)
def test_number_date_quantity(reference: str, variant: str) -> None:
    assert "number" in codes(reference, variant)


@pytest.mark.parametrize(
    ("reference", "variant"),
    [
        ("Pyongyang will always be with Moscow", "Pyongyang would always be with Moscow"),
        ("We can end this war", "We could end this war"),
        ("The sanctions must be lifted now", "The sanctions should be lifted now"),
    ],
)
def test_modality(reference: str, variant: str) -> None:
    assert "modality" in codes(reference, variant)


@pytest.mark.parametrize(
    ("reference", "variant"),
    [
        ("The alliance is strong and dependable", "The alliance was strong and dependable"),
        ("This proved the strength of our friendship", "This proves the strength of our friendship"),
    ],
)
def test_tense(reference: str, variant: str) -> None:
    assert "tense" in codes(reference, variant)


@pytest.mark.parametrize(
    ("reference", "variant"),
    [
        ("Our soldiers fought bravely in Kursk", "Our soldiers fought bravely in Donbas"),
        ("We thank the people of Russia for their help", "We thank the people of China for their help"),
        ("the liberation of the region from the Ukrainian forces", "the liberation of the region from the forces"),
        ("Pyongyang will always be with Moscow", "Moscow will always be with Pyongyang"),
    ],
)
def test_entity_substituted_or_dropped(reference: str, variant: str) -> None:
    assert "entity" in codes(reference, variant)


@pytest.mark.parametrize(
    ("reference", "variant"),
    [
        ("This was fully proved by the heroic participation of the soldiers", "This was evidenced by the heroic participation of the soldiers"),
        ("We will stop the brutal invasion of our country", "We will stop the invasion of our country"),
        ("The talks were very productive", "The talks were productive"),
        ("The plan is possibly illegal", "The plan is illegal"),
    ],
)
def test_qualifier_or_intensifier(reference: str, variant: str) -> None:
    assert "qualifier" in codes(reference, variant)


def test_content_added() -> None:
    assert "content_added" in codes(
        "The economy is strong and growing fast", "The economy is strong but fragile and growing fast"
    )
    assert "content_added" in codes(
        "We will defend our land with all our strength",
        "We will defend our land and seize the southern ports with all our strength",
    )


def test_content_cut() -> None:
    assert "content_cut" in codes(
        "We will defend our land and seize the southern ports with all our strength",
        "We will defend our land with all our strength",
    )


@pytest.mark.parametrize(
    ("reference", "variant"),
    [
        ("dispatching excellent soldiers to the Kursk liberation operations", "dispatching outstanding soldiers to the Kursk liberation operations"),
        ("The bonds of military camaraderie, goodwill, and mutual support", "The bonds of military friendship and mutual assistance"),
        ("a fair and multipolar world order", "a fair and multipolar global order"),
    ],
)
def test_synonyms_and_a_dropped_list_item_are_not_drift(reference: str, variant: str) -> None:
    v = compare(reference, variant)
    assert v.label == "translation", v.reasons


def test_cut_at_either_end_is_not_drift() -> None:
    assert compare("We did not order the strike, and we never will", "order the strike").label == "truncation"


def test_reason_names_the_words() -> None:
    v = compare("The talks will resume in 2025", "The talks will resume in 2026")
    (reason,) = v.reasons
    assert (reason.a, reason.b) == ("2025", "2026")
    assert "2025" in reason.detail and "2026" in reason.detail


def test_qualifier_swapped_for_one_of_the_same_strength_is_not_drift() -> None:
    assert compare("This was fully proved by the facts", "This was completely proved by the facts").label == "translation"
    assert "qualifier" in codes("This was fully proved by the facts", "This was partly proved by the facts")
