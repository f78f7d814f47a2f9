"""Mentions and the people they refer to, canonicalised within an article."""

from __future__ import annotations

import pytest

from quotes.extract.textview import TextView
from quotes.extract.marks import find_spans
from quotes.extract.mentions import Referent, descriptor_match, find_mentions, is_media, name_key


def mentions_of(engine, text: str):  # type: ignore[no-untyped-def]
    view = TextView(engine.annotate(text), find_spans(text))
    return find_mentions(view)


def test_name_key_drops_titles_hyphens_and_possessives() -> None:
    assert name_key("Mr Kim Jong-un") == ("kim", "jong", "un")
    assert name_key("Putin’s") == ("putin",)


@pytest.mark.parametrize(
    "surface, surnames, expected",
    [
        ("Mr. King", frozenset(), ("king",)),
        ("Ms Bishop", frozenset(), ("bishop",)),
        ("King Charles", frozenset(), ("charles",)),
        ("Charlie King", frozenset(), ("charlie",)),
        ("Charlie King", frozenset({"king"}), ("charlie", "king")),
        ("Lord Chancellor", frozenset(), ()),
    ],
)
def test_a_role_word_after_an_honorific_is_a_surname(surface: str, surnames: frozenset[str], expected: tuple[str, ...]) -> None:
    assert name_key(surface, surnames) == expected


def test_an_honorific_surname_joins_the_full_name() -> None:
    from tests.extract.handmade import document

    text = "“Turnout matters,” said Charlie King, a New York Democrat. Mr. King added more."
    view = TextView(document(text), find_spans(text))
    index = find_mentions(view)
    kings = [r for r in index.referents if "king" in r.key]
    assert [(r.name, len(r.mentions)) for r in kings] == [("Charlie King", 2)]


def test_a_country_is_not_a_person_who_shares_its_name() -> None:
    from tests.extract.handmade import document

    text = "Foreign Minister Israel Katz spoke first. Israel declared Lula “persona non grata.” Katz agreed."
    index = find_mentions(TextView(document(text), find_spans(text)))
    assert sorted(r.name for r in index.referents if "israel" in r.key) == ["Israel", "Israel Katz"]


@pytest.mark.parametrize(
    "text, group",
    [
        ("Scott's family has called on police to act.", "Scott's family"),
        ("Clinton's campaign said it would respond.", "Clinton's campaign"),
        ("Obama's former campaign strategist said it was wrong.", None),  # "campaign" modifies
    ],
)
def test_a_group_owned_by_a_name_speaks_as_itself(text: str, group) -> None:  # type: ignore[no-untyped-def]
    from tests.extract.handmade import document

    index = find_mentions(TextView(document(text), find_spans(text)))
    groups = [m.text for m in index.mentions if "<group>" in m.descriptors]
    assert groups == ([group] if group else [])


def test_media_needs_a_news_word() -> None:
    assert is_media({"state", "media"})
    assert is_media({"kcna", "news", "agency"})
    assert not is_media({"intelligence", "agency"})


def test_a_role_must_fit_before_other_descriptors_count() -> None:
    putin = Referent(index=0, name="Vladimir Putin", key=("vladimir", "putin"), descriptors={"russian", "president"})
    assert descriptor_match(frozenset({"russian", "leader"}), putin) == 2  # leader ~ president
    assert descriptor_match(frozenset({"russian", "ombudsman"}), putin) == 0


@pytest.mark.slow
def test_mentions_join_the_fullest_name(engine) -> None:  # type: ignore[no-untyped-def]
    index = mentions_of(engine, "North Korean leader Kim Jong Un spoke. Mr Kim left, and Kim said nothing.")
    kims = [r for r in index.referents if r.key[0] == "kim"]
    assert len(kims) == 1 and kims[0].name == "Kim Jong Un" and kims[0].person
    assert len(kims[0].mentions) == 3


@pytest.mark.slow
def test_words_inside_quotes_and_datelines_name_nobody(stanza_engine) -> None:  # type: ignore[no-untyped-def]
    index = mentions_of(stanza_engine, 'MOSCOW (Reuters) — "Pyongyang will win," Ivan Petrov said.')
    assert [m.name for m in index.mentions if m.kind == "name"] == ["Ivan Petrov"]


@pytest.mark.slow
def test_outlets_and_descriptions(stanza_engine) -> None:  # type: ignore[no-untyped-def]
    index = mentions_of(stanza_engine, "The state-run KCNA news agency reported it. Later the 45-year-old said so.")
    kinds = [(m.kind, m.media) for m in index.mentions]
    assert ("epithet", True) in kinds  # the outlet
    assert any(m.kind == "epithet" and "45" in m.text for m in index.mentions)  # a description before "said"


@pytest.mark.parametrize(
    "text, place",
    [
        ("Voters in New Hampshire say the race is close. Jane Ruiz said so.", "New Hampshire"),
        ("The primary in Iowa says little, Jane Ruiz said.", "Iowa"),
        ("Jane Ruiz toured the United States last year.", "United States"),
    ],
)
def test_a_state_or_country_is_never_a_person(text: str, place: str) -> None:
    from tests.extract.handmade import document

    index = find_mentions(TextView(document(text), find_spans(text)))
    found = [r for r in index.referents if r.name == place]
    assert found and not found[0].person


def test_pm_is_a_title() -> None:
    from tests.extract.handmade import document

    text = "PM Narendra Modi visited the Adampur air base in Punjab. He said India was ready."
    index = find_mentions(TextView(document(text), find_spans(text)))
    modi = [r for r in index.referents if "modi" in r.key]
    assert modi and modi[0].person and modi[0].key == ("narendra", "modi")


def test_an_administration_stays_its_president_s_name() -> None:
    from tests.extract.handmade import document

    text = "The plan came from the President Donald Trump administration. Trump said it was fair."
    index = find_mentions(TextView(document(text), find_spans(text)))
    assert [r.name for r in index.referents if "trump" in r.key] == ["Donald Trump"]


@pytest.mark.parametrize(
    "text, kept",
    [
        # two people the article names apart: a pairing, not a name
        ("Hillary Clinton met Elizabeth Warren. The Clinton-Warren meeting was private. Warren spoke.", None),
        # a double-barrelled name stays one
        ("Alexandria Ocasio-Cortez spoke. Ocasio-Cortez said it was fair.", "Alexandria Ocasio-Cortez"),
    ],
)
def test_a_hyphen_joining_two_named_people_is_a_pairing(text: str, kept) -> None:  # type: ignore[no-untyped-def]
    from tests.extract.handmade import document

    index = find_mentions(TextView(document(text), find_spans(text)))
    hyphenated = [r.name for r in index.referents if "-" in r.name]
    assert hyphenated == ([kept] if kept else [])


@pytest.mark.parametrize(
    "text, name",
    [
        ("Neither Warren nor Clinton spoke.", "Warren"),
        ("Wait, it gets better, Jane Ruiz said.", "Jane Ruiz"),
        ("The answer came fast — If Obama wins, he said, the plan dies.", "Obama"),
    ],
)
def test_a_capitalised_common_word_opening_a_clause_is_no_part_of_a_name(text: str, name: str) -> None:
    from tests.extract.handmade import document

    index = find_mentions(TextView(document(text), find_spans(text)))
    assert index.mentions[0].name == name
