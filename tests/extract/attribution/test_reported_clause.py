"""A quote inside a clause that someone reports: the reporter's words, on hand-built documents.

"Israel said Clinton called on members to be “closely coordinated”": the quotation marks record
what Israel said, so the words are Israel's, not Clinton's (:func:`rules.outer_report`).
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


REPORTED = [
    # the clause a verb of saying reports holds the cue: the outer subject speaks
    ("Rep. Steve Israel said Mayor Ana Clinton called on members to be “closely coordinated.”", "Steve Israel"),
    ("Senator Paul Ryan told reporters on Tuesday that Judge Ruth Adler's comments “show bias.”", "Paul Ryan"),
    ("Senator Ted Cruz said he is certain Marco Rubio will continue to be “a champion of opportunity.”", "Ted Cruz"),
    ("Dmytro Kuleba thanked the bishops, adding that Ukraine continues “to hope for a visit.”", "Dmytro Kuleba"),
    # no clause is reported: the cue's own subject speaks
    ("Senator Maria Lopez called the plan “a disgrace” on Monday.", "Maria Lopez"),
    ("Ruth Adler replied on Friday to Omar Haddad's remarks that the port should “close for good”.", "Omar Haddad"),
    # a verb that judges a person takes no reported clause
    ("Senator Ruth Adler praised Mayor Omar Haddad, who called the plan “a disgrace.”", "Omar Haddad"),
    # a clause end between: a new sentence, a new subject
    ("Ruth Adler spoke first. Omar Haddad said the port should “close for good”.", "Omar Haddad"),
]


@pytest.mark.parametrize("text, expected", REPORTED)
def test_a_quote_in_a_reported_clause_is_the_reporter_s(text: str, expected: str) -> None:
    assert speaker(text) == expected


PARTICIPLES = [
    # a participle after a comma takes the subject of its clause, past an opening phrase
    ("Donald Trump said the vote was close. Speaking at a town hall in Salem, New Hampshire, Trump went after Jeb Bush, calling him “a total stiff.”", "Donald Trump"),
    ("Carly Fiorina threw her support behind Sen. Ted Cruz on Wednesday, saying it is time for “a real conservative.”", "Carly Fiorina"),
]


@pytest.mark.parametrize("text, expected", PARTICIPLES)
def test_a_trailing_participle_takes_the_sentence_s_subject(text: str, expected: str) -> None:
    assert speaker(text) == expected


OBJECTS = [
    # a preposition's object does not do what a participle after it says
    ("Mayor Greg Stanton wrote a letter to Attorney General Loretta Lynch asking the department to examine the “fiasco.”", "Greg Stanton"),
    # "with X doing": X does it
    ("Both men spoke on Friday, with Sebastian Gorka noting the folly of sending “a couple of hundred guys.”", "Sebastian Gorka"),
    # a clause that a verb of saying reports runs on past a preposition inside it
    ("Sen. Chuck Grassley said it is the same thing as Justice Sonia Sotomayor referring to “a wise Latina.”", "Chuck Grassley"),
]


@pytest.mark.parametrize("text, expected", OBJECTS)
def test_a_preposition_s_object_is_not_the_participle_s_subject(text: str, expected: str) -> None:
    assert speaker(text) == expected


PARENTHESES = [
    # a party or state in parentheses stands between a subject and its verb
    ("Illinois Attorney General Lisa Madigan (D) asserted that “trust in the police is broken.” Ana Ruiz agreed.", "Lisa Madigan"),
    ("Rep. Gregory Meeks (D-Ohio) said the party would be “united by July.” Ana Ruiz agreed.", "Gregory Meeks"),
]


@pytest.mark.parametrize("text, expected", PARENTHESES)
def test_a_parenthesis_after_the_subject_is_skipped(text: str, expected: str) -> None:
    assert speaker(text) == expected


def test_one_capitalised_word_opening_a_sentence_is_not_taken_for_a_subject() -> None:
    text = "Orlando spent the week mourning, hoping the parade will help “tell the story.”"
    assert speaker(text) is None


def test_an_age_and_a_hometown_between_commas_are_asides() -> None:
    text = "Cory James, 22, of Flint, Mich., said he had not given up hope of a convention “surprise.”"
    assert speaker(text) == "Cory James"


OPENING_CLAUSES = [
    # the cue of an opening "when"/"after" clause is not the main clause's
    ("When Donald Trump suggested that Cuba would sue, Marco Rubio fired back: “If they sue us, they lose.”", "Marco Rubio"),
    ("After Gov. Jerry Brown criticized Bill Clinton during a debate, Hillary Clinton shot back, “I chose to work.”", "Hillary Clinton"),
    # the quote inside the opening clause stays with its cue
    ("When Donald Trump said the deal was “a disaster,” Marco Rubio laughed.", "Donald Trump"),
]


@pytest.mark.parametrize("text, expected", OPENING_CLAUSES)
def test_an_opening_clause_s_cue_is_not_the_main_clause_s(text: str, expected: str) -> None:
    assert speaker(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("As the critic Jane Ruiz put it, “Hello, it is the comeback.”", "Jane Ruiz"),
        ("As Senator John Cornyn, the No. 2 in the leadership, put it: “This person will not be confirmed.”", "John Cornyn"),
    ],
)
def test_as_x_put_it_reports_the_words_that_follow(text: str, expected: str) -> None:
    assert speaker(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a colon closing a clause with no reporting verb introduces its subject's words
        ("Former Gov. Jeb Bush broke down what was wrong with the image to a Dutch newspaper: “It was insensitive.”", "Jeb Bush"),
        # a document's contents are no person's words
        ("The report listed three findings: “The roof leaks.”", None),
        ("“We stay,” said Clinton ally James Carville.", "James Carville"),
    ],
)
def test_a_colon_hands_the_quote_to_the_clause_s_subject(text: str, expected: Optional[str]) -> None:
    assert speaker(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("“He can assert it, but it seems unlikely” that Sanders can catch Clinton, said Steve Elmendorf, a strategist.", "Steve Elmendorf"),
        ("“Many would call that an embarrassment” if she lost, said David Wasserman, an analyst.", "David Wasserman"),
    ],
)
def test_an_inverted_verb_after_a_comma_takes_the_name_after_it(text: str, expected: str) -> None:
    assert speaker(text) == expected


UTTERED = [
    # a verb of using a term or voicing words gives them to its own subject, not to the reporter
    ("Senator Ruth Adler said that Mayor Omar Haddad used the term “white flag” in the question.", "Omar Haddad"),
    ("Senator Ruth Adler said that Mayor Omar Haddad chanted “four more years” at the rally.", "Omar Haddad"),
    # a verb of characterising stays a reported clause's
    ("Senator Ruth Adler said that Mayor Omar Haddad called the plan “a disgrace.”", "Ruth Adler"),
]


@pytest.mark.parametrize("text, expected", UTTERED)
def test_the_one_who_used_a_term_is_its_speaker(text: str, expected: str) -> None:
    assert speaker(text) == expected


PARTICIPLE_OBJECTS = [
    # a name after a participle is its object: the subject is what the participle hangs from
    ("Senator Ruth Adler arrived. The journalist interviewing Mayor Omar Haddad used the term “white flag” first.", "the journalist interviewing Mayor Omar Haddad"),
    ("Senator Ruth Adler arrived. The aide accompanying Mayor Omar Haddad said the port would “close for good.”", "the aide accompanying Mayor Omar Haddad"),
]


@pytest.mark.parametrize("text, expected", PARTICIPLE_OBJECTS)
def test_a_participle_s_object_is_not_the_subject(text: str, expected: str) -> None:
    assert speaker(text) == expected


PASSIVES = [
    # the subject of a passive cue is the one spoken of; the agent after "by" speaks
    ("Mayor Omar Haddad arrived. Mayor Omar Haddad was declared “persona non grata” by Senator Ruth Adler today.", "Ruth Adler"),
    ("Mayor Omar Haddad arrived. The plan was called “a disgrace” by Senator Ruth Adler.", "Ruth Adler"),
    # no agent: not passive reading
    ("Senator Ruth Adler was asked about it. Mayor Omar Haddad called the plan “a disgrace” by Monday.", "Omar Haddad"),
]


@pytest.mark.parametrize("text, expected", PASSIVES)
def test_the_agent_of_a_passive_cue_speaks(text: str, expected: str) -> None:
    assert speaker(text) == expected


def test_a_quote_in_a_phrase_of_its_own_is_not_the_passive_verb_s() -> None:
    text = "Senator Ruth Adler called it an error that was reported in a “hit piece” by The Daily Planet."
    assert speaker(text) == "Ruth Adler"
