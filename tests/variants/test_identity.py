"""Speaker identity across articles."""

from __future__ import annotations

import pytest

from quotes.variants.identity import (
    SpeakerIndex,
    matches,
    name_tokens,
    same_speaker,
    speaker_key,
)


@pytest.mark.parametrize(
    "name",
    ["Kim Jong Un", "Kim Jong-un", "kim jong un", "North Korean leader Kim Jong Un", "North Korea’s leader Kim Jong-un",
     "leader Kim Jong-un", "KIM JONG UN"],
)
def test_every_form_of_a_full_name_has_one_key(name: str) -> None:
    assert speaker_key(name) == "kim jong un"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Kim Jong-un", "Kim Jong Un"),
        ("Mr Kim", "Kim Jong Un"),
        ("Kim", "Kim Jong-un"),
        ("Putin", "Vladimir Putin"),
        ("President Putin", "Russian President Vladimir Putin"),
        ("putin", "PUTIN"),
        ("V. Putin", "Vladimir Putin"),
        ("State Duma Speaker Vyacheslav Volodin", "Volodin"),
        ("Prime Minister John Major", "John Major"),
        ("Recep Tayyip Erdoğan", "Erdogan"),
    ],
)
def test_same_speaker(a: str, b: str) -> None:
    assert same_speaker(a, b)
    assert same_speaker(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Kim Jong Un", "Kim Yo Jong"),
        ("Hillary Clinton", "Bill Clinton"),
        ("Vladimir Putin", "Vladimir Zelensky"),
        ("he", "Kim Jong Un"),
        (None, "Putin"),
        ("the Russian leader", "Vladimir Putin"),
        # a country speaking is not a person with that first name
        ("Israel", "Israel Katz"),
    ],
)
def test_different_speakers(a: str, b: str) -> None:
    assert not same_speaker(a, b)


def test_descriptions_and_pronouns_have_no_name() -> None:
    assert name_tokens("the chair of Russia’s Duma") == ()
    assert name_tokens("She") == ()
    assert name_tokens("President") == ()


def test_speaker_query_is_case_hyphen_and_title_insensitive() -> None:
    assert matches("putin", "Russian President Vladimir Putin")
    assert matches("Kim Jong-un", "Mr Kim")
    assert matches("KIM JONG UN", "North Korean leader Kim Jong-un")
    assert not matches("Putin", "Kim Jong Un")
    assert not matches("Putin", None)


def test_bare_surname_joins_the_only_full_name_that_has_it() -> None:
    index = SpeakerIndex(["Vladimir Putin", "Putin", "President Putin", "Kim Jong Un", "Mr Kim"])
    assert index.key("Putin") == index.key("President Putin") == index.key("Vladimir Putin") == "vladimir putin"
    assert index.key("Mr Kim") == "kim jong un"
    assert index.display("Putin") == "Vladimir Putin"


def test_bare_surname_stays_apart_when_two_people_have_it() -> None:
    index = SpeakerIndex(["Kim Jong Un", "Kim Yo Jong", "Mr Kim", "Kim Jong-un"])
    assert index.key("Kim Jong-un") == "kim jong un"
    assert index.key("Kim Yo Jong") == "kim yo jong"
    assert index.key("Mr Kim") == "kim"  # not merged with either Kim


def test_index_updates_when_a_second_person_appears() -> None:
    index = SpeakerIndex(["Kim Jong Un", "Kim"])
    assert index.key("Kim") == "kim jong un" and index.display("Kim") == "Kim Jong Un"
    index.add(["Kim Yo Jong"])
    assert index.key("Kim") == "kim" and index.display("Kim") == "Kim"  # nothing kept from before


def test_unknown_names_resolve_against_the_index() -> None:
    index = SpeakerIndex(["Vladimir Putin"])
    assert index.key("Mr Putin") == "vladimir putin"
    assert index.key(None) == ""
    assert index.display(None) is None


def test_a_country_does_not_join_a_person_with_that_first_name() -> None:
    idx = SpeakerIndex(["Israel Katz", "Israel", "Katz"])
    assert idx.key("Katz") == "israel katz" and idx.key("Israel") == "israel"
