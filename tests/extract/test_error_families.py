"""The error families of real news attribution (issue 8), one small hand-written case each.

Whole pipeline (rules, carry-over and the shipped ranker) over documents built by hand, with
no language model: the tokenizer-only path offline users get. Each case names the quote by its
first words and gives the expected speaker and method.
"""

from __future__ import annotations

from typing import Optional

import pytest

from quotes.extract.pipeline import find_quotes_in_document
from quotes.models import Article, Quote
from tests.extract.handmade import document


def quote(text: str, opening: str, **kwargs: object) -> Quote:
    found = find_quotes_in_document(Article(id="t", text=text), document(text, **kwargs))  # type: ignore[arg-type]
    (hit,) = [q for q in found if q.text.startswith(opening)]
    return hit


CASES: list[tuple[str, str, str, Optional[str], Optional[str]]] = [
    # non-persons as speakers
    (
        "weekday",
        "Volodymyr Zelensky addressed the nation.\n“Now is one of the most difficult moments in our history,” he said in a video released on Friday.\nZelensky on Friday posted that talks were continuing. “We will work calmly with America,” he wrote.",
        "We will work",
        "Volodymyr Zelensky",
        "after",  # "he" is the man named before (a first name marks him a person without NER), not "Friday"
    ),
    (
        "possessive",
        "Brazil’s President Luiz Inacio Lula da Silva spoke in Addis Ababa.\nBrazil’s Lula said what was happening in Gaza “is not a war, it is a genocide.”",
        "is not a war",
        "Luiz Inacio Lula da Silva",
        "before",
    ),
    (
        "place nearby",
        "Pope Francis gave an interview to Swiss television.\nUkraine was not pleased by what followed in Rome.\n“The strongest one is the one who looks at the situation.”",
        "The strongest",
        "Francis",
        "nearby",  # the places mentioned nearer the quote ("Ukraine", "Rome") said nothing
    ),
    (
        "participle phrase",
        "Meeting Kim Jong Un in Pyongyang on Wednesday, the Russian leader smiled. Vladimir Putin then said ties would “advance non-stop.”",
        "advance",
        "Vladimir Putin",
        "before",
    ),
    # nulls where the text says who spoke
    (
        "pronoun across paragraphs",
        "Senator Laura Kim has opposed the bill for months.\nOn Tuesday she went further.\n“This bill will hurt the people it claims to help,” she said.",
        "This bill",
        "Laura Kim",
        "after",
    ),
    (
        "speech over several paragraphs",
        "Mayor Tom Reyes opened the meeting with a warning.\n“The city cannot pay for this bridge.\n“We have asked the state for help and heard nothing.\n“So we will close it on Monday,” he said.",
        "We have asked",
        "Tom Reyes",
        "continuation",
    ),
    (
        "cataphora",
        "“We were never consulted,” was how the decision was greeted on Tuesday by Anna Berg, who leads the tenants’ association.",
        "We were never",
        "Anna Berg",
        None,
    ),
    (
        "transcript turns",
        "Chris Wallace interviewed Mike Pence on Sunday.\n“WALLACE: Will Gennifer Flowers be at the debate?”\n“PENCE: She will not be attending.”",
        "PENCE",
        "Mike Pence",
        "turn-label",
    ),
    (
        "letter",
        "Pope Francis sent a letter to the people of Ukraine on Saturday. “I renew my affection for the martyred Ukrainian people,” the letter said.",
        "I renew",
        "Francis",
        "after",
    ),
    # wrong person nearby
    (
        "interviewer in the clause",
        "“The strongest are those who think about the people,” Pope Francis told Lorenzo Buccella of the Swiss broadcaster RSI.",
        "The strongest",
        "Francis",
        "after",
    ),
    (
        "appositive",
        "“It was a mistake,” said Kim Yo Jong, the sister of Kim Jong Un, in a statement.",
        "It was a mistake",
        "Kim Yo Jong",
        "after",
    ),
    (
        "according-to chain",
        "The plan was “drawn up after talks with Ukraine,” according to Karoline Leavitt, citing a senior official.",
        "drawn up",
        "Karoline Leavitt",
        "according-to",
    ),
    # someone the article does not name
    (
        "indefinite description",
        "President Volodymyr Zelensky spoke on Friday.\n“This plan was drawn up after talks with Kyiv,” a senior U.S. official said.",
        "This plan",
        "a senior U.S. official",
        "after",
    ),
    (
        "indefinite description before a new reporting verb",
        "Pope Francis spoke to Swiss television.\nA Vatican spokesman later clarified that the pope supported “a truce.”",
        "a truce",
        "a Vatican spokesman",
        "before",
    ),
    (
        "a group speaks for its owner",
        "Keith Scott was shot on Tuesday. Rakeyia Scott filmed the scene.\nScott's family has called on police to release the videos “as a matter of transparency.”",
        "as a matter",
        "Scott's family",
        "before",
    ),
    # an office in apposition names its holder
    (
        "office in apposition, after the quote",
        "Ukraine's allies met on Monday. “It is shameful,” said the Israeli Foreign Minister, Israel Katz.",
        "It is shameful",
        "Israel Katz",
        "after",
    ),
    (
        "office of a country in apposition",
        "Ukraine's allies met on Monday. “It is a genocide,” said the president of Brazil, Luiz Lula.",
        "It is a genocide",
        "Luiz Lula",
        "after",
    ),
    (
        "office in a headline",
        "President claims that Palestinians are targets of “genocide”\nBrazil's President Luiz Lula spoke in Addis Ababa on Sunday.",
        "genocide",
        "Luiz Lula",
        "before",
    ),
    (
        "an unnamed interviewer is not the person interviewed",
        "Pope Francis gave an interview to Swiss television.\nThe interviewer used the term “white flag” in the question.",
        "white flag",
        "the interviewer",
        "before",
    ),
    (
        "a reporter's clause round a term gives the term to whoever used it",
        "Pope Francis gave an interview to Swiss television.\nVatican spokesman Matteo Bruni explained that the journalist"
        " interviewing Francis used the term “white flag,” prompting the Pope to use it in his answer.",
        "white flag",
        "the journalist interviewing Francis",
        "before",
    ),
    (
        "a form of address for an office is the person named to it",
        "Pope Francis gave an interview to Swiss television.\nBruni said that when the Holy Father used the term"
        " “white flag” in his answer, he was using the interviewer's image.",
        "white flag",
        "Francis",
        "before",
    ),
    (
        "a pronoun is not the person its own clause names after it",
        "Vatican spokesman Matteo Bruni briefed reporters. Then Pope Francis arrived.\nIndeed, he continued, the"
        " Pope’s view “is and remains what he has always said.”",
        "is and remains",
        "Matteo Bruni",
        None,
    ),
    # institutions as speakers
    (
        "embassy",
        "President Cyril Ramaphosa opened the summit.\nThe U.S. embassy said in a note that the priorities “run counter to our policy views.”",
        "run counter",
        "U.S. embassy",
        "before",
    ),
    (
        "consulate",
        "Pilgrims waited at the border on Monday.\n“The road will reopen on Friday,” the consulate said.",
        "The road",
        "the consulate",
        "after",
    ),
    (
        "the group is the organisation named just before",
        "The Trayvon Martin Foundation did not comment at first.\n“We are focused on our mission,” the group said.",
        "We are",
        "Trayvon Martin Foundation",
        "after",
    ),
    (
        "an organisation named with 'of' is named whole, and 'the board' is it",
        "The Illinois Board of Elections ruled on Monday.\n“Further discussion is unnecessary,” the board said.",
        "Further discussion",
        "Illinois Board of Elections",
        "after",
    ),
    (
        "an office linked to its portfolio by 'of the' is the title of the name after it",
        "Speaker of the House Paul Ryan spoke on Monday. “We will vote next week,” Ryan said.",
        "We will",
        "Paul Ryan",
        "after",
    ),
    (
        "a woman's first name keeps 'she' from the man named last",
        "Mayor Karen Bass spoke about housing.\nHer deputy, Carlos Ruiz, called the target “ambitious but possible.”\nShe later told the council that the city “cannot wait for Sacramento.”",
        "cannot wait",
        "Karen Bass",
        "before",
    ),
    (
        "a full name with a first name is a person without NER or a title",
        "Voters lined up outside the hall.\nMaria Lopez, a farmer, waited near the front.\nShe said, “I came to hear about water.”",
        "I came",
        "Maria Lopez",
        "before",
    ),
    (
        "a label before the name is no part of it",
        "Rachel Ames set out the budget on Friday.\nCritic David Price called it “a fantasy built on numbers nobody believes.”",
        "a fantasy",
        "David Price",
        "before",
    ),
    (
        "an institution named after 'The' speaks itself, not the person named before",
        "Dr. Amy Chen tested samples from three farms. The Agriculture Department said in a statement that the risk “remains low.”",
        "remains low",
        "Agriculture Department",
        "before",
    ),
    (
        "a seat of government named after 'The' speaks itself",
        "Olaf Scholz spoke to Vladimir Putin by phone. The Kremlin said the talks were “useful.”",
        "useful",
        "Kremlin",
        "before",
    ),
    (
        "an agency quoting a pronoun as saying gives the words to the one the pronoun names",
        "Tayyip Erdogan spoke to his party on Wednesday.\nThe state-run Anadolu news agency quoted him as saying Ankara would respond “in kind” to any measures.",
        "in kind",
        "Tayyip Erdogan",
        "before",
    ),
    (
        "an aside between a description and its verb",
        "Olaf Scholz met Emmanuel Macron in Paris.\nA senior European diplomat, speaking on condition of anonymity, said: “This will poison the relationship for years.”",
        "This will poison",
        "a senior European diplomat",
        "before",
    ),
    (
        "a name in apposition to a description speaks",
        "John Kasich campaigned in Ohio.\nA top strategist, John Weaver, tells reporters that the showing will “drive somebody else out of the race.”",
        "drive somebody",
        "John Weaver",
        "before",
    ),
    (
        "the title someone holds by that word beats an interchangeable one",
        "French President Emmanuel Macron spoke at the Sorbonne. German Chancellor Olaf Scholz was more cautious.\nIn a letter, the president wrote that Europe faced “an existential moment.”",
        "an existential",
        "Emmanuel Macron",
        "before",
    ),
    (
        "the company with no company named before is its description",
        "Shares fell on Monday.\n“We will review the listing,” the company said.",
        "We will",
        "the company",
        "after",
    ),
    # a party word or a plural office before the name describes the person
    (
        "party word before the name",
        "Republican Donald Trump spoke in Michigan on Friday.\n“I wonder why it was bad,” said Republican Donald Trump.",
        "I wonder",
        "Donald Trump",
        "after",
    ),
    (
        "party member as a description",
        "Donald Trump, a Republican, held a rally in Michigan.\nThe Republican is also encouraging his supporters. “Think of that,” the Republican said.",
        "Think of",
        "Donald Trump",
        "after",
    ),
    (
        "plural office word",
        "Sens. Jeff Merkley and Jon Tester questioned the chief executive.\n“That’s not accepting responsibility,” Merkley said.",
        "That’s not",
        "Jeff Merkley",
        "after",
    ),
    # quotes inside quotes
    (
        "nested, the outer words name the speaker",
        "Vatican spokesman Matteo Bruni spoke to reporters on Saturday.\n“Pope Francis told the crowd: ‘Negotiation is never a surrender,’ and he meant it,” Bruni said.",
        "Negotiation is never",
        "Francis",
        "nested",
    ),
    (
        "signature",
        "Readers wrote in after the debate.\n“He makes simple blanket statements about people.” ― Pamela Padilla",
        "He makes",
        "Pamela Padilla",
        "signature",
    ),
]


@pytest.mark.parametrize("family, text, opening, speaker, method", CASES, ids=[c[0] for c in CASES])
def test_error_family(family: str, text: str, opening: str, speaker: Optional[str], method: Optional[str]) -> None:
    found = quote(text, opening)
    assert found.speaker == speaker
    if method is not None:
        assert found.method == method
    assert 0.0 < found.confidence <= 1.0


def test_a_scare_quote_with_no_one_saying_it_stays_a_name_with_no_speaker() -> None:
    text = "Mayor Tom Reyes opened the bridge, a “white elephant” to many, on a cold morning."
    found = quote(text, "white elephant")
    assert (found.kind, found.speaker, found.method) == ("name", None, None)


def test_a_name_after_a_person_and_of_is_where_they_work_not_a_second_person() -> None:
    # a small NER model calls the firm a person; "of" after a full name says it is an affiliation
    text = (
        "Industry analyst Priya Raman of Quilty Space said the delay was “unusual.”"
        " She added: “Regulators rarely move this slowly.”"
    )
    found = quote(text, "Regulators", entities=[("Priya Raman", "PERSON"), ("Quilty Space", "PERSON")])
    assert found.speaker == "Priya Raman"


def test_a_quotation_run_over_paragraphs_is_one_speakers_to_its_end() -> None:
    # each paragraph opens with a mark and only the last closes: one quotation, one attribution,
    # however weakly the ranker would read its last paragraph alone
    text = (
        "French President Emmanuel Macron spoke in Paris.\n“Europe must be able to defend itself,” Macron said in a speech at the Sorbonne."
        "\n“This is not about leaving NATO. It is about being a stronger ally.\n“If we do not act now, we will regret it for a generation.”"
    )
    middle, last = quote(text, "This is not"), quote(text, "If we do not")
    assert (last.speaker, last.method, last.confidence) == (middle.speaker, middle.method, middle.confidence)
    assert last.speaker == "Emmanuel Macron"


def test_mixed_marks_do_not_merge_two_quotes() -> None:
    text = "‘We are ready,” said Anna Berg. Later Tom Reyes said “we are not.”"
    found = find_quotes_in_document(Article(id="t", text=text), document(text))
    assert [q.text for q in found] == ["We are ready,", "we are not."]
    assert [q.speaker for q in found] == ["Anna Berg", "Tom Reyes"]


def test_nested_quote_whose_outer_words_name_nobody_is_a_name() -> None:
    """A question the outer speaker reads out names no speaker of its own: it is a name, not a guess."""
    text = (
        "Pat Caddell spoke on the radio on Sunday.\n“Here is the question we asked: ‘Do you trust the candidate"
        " on health matters?’ The answers surprised us,” Caddell said."
    )
    found = quote(text, "Do you trust")
    assert (found.kind, found.speaker, found.nested) == ("name", None, True)


def test_an_i_in_the_outer_quote_is_no_third_person_for_the_inner_one() -> None:
    # "I" is the outer speaker; read as "he", it went to the man named last (Obama)
    text = "President Barack Obama spoke in Iowa.\n“I don’t think you hear her on the campaign trail saying, ‘I love corn ethanol,’” Monte Shaw said."
    inner = quote(text, "I love corn")
    assert inner.speaker is None and inner.kind == "name"
    assert quote(text, "I don’t think").speaker == "Monte Shaw"
