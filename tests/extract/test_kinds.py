"""Kinds: speech, fragment, name."""

from __future__ import annotations

import pytest

from quotes.extract.kinds import classify_text, has_clause, is_title


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Memorial Museum of Combat Feats", "name"),
        ("Salle des Pas Perdus", "name"),
        ("Our heroes destroyed the fiendish invaders,", "speech"),
        ("They did not write even a short letter to me,", "speech"),
        ("advance non-stop,", "fragment"),
        ("is a sacred sanctuary dedicated to the immortality of true patriots,", "fragment"),
        ("a smart guy.", "fragment"),
    ],
)
def test_classify_text(text: str, kind: str) -> None:
    assert classify_text(text) == kind


def test_naming_cue_makes_a_short_quote_a_name() -> None:
    assert classify_text("axis of evil", naming_cue=True) == "name"
    assert classify_text("axis of evil") == "fragment"


def test_title_needs_two_capitalised_words_and_no_sentence_end() -> None:
    assert is_title("Farm to Fork")
    assert not is_title("Pyongyang will always be with Moscow.")
    assert not is_title("Heroic")


def test_clause_detection_inside_a_lower_case_quote() -> None:
    assert has_clause("dispatched our combatants, and what we have experienced is miraculous")
    assert not has_clause("flames of bloody battles")


def test_title_keeps_the_sentences_full_stop_but_not_two_sentences() -> None:
    assert is_title("State of the Union.")
    assert not is_title("The Donald. Big Daddy.")
    assert not is_title("Thank You!")


def test_in_a_headline_title_case_says_nothing() -> None:
    assert classify_text("We Are All Equal") == "name"
    assert classify_text("We Are All Equal", headline=True) == "speech"
