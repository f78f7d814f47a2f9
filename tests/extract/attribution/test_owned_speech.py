"""Speech nouns and the people they belong to, on hand-built documents (no language model).

"X's remarks …" gives the words to X, unless a verb takes the whole phrase as its object
("Y condemned X's remarks as …": Y's words); "Norland's president said" is an epithet for the
president; a "press secretary" is a person, not an outlet; "R-Ohio" is an aside, not a name.
"""

from __future__ import annotations

from typing import Optional

import pytest

from quotes.extract.attribution.driver import attribute_all
from tests.extract.handmade import context


def speaker(text: str, quote: int = 0) -> Optional[str]:
    ctx, spans = context(text)
    decided = [a for s, a, _ in attribute_all(ctx, spans) if s.depth == 0]
    return decided[quote].speaker


OWNED = [
    # a verb takes the speech noun's phrase as its object: the verb's subject speaks
    ("Ruth Adler condemned Omar Haddad's remarks as “reckless and cruel” on Monday.", "Ruth Adler"),
    ("Ruth Adler called Omar Haddad's words “a disgrace” in a post on Friday.", "Ruth Adler"),
    ("Ruth Adler later dismissed the minister's comments as “pure theatre”.", "Ruth Adler"),
    # the owner's own words
    ("The row began with Omar Haddad's recent remarks calling for the port to “close for good”.", "Omar Haddad"),
    ("Ruth Adler replied on Friday to Omar Haddad's remarks that the port should “close for good”.", "Omar Haddad"),
]


@pytest.mark.parametrize("text, expected", OWNED)
def test_a_speech_noun_s_words_belong_to_its_owner_unless_a_verb_owns_the_phrase(text: str, expected: str) -> None:
    assert speaker(text) == expected


def test_a_possessive_before_a_role_is_an_epithet_for_the_role_s_holder() -> None:
    text = "President Anna Berg of Norland arrived on Monday. Norland's president said the deal was “a good start”."
    assert speaker(text) == "Anna Berg"


def test_a_press_secretary_is_a_person_not_an_outlet() -> None:
    assert speaker("“The bill is dead,” White House press secretary Dana Moss said on Friday.") == "Dana Moss"


def test_a_party_tag_between_commas_is_not_the_speaker() -> None:
    assert speaker("“The veto will stand,” Senator Dan Rowe, R-Ohio, said on Tuesday.") == "Dan Rowe"


PRONOUN_THROUGH_EPITHET = [
    # the pronoun's antecedent is a description that fits a person named before
    ("Pope Leo arrived on Monday. Mayor Omar Haddad greeted him at the airport. The 70-year-old pope was asked about the war. “Peace is possible,” he said.",
     "Leo"),
    # an epithet with the name in apposition is that person
    ("Finance Minister Omar Haddad spoke first. The Prime Minister, Karl Ode, then issued a statement in which he called the plan “a fair deal”.",
     "Karl Ode"),
    # the role may carry an "of" phrase before the name; the pronoun is that person, not one the sentence mentions
    ("Pope Leo spoke on Sunday. The Vatican's director of communications, Matteo Bruni, issued a statement. He said Leo had used the term white flag “to indicate a truce”.",
     "Matteo Bruni"),
]


@pytest.mark.parametrize("text, expected", PRONOUN_THROUGH_EPITHET)
def test_a_pronoun_finds_its_antecedent_through_an_epithet(text: str, expected: str) -> None:
    assert speaker(text) == expected


def test_a_title_case_headline_keeps_only_the_names_the_text_uses() -> None:
    text = ("Ana Ruiz Rejects Port Deal Over Jobs\n\n"
            "Mayor Ana Ruiz said on Monday the deal was “dead on arrival”.\n\n"
            "“We will fight it,” Ruiz told reporters.")
    ctx, spans = context(text)
    assert [r.name for r in ctx.mentions.referents if r.person] == ["Ana Ruiz"]
    assert [a.speaker for s, a, _ in attribute_all(ctx, spans)] == ["Ana Ruiz", "Ana Ruiz"]


def test_the_ranker_marks_the_person_spoken_to() -> None:
    from quotes.extract.attribution.ranker import _Article, options_for

    ctx, spans = context("Mayor Ana Ruiz told Senator Karl Ode on Monday that the port would “close for good”.")
    article = _Article(ctx, attribute_all(ctx, spans))
    features = {o.speaker: o.features for o in options_for(article, 0)}
    assert features["Karl Ode"].get("object_of_cue") == 1.0
    assert "object_of_cue" not in features["Ana Ruiz"]


def test_the_ranker_describes_a_proposed_speaker_by_the_rule_s_words() -> None:
    from quotes.extract.attribution.ranker import _Article, options_for

    # "He said" before the quote is the rule's reading; the "he" right after it is nearer, but only mentioned
    text = "Vatican spokesman Matteo Bruni spoke.\nHe said the talks were “a truce”. He left at noon."
    ctx, spans = context(text)
    article = _Article(ctx, attribute_all(ctx, spans))
    bruni = next(o for o in options_for(article, 0) if o.speaker == "Matteo Bruni")
    assert bruni.mention is not None and bruni.mention.first < ctx.open_token(spans[0])
    assert bruni.features.get("subject_of_cue") == 1.0


NAMED_GROUPS = [
    ("At the rally, Bernie Sanders protesters interrupted her speech, shouting “she wins, we lose!”", "Bernie Sanders protesters"),
    ("Jane Ruiz supporters chanted “four more years” outside.", "Jane Ruiz supporters"),
    # a group noun before a name is a title, not the group
    ("Sanders campaign manager Jeff Weaver said the race was “far from over.”", "Jeff Weaver"),
]


@pytest.mark.parametrize("text, expected", NAMED_GROUPS)
def test_a_name_qualifying_a_group_noun_gives_the_group_as_speaker(text: str, expected: str) -> None:
    assert speaker(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("“Education is the driver,” said Marquette pollster Charles Franklin.", "Charles Franklin"),
        ("“He peaked too soon,” said Republican political consultant Chris Russell.", "Chris Russell"),
        ("Conservative commentator Jonah Goldberg wrote that it was “a disaster.”", "Jonah Goldberg"),
    ],
)
def test_a_capitalised_qualifier_of_a_role_is_not_the_speaker(text: str, expected: str) -> None:
    assert speaker(text) == expected
