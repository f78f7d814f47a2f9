"""How the reporter's sentence uses a quote: somebody's words, a name, a stage direction, a headline."""

from __future__ import annotations

import pytest

from quotes.extract.usage import (
    clause_words,
    coordinated,
    gives_a_name,
    in_headline,
    is_stage_direction,
    named_as_term,
    reported_in_clause,
    said_as_words,
    stands_as_sentence,
    titled,
    voiced_right_before,
)


def at(text: str, mark: str = "“") -> int:
    return text.index(mark)


@pytest.mark.parametrize(
    "text, said",
    [
        ("The bishop used the term “white flag” in his reply.", True),
        ("The minister employs terms like “white flag” in every speech.", True),
        ("Protesters chanted “No more cuts” outside the hall.", True),
        ("The senator calls her rivals “losers” at every rally.", True),
        ("A union leader likened the new rules to “burning the rulebook” on Friday.", True),
        ("The paper avoided the word “peaceful” throughout.", False),
        ("The council approved the “green corridor” plan on Tuesday.", False),
        ("Residents were insulted with the term “outreach” last year.", False),
    ],
)
def test_said_as_words(text: str, said: bool) -> None:
    assert said_as_words(text, at(text), 0) is said


def test_inside_a_quote_a_bare_call_it_is_the_speakers_own_scare_quote() -> None:
    text = "“They treat both sides alike and call it ‘talks’,” she wrote."
    assert said_as_words(text, at(text, "‘"), 0) is True
    assert said_as_words(text, at(text, "‘"), 0, characterising=False) is False
    text = "“I would rather live in what he calls ‘chaos’ than this,” she wrote."
    assert said_as_words(text, at(text, "‘"), 0, characterising=False) is True


def test_clause_words_stop_at_the_sentence_before() -> None:
    text = "The vote was close. Supporters shouted “Again!” twice."
    assert clause_words(text, at(text), 0) == ["supporters", "shouted"]


def test_naming_nouns_and_coordination() -> None:
    text = "He mocked his rival with the nickname “Sleepy Sam” all week."
    assert named_as_term(text, at(text), 0)
    text = "She called the mayor “a bully” and “a fraud” on air."
    second = text.index("“", at(text) + 1)
    assert coordinated(text, second, text.index("”"))
    assert not coordinated(text, at(text), None)
    text = "She said “a bully” to reporters who then asked about “a fraud” later."
    assert not coordinated(text, text.index("“", at(text) + 1), text.index("”"))


def test_gives_a_name_needs_a_subject_and_an_object() -> None:
    text = "Mr Hale called his opponent “Little Tony” at the rally."
    assert gives_a_name(text, at(text), 0)
    text = "She joined a movement called “Forward Together” in 2019."
    assert not gives_a_name(text, at(text), 0)


@pytest.mark.parametrize(
    "quoted, stage",
    [("(CROSSTALK.)", True), ("[Applause]", True), ("(LAUGHTER)", True), ("(and we will win)", False), ("Applause", False)],
)
def test_stage_directions(quoted: str, stage: bool) -> None:
    assert is_stage_direction(quoted) is stage


def test_headline_is_judged_outside_its_quotes() -> None:
    line = "Mayor Vows To Fight ‘Reckless’ Budget Cuts In Court"
    assert in_headline(line, 0, len(line), [(line.index("‘"), line.index("’") + 1)])
    body = 'The mayor said on WNYC\'s "Morning Edition" that the cuts were reckless.'
    assert not in_headline(body, 0, len(body), [(body.index('"'), body.rindex('"') + 1)])


def test_a_speech_noun_with_its_sayer_and_a_verdict() -> None:
    text = "The mayor repeated his claim that “profit-making” drove the plan."
    assert said_as_words(text, at(text), 0)
    text = "The checkers rated the senator's claims as “false” last year."
    assert said_as_words(text, at(text), 0)
    text = "Low interest rates, both forms of “cheap money”, help growth."
    assert not said_as_words(text, at(text), 0)


def test_a_characterising_word_after_a_determiner_is_a_noun() -> None:
    text = "The platform dropped a call for “more weapons” to the region."
    assert not said_as_words(text, at(text), 0)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The review, which was titled “Casual Employment Practices at CPU, 2017–2024”, came out.", True),
        ("His op-ed, entitled “Why I Will Not Vote This Year, and Why You Should Not Either”, ran Sunday.", True),
        ("She said the review was “long overdue and badly needed” on Friday.", False),
    ],
)
def test_titled(text: str, expected: bool) -> None:
    mark = text.index("“")
    assert titled(text, mark, 0) is expected


@pytest.mark.parametrize(
    "text, reported",
    [
        ("The campaign rejected the idea as “ludicrous” on Friday.", True),
        ("Merkel heralded the deal with Ankara as a “breakthrough.”", True),
        ("She vented to her husband that it would be “incredibly ugly.”", True),
        ("The governor endorsed her, citing her “long experience” in office.", True),
        ("Critics said the “reform” would fail.", True),
        ("The claim that the plan was a “lifeline” spread online.", False),
        ("He said the nickname “Big Al” stuck to him.", False),
        ("The museum opened its “green wing” last year.", False),
        ("Reporters asked questions. The “green wing” opened last year.", False),
    ],
)
def test_reported_in_clause(text: str, reported: bool) -> None:
    assert reported_in_clause(text, at(text), 0) is reported


@pytest.mark.parametrize(
    "text, voiced",
    [
        ("Supporters chanted “Lock Him Up” outside the hall.", True),
        ("The crowd met him with chants of “Four More Years” and boos.", True),
        ("A banner reading “Hands Off Our Schools” hung from the gate.", True),
        ("She tweeted, “Happy New Year!” at midnight.", True),
        ("“We will bomb them,” the candidate told “Morning Show” hosts.", False),
        ("A play called “Sons of Thunder” opened in the capital.", False),
        ("She said on “Meet the Press” that she would run.", False),
        ("He watches “The Apprentice” every week.", False),
    ],
)
def test_voiced_right_before(text: str, voiced: bool) -> None:
    opening = text.rindex("“") if text.startswith("“") else at(text)
    assert voiced_right_before(text, opening, 0) is voiced


@pytest.mark.parametrize(
    "text, quoted, alone",
    [
        ("The judge turned to me. “Mr. Hale?” I stood up.", "Mr. Hale?", True),
        ("“Anybody but Trump,” was another.", "Anybody but Trump,", True),
        ("“This is fantastic!” beamed a delegate from Ohio.", "This is fantastic!", True),
        ("He called the plan “weird.” Nobody agreed.", "weird.", False),
        ("“Broad Street” star Ana Ruiz spoke on Friday.", "Broad Street", False),
    ],
)
def test_stands_as_sentence(text: str, quoted: str, alone: bool) -> None:
    assert stands_as_sentence(text, text.index(quoted) - 1, quoted, 0) is alone
