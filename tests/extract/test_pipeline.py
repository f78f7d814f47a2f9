"""find_quotes end to end: the development-set figures with each engine, and the contract."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotes.evaluate import evaluate
from quotes.extract.pipeline import find_quotes
from quotes.io.inputs import iter_articles
from quotes.models import Article


@pytest.mark.slow
def test_seeds_end_to_end_f1(engine, seeds_dir: Path, gold_path: Path) -> None:  # type: ignore[no-untyped-def]
    found = [q for a in iter_articles([str(seeds_dir)]) for q in find_quotes(a, engine=engine)]
    report = evaluate(gold_path, found)
    assert report.detect_f1 >= 0.95, report.errors
    assert report.e2e_f1 >= 0.95, report.errors


@pytest.mark.slow
def test_pattern_fixtures_end_to_end_f1(engine, fixtures_dir: Path) -> None:  # type: ignore[no-untyped-def]
    found = [q for a in iter_articles([str(fixtures_dir / "patterns")]) for q in find_quotes(a, engine=engine)]
    report = evaluate(fixtures_dir / "patterns.gold.json", found)
    assert report.e2e_f1 >= 0.95, report.errors


@pytest.mark.slow
def test_quote_contract(stanza_engine, seeds_dir: Path) -> None:  # type: ignore[no-untyped-def]
    for article in iter_articles([str(seeds_dir)]):
        assert isinstance(article, Article)
        quotes = find_quotes(article, engine=stanza_engine)
        assert [q.index for q in quotes] == list(range(len(quotes)))
        for q in quotes:
            assert article.text[q.start : q.end] == q.text
            assert q.article == article.id
            if q.kind == "name":
                assert q.speaker is None and q.method is None
            if q.speaker is not None:
                assert q.method and q.cue and q.speaker_mention and q.confidence > 0


def test_text_without_marks_needs_no_engine() -> None:
    assert find_quotes("No quotation marks here at all.", engine="no-such-engine") == []


@pytest.mark.slow
def test_plain_string_input(stanza_engine) -> None:  # type: ignore[no-untyped-def]
    (quote,) = find_quotes('"We will win," said Jane Holloway.', engine=stanza_engine)
    assert (quote.article, quote.text, quote.speaker, quote.cue, quote.method) == (
        "text",
        "We will win,",
        "Jane Holloway",
        "said",
        "after",
    )


def _kinds(text: str) -> list[tuple[str, str]]:
    from tests.extract.handmade import document

    from quotes.extract.pipeline import find_quotes_in_document

    return [(q.text, q.kind) for q in find_quotes_in_document(Article(id="t", text=text), document(text))]


def test_a_term_somebody_used_is_a_fragment_and_one_nobody_used_a_name() -> None:
    text = "The bishop used the term “white flag” in his reply.\nThe paper avoided the word “truce” all week."
    assert _kinds(text) == [("white flag", "fragment"), ("truce", "name")]


def test_coordinated_short_quotes_share_their_kind() -> None:
    text = "Protesters chanted “No cuts” and “Not here” outside the hall."
    assert _kinds(text) == [("No cuts", "fragment"), ("Not here", "fragment")]


def test_a_scare_quote_inside_a_quote_is_a_name() -> None:
    text = "“We stand with the good side, and they put us on one footing and call it ‘talks’,” the minister wrote."
    assert _kinds(text) == [
        ("We stand with the good side, and they put us on one footing and call it ‘talks’,", "speech"),
        ("talks", "name"),
    ]


def test_stage_directions_and_nicknames_are_names() -> None:
    text = '"HOST: Can I ask you one more thing?\n\n"(CROSSTALK.)\n\nThe mayor answered with the nickname "Sleepy Sam." for his rival.'
    kinds = dict(_kinds(text))
    assert kinds["(CROSSTALK.)"] == "name"
    assert kinds["Sleepy Sam."] == "name"


def test_a_title_cased_headline_quote_is_no_title() -> None:
    text = "Mayor Tells Rivals At Summit: ‘We Are All Equal’\nThe mayor of Leeds spoke on Friday."
    assert _kinds(text) == [("We Are All Equal", "speech")]
    text = "The mayor spoke on the show “Leeds Today” on Friday."
    assert _kinds(text) == [("Leeds Today", "name")]


def test_a_name_somebody_gave_is_his_words() -> None:
    text = "Mr Hale called his opponent “Little Tony” at the rally.\nShe joined a movement called “Forward Together” in 2019."
    assert _kinds(text) == [("Little Tony", "fragment"), ("Forward Together", "name")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“He would look at me and say, ‘I will win this case,’ and then leave,” she said.", True),
        ("“Then they said ‘no’ to us,” she said.", True),
        ("“I will win this case,” she said.", False),
    ],
)
def test_unattributed_nested(text: str, expected: bool) -> None:
    from quotes.extract.marks import find_spans
    from quotes.extract.pipeline import unattributed_nested

    assert unattributed_nested(find_spans(text)[-1], speaker_decided=False) is expected
    assert unattributed_nested(find_spans(text)[-1], speaker_decided=True) is False


def test_a_nested_quote_nobody_is_said_to_speak_is_a_name() -> None:
    text = "“He would look at me and say, ‘I will win this case,’ and then leave,” she said."
    assert [kind for _, kind in _kinds(text)] == ["speech", "name"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Reports say Trump called the winner “Miss Piggy” and “Miss Housekeeping” back then.", ["fragment", "fragment"]),
        ("He watches “The Apprentice” and “Celebrity Apprentice” every week.", ["name", "name"]),
        ("He spoke of “blood and water”, “Operation Sindoor” and more.", ["fragment", "name"]),
    ],
)
def test_a_title_listed_after_a_quoted_title_shares_its_kind(text: str, expected: list[str]) -> None:
    assert [kind for _, kind in _kinds(text)] == expected


def test_a_title_after_titled_is_a_name_however_long() -> None:
    text = "The review, which was titled “Casual Employment Practices at CPU, 2017–2024”, was read out."
    assert _kinds(text) == [("Casual Employment Practices at CPU, 2017–2024", "name")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The campaign rejected the idea as “ludicrous” on Friday.", [("ludicrous", "fragment")]),
        ("The museum opened its “green wing” last year.", [("green wing", "name")]),
        ("The judge turned to me. “Mr. Hale?” I stood up slowly.", [("Mr. Hale?", "fragment")]),
        ("Supporters chanted “Lock Him Up” outside the hall.", [("Lock Him Up", "fragment")]),
        ("She spoke on “Morning Show” at length.", [("Morning Show", "name")]),
        ("“Happy New Year!,” the mayor tweeted on Sunday.", [("Happy New Year!,", "fragment")]),
        ("The mayor spoke on Friday.\n“All Bets Are Off.”\nThe council met.", [("All Bets Are Off.", "name")]),
    ],
)
def test_words_somebody_is_said_to_say_are_no_names(text: str, expected: list[tuple[str, str]]) -> None:
    assert _kinds(text) == expected
