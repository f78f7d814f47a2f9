"""Each attribution rule alone, on documents built by hand (no language model).

Table-driven: (text, expected speaker, expected method). The quote looked at is the first one
of the text unless the case says otherwise.
"""

from __future__ import annotations

from typing import Callable, Optional

import pytest

from quotes.extract.attribution import rules
from quotes.extract.attribution.carry import carry_over, pending
from quotes.extract.attribution.context import Attribution, AttributionContext
from quotes.extract.attribution.driver import RULES, attribute, attribute_all
from quotes.extract.attribution.resolve import speaker_of
from quotes.extract.attribution.rules import Candidate
from quotes.extract.marks import QuoteSpan
from tests.extract.handmade import context

Rule = Callable[[AttributionContext, QuoteSpan], Optional[Candidate]]


def run(rule: Rule, text: str, quote: int = 0, **kwargs: object) -> tuple[Optional[str], Optional[str]]:
    ctx, spans = context(text, **kwargs)
    outer = [s for s in spans if s.depth == 0]
    found = rule(ctx, outer[quote])
    if found is None:
        return None, None
    return (found.speaker or speaker_of(ctx, found.mention)), found.method


AFTER = [
    ("“We will not back down,” said Maria Lopez, the union leader.", "Maria Lopez", "after"),
    ("“We will not back down,” Maria Lopez said on Tuesday.", "Maria Lopez", "after"),
    ("“The bridge is safe,” Mayor Tom Reyes told reporters.", "Tom Reyes", "after"),
    ("“The bridge is safe,” according to Tom Reyes, the city engineer.", "Tom Reyes", "according-to"),
    ("“Prices will rise,” the report warned. Anna Berg disagreed.", None, "after"),  # a cue, no person
    ("“Prices will rise,” a statement said. Anna Berg disagreed.", None, "after"),  # a document is no one new
    ("“It is an invasion,” Scott Pruitt, the attorney general of Oklahoma, one of the states suing the agency over the rules, said on Monday.", "Scott Pruitt", "after"),
    # who passes the words on is not their speaker
    ("“It is a genocide,” the state channel quoted Luiz Lula da Silva as saying.", "Luiz Lula da Silva", "after"),
    ("“Either the loss of dignity or a partner,” the Kyiv Independent reported Volodymyr Zelensky said.", "Volodymyr Zelensky", "after"),
]
BEFORE = [
    # a trailing participle takes the clause's subject, a surname of a full name named before,
    # not the listener after it
    ("Hillary Clinton met a protester. Clinton seemed ready to riff on it, telling the crowd, “Some people get carried away.”", "Hillary Clinton", "before"),
    ("Maria Lopez said: “We will not back down.”", "Maria Lopez", "before"),
    ("Maria Lopez said the strike would go on “as long as it takes.”", "Maria Lopez", "before"),
    ("Maria Lopez told the crowd on Monday that they would “never back down.”", "Maria Lopez", "before"),
    ("Anna Berg smiled: “It was worth it.”", "Anna Berg", "before"),
    ("Senator Maria Lopez spoke in Tulsa, Oklahoma, arguing that the killings were “intolerable.”", "Maria Lopez", "before"),
    ("Michael Mulgrew, president of the United Federation of Teachers, which represents the city's teachers, said the day sends a message that “schools matter.”", "Michael Mulgrew", "before"),
    # a participle opening the sentence has the subject named after its phrase
    ("Johannesburg, Nov 20 Insisting that the country will not be “bullied by anyone”, President Cyril Ramaphosa spoke.", "Cyril Ramaphosa", "before"),
    ("The site PolitiFact rated 32% of Republican claims as “false” last year.", "PolitiFact", "before"),
    # verbs of using, voicing and characterising words
    ("Pope Francis used the term “white flag” in his answer.", "Francis", "before"),
    ("Matteo Bruni said Pope Francis had used the term white flag “to indicate a truce.”", "Matteo Bruni", "before"),
    ("At the rally Maria Lopez chanted “No more war!”", "Maria Lopez", "before"),
    ("Professor Laurence Tribe likened the rules to “burning the Constitution.”", "Laurence Tribe", "before"),
    ("The agency quoted Omar Haddad as saying the talks were “close to collapse.”", "Omar Haddad", "before"),
    ("The plan is “a disaster,” and nobody disputes it.", None, None),
]
ACCORDING_TO = [
    ("The talks were “close to collapse” on Friday, according to Omar Haddad.", "Omar Haddad", "according-to"),
    ("The talks were “close to collapse” on Friday, officials said.", None, None),
]
LATER = [
    ("“A historic day” was how Omar Haddad described the vote.", "Omar Haddad", "later"),
    ("“A historic day” for the city, the vote passed.", None, None),
]
SIGNATURE = [
    ("“He has never understood this town.” ― Sonya Herridge", "Sonya Herridge", "signature"),
    ("“Best meal of my life.” — Tom Reyes.", "Tom Reyes", "signature"),
    ("“It was fine.” — Tom Reyes said the rest was not.", None, None),
    # signed comments listed line by line, with no blank line between them (one paragraph)
    ("Readers wrote in\n\n“He is clueless.” ― Stephanie Egan\n“He makes statements.” ― Pamela Padilla\n“He is rude.” ― Tom Reyes\n\nMore follow", "Stephanie Egan", "signature"),
    # a fact-check's list: the claim closes its paragraph, the next line signs it
    ("We checked the claims.\n\n“Wages have fallen for a decade.”\n\n- Ruth Adler.\n\nThe figures say otherwise.", "Ruth Adler", "signature"),
    ("We checked the claims.\n\n“Wages have fallen,” she wrote.\n\n- Ruth Adler.", None, None),  # the quote does not close its paragraph
    ("We checked the claims.\n\n“Wages have fallen for a decade.”\n\n- Ruth Adler said so on Monday.", None, None),  # a sentence, not a signature
]
COLON_INTRO = [
    ("President Volodymyr Zelensky addressed the nation.\nThe key quotes from his address follow:\n“We will work calmly with America.”", "Volodymyr Zelensky", "colon-intro"),
    ("Maria Lopez spoke at the rally.\nMaria Lopez told the crowd:\n“We will not back down.”", "Maria Lopez", "colon-intro"),
    ("Omar Haddad:\n“The talks are over.”", "Omar Haddad", "colon-intro"),
    ("Maria Lopez spoke at the rally.\nThe crowd cheered.\n“We will not back down.”", None, None),  # no colon
    ("Maria Lopez told the crowd:\nThen the rain came and “nobody” stayed.", None, None),  # the quote does not open the paragraph
]
TURN_LABEL = [
    ("Chris Wallace interviewed Mike Pence.\n“WALLACE: Will you attend the debate?”", "Chris Wallace", "turn-label"),
    ("Mike Pence spoke first.\n“MODERATOR: Time is up.”", "Moderator", "turn-label"),
    ("“NATO is strong,” said Anna Berg.", None, None),
]


@pytest.mark.parametrize("text, speaker, method", AFTER)
def test_after(text: str, speaker: Optional[str], method: Optional[str]) -> None:
    assert run(rules.after, text) == (speaker, method)


@pytest.mark.parametrize("text, speaker, method", BEFORE)
def test_before(text: str, speaker: Optional[str], method: Optional[str]) -> None:
    assert run(rules.before, text) == (speaker, method)


@pytest.mark.parametrize("text, speaker, method", ACCORDING_TO)
def test_according_to(text: str, speaker: Optional[str], method: Optional[str]) -> None:
    assert run(rules.according_to, text) == (speaker, method)


@pytest.mark.parametrize("text, speaker, method", LATER)
def test_later(text: str, speaker: Optional[str], method: Optional[str]) -> None:
    assert run(rules.later, text) == (speaker, method)


@pytest.mark.parametrize("text, speaker, method", SIGNATURE)
def test_signature(text: str, speaker: Optional[str], method: Optional[str]) -> None:
    assert run(rules.signature, text) == (speaker, method)


@pytest.mark.parametrize("text, speaker, method", COLON_INTRO)
def test_colon_intro(text: str, speaker: Optional[str], method: Optional[str]) -> None:
    assert run(rules.colon_intro, text) == (speaker, method)


@pytest.mark.parametrize("text, speaker, method", TURN_LABEL)
def test_turn_label(text: str, speaker: Optional[str], method: Optional[str]) -> None:
    assert run(rules.turn_label, text) == (speaker, method)


def test_parse_follows_the_quote_to_its_reporting_verb() -> None:
    text = "Maria Lopez said that “the strike will go on.”"
    parse = {"Maria": ("Lopez", "compound"), "Lopez": ("said", "nsubj"), "the": ("strike", "det"),
             "strike": ("go", "nsubj"), "will": ("go", "aux"), "go": ("said", "ccomp"), ".": ("go", "punct")}
    assert run(rules.parse, text, parse=parse) == ("Maria Lopez", "parse")
    # without the verb's subject in the parse, the rule gives nothing (the surface rules decide)
    assert run(rules.parse, text, parse={k: v for k, v in parse.items() if k != "Lopez"}) == (None, None)


def test_a_pronoun_subject_resolves_to_the_last_person_of_its_gender() -> None:
    text = "Sen. Laura Kim spoke after Tom Reyes. “We have the votes,” she said."
    assert run(rules.after, text) == ("Laura Kim", "after")


def test_an_outlet_relays_and_is_never_the_speaker() -> None:
    ctx, spans = context("“The tests will continue,” KCNA news agency reported.")
    assert attribute(ctx, spans[0]).speaker is None


def test_a_statement_s_words_belong_to_its_author() -> None:
    text = "Omar Haddad sent a letter to the council. “I resign,” the letter said."
    assert run(rules.after, text) == ("Omar Haddad", "after")


def test_same_paragraph_carries_the_speaker_of_an_earlier_quote() -> None:
    ctx, spans = context("“We are ready,” said Anna Berg. “And we will win.”")
    attribute(ctx, spans[0])
    carried = carry_over(ctx, spans[1])
    assert carried is not None and (carried.speaker, carried.method) == ("Anna Berg", "same-paragraph")


def test_a_quote_only_paragraph_continues_the_previous_speaker() -> None:
    ctx, spans = context("“We are ready,” said Anna Berg.\n“Nobody expected us to get this far.”")
    attribute(ctx, spans[0])
    carried = carry_over(ctx, spans[1])
    assert carried is not None and (carried.speaker, carried.method) == ("Anna Berg", "continuation")


def test_pending_gives_a_quote_the_speaker_named_after_it() -> None:
    ctx, spans = context("“A,” came first. “B,” said Anna Berg.")
    decided = [(s, attribute(ctx, s)) for s in spans]
    assert decided[0][1].speaker is None
    late = pending(decided[0][0], decided[0][1], decided[1:])
    assert (late.speaker, late.method) == ("Anna Berg", "same-paragraph")


def test_the_driver_tries_rules_in_the_declared_order() -> None:
    assert [r.name for r in RULES] == ["turn-label", "parse", "after", "before", "according-to", "later", "signature", "colon-intro"]
    # both "after" and "before" match; "after" comes first
    ctx, spans = context("Tom Reyes said: “Wait,” said Anna Berg.")
    (span, attribution, proposals), = attribute_all(ctx, spans)
    assert (attribution.speaker, attribution.method) == ("Anna Berg", "after")
    # every rule proposes; "later" saw the second "said" but no subject left of it
    assert [(p.rule.name, p.speaker) for p in proposals] == [("after", "Anna Berg"), ("before", "Tom Reyes"), ("later", None)]


def test_unresolved_reports_the_words_but_no_speaker() -> None:
    ctx, spans = context("“We are ready,” the statement said.")
    result = attribute(ctx, spans[0])
    assert result == Attribution(None, "the statement", "said", "unresolved", 0.0, True)


def test_an_unnamed_role_is_described() -> None:
    ctx, spans = context("Mayor Tom Reyes opened the bridge.\n“We are ready,” the spokeswoman said.")
    result = attribute(ctx, spans[0])
    assert (result.speaker, result.method) == ("the spokeswoman", "after")


def test_one_quotation_over_paragraphs_is_one_speaker_s() -> None:
    from quotes.extract.attribution.carry import one_quotation

    text = "Marc Dubois spoke first.\n“The first year was hard.\n“But we kept going,” said Sofia Romano."
    ctx, spans = context(text)
    assert [(s.continued, s.continues) for s in spans] == [(True, False), (False, True)]
    by_rules = [Attribution("Marc Dubois", "Marc Dubois", None, "continuation", 0.75, True),
                Attribution("Sofia Romano", "Sofia Romano", "said", "after", 0.95, True)]
    unified = one_quotation(spans, by_rules, by_rules)
    assert [(a.speaker, a.method) for a in unified] == [("Sofia Romano", "continuation"), ("Sofia Romano", "after")]
