"""Drift reasons, one per kind of change, and the changes that are not drift."""

from __future__ import annotations

import pytest

from quotes.variants.compare import clause_of, compare, prepare


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


@pytest.mark.parametrize(
    ("reference", "variant"),
    [
        ("We are investing 1.5 billion dollars and will hire 3,000 people", "We are investing $1.5bn and will hire 3000 people"),
        ("The fund will grow to £20 million", "The fund will grow to £20m"),
    ],
)
def test_an_amount_written_another_way_is_not_drift(reference: str, variant: str) -> None:
    assert compare(reference, variant).label != "drift", compare(reference, variant).reasons


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


def test_a_negated_clause_said_twice_is_not_a_change_of_polarity() -> None:
    ref = "Terror and talks and terror and trade cannot go on together. Blood and water cannot flow together."
    var = "Terror and talks cannot go together, terror and trade cannot go together, and blood and water cannot flow together."
    assert "negation" not in codes(ref, var)


def test_a_negator_dropped_among_other_negations_still_counts() -> None:
    ref = "We will not leave and we did not order the strike on the city"
    var = "We will not leave and we did order the strike on the city"
    assert "negation" in codes(ref, var)


def test_negated_modals_of_refusal_are_one_class() -> None:
    assert compare("Blood and water cannot flow together", "Blood and water will not flow together").label == "translation"
    assert "modality" in codes("You must not sign this agreement", "You may not sign this agreement")


def test_a_soft_reason_read_across_a_sentence_end_does_not_count() -> None:
    ref = "Nothing like this was seen in any moment in history. Actually, it was, when the old empire fell."
    var = "Nothing like this was seen in any historical period. In fact, it was, when the old empire fell."
    v = compare(ref, var)
    assert v.label == "translation" and v.reasons == []


def test_words_repeated_from_elsewhere_in_the_reference_are_not_added_content() -> None:
    ref = "The parliament of a country at war must work in unity. The government must work effectively."
    var = "The parliament of a country at war must work in unity. The government of a country at war must work effectively."
    assert "content_added" not in codes(ref, var)
    assert "content_added" in codes("The government must work effectively.", "The government of national salvation must work effectively.")


def test_an_actor_named_by_the_editors_gloss_is_not_a_new_actor() -> None:
    v = compare("If it (Pakistan) wants to live, it has to uproot its terror camps", "If Pakistan wants to live, it has to uproot its terror camps")
    assert v.label != "drift" and any("gloss" in n for n in v.notes)
    assert "entity" in codes("If it wants to live, it has to uproot its terror camps", "If Pakistan wants to live, it has to uproot its terror camps")


def test_a_word_one_rendering_writes_in_lower_case_is_no_name() -> None:
    ref = "Terror and talks cannot go together. Blood and water cannot flow together."
    var = "Terror and Talks cannot go together. Water and Blood cannot flow together."
    assert "entity" not in codes(ref, var)
    assert "entity" in codes("Talks with Pakistan will only be held on terror.", "Talks with India will only be held on terror.")


@pytest.mark.parametrize(
    ("reference", "variant", "expected"),
    [
        # the negator is in the clause both renderings share, written another way
        ("India will not tolerate any nuclear blackmail. India will strike at the hideouts",
         "No nuclear blackmail will be tolerated by India.", []),
        # a negator in a clause the other rendering does not have is no change of polarity
        ("We will win the war and rebuild the country", "We will win the war, no doubt, and rebuild the country", []),
        ("We will win the war and rebuild the country", "We will not win the war and rebuild the country", ["negation"]),
        ("They never accepted the plan", "They accepted the plan", ["negation"]),
    ],
)
def test_negation_is_bound_to_its_clause(reference: str, variant: str, expected: list[str]) -> None:
    assert [r.code for r in compare(reference, variant).reasons] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We did not order it, but we knew. They went", (0, 0, 0, 0, 0, 1, 1, 1, 2, 2)),
        ("Stop the spat — stop the games", (0, 0, 0, 1, 1, 1)),
        ("one clause only", (0, 0, 0)),
    ],
)
def test_clause_of(text: str, expected: tuple[int, ...]) -> None:
    assert clause_of(prepare(text)) == expected


@pytest.mark.parametrize(
    ("reference", "variant", "expected"),
    [
        # the next sentence of the passage run on into one rendering
        ("We must come together. Stop the spat. Stop the political games.",
         "Stop the infighting. Stop the political games. The state must work,", []),
        # a clause added inside a sentence is added content
        ("We will rebuild our cities with our partners", "We will rebuild our cities, towns and villages with our partners",
         ["content_added"]),
    ],
)
def test_a_whole_sentence_run_on_is_not_added_content(reference: str, variant: str, expected: list[str]) -> None:
    assert [r.code for r in compare(reference, variant).reasons] == expected


@pytest.mark.parametrize(
    ("reference", "variant", "expected"),
    [
        ("Now the pressure on Ukraine is one of the most difficult", "The pressure on Ukraine is now at its most intense",
         "superlative made absolute: one of the → now at its"),
        ("We face the hardest winter in our history", "We face a hard winter in our history", "superlative dropped: the hardest → a hard"),
    ],
)
def test_superlative_is_a_qualifier(reference: str, variant: str, expected: str) -> None:
    assert [(r.code, r.detail) for r in compare(reference, variant).reasons] == [("qualifier", expected)]


def test_superlative_is_soft_between_translations() -> None:
    v = compare("Now the pressure on our country and its people is one of the most difficult in all our history",
                "The weight placed upon the nation is at its most intense in memory")
    assert v.label == "translation"


@pytest.mark.parametrize(
    ("reference", "variant", "expected"),
    [
        ("The strongman in any dispute stands on the side of the good", "is the one who stands on the side of the good", []),
        ("We will destroy the tanks and the artillery of the enemy at the border", "We will destroy them all at the border", []),
        ("They attacked the power plants at night", "They attacked at night", ["content_cut"]),
    ],
)
def test_a_phrase_replaced_by_a_pro_form_is_not_cut(reference: str, variant: str, expected: list[str]) -> None:
    assert [r.code for r in compare(reference, variant).reasons] == expected
