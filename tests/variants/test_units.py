"""Sentence units: editorial brackets out, gaps and sentence ends cut, crude stems."""

from __future__ import annotations

import pytest

from quotes.variants.units import comparable_text, sentences, speaker_text, split_gaps, stem


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One may feel shame, but how many dead will it [the war] end up with?", "One may feel shame, but how many dead will it end up with?"),
        ("[W]e will never surrender", "We will never surrender"),
        ("encouraging (Russian President Vladimir) Putin to withdraw", "encouraging Putin to withdraw"),
        ("the country[’s] leaders", "the country’s leaders"),
        ("no brackets here", "no brackets here"),
    ],
)
def test_speaker_text_leaves_out_editorial_insertions(text: str, expected: str) -> None:
    assert speaker_text(text) == expected


def test_gaps_are_kept_by_speaker_text_and_split_by_split_gaps() -> None:
    assert speaker_text("We will win [...] and rebuild") == "We will win [...] and rebuild"
    assert split_gaps("We will win [...] and rebuild … together. . . soon") == ["We will win", "and rebuild", "together", "soon"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Our flag is yellow and blue. We will never raise another flag.", ["Our flag is yellow and blue.", "We will never raise another flag."]),
        ("Mr. Putin wrote to us. He thanked the troops.", ["Mr. Putin wrote to us.", "He thanked the troops."]),
        ("It runs counter to U.S. policy, and we cannot agree.", ["It runs counter to U.S. policy, and we cannot agree."]),
        ("“We are ready.” Then he left", ["“We are ready.”", "Then he left"]),
        ("", []),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [("negotiating", "negotiations"), ("defeated", "defeat"), ("difficulties", "difficult"), ("terrorism", "terrorist")],
)
def test_stem_folds_word_families(a: str, b: str) -> None:
    assert stem(a) == stem(b)


@pytest.mark.parametrize(("a", "b"), [("military", "militant"), ("peace", "power"), ("nation", "native")])
def test_stem_keeps_other_words_apart(a: str, b: str) -> None:
    assert stem(a) != stem(b)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('the Pope clearly stated: "negotiation is never a surrender," he said', "the Pope clearly stated: he said"),
        ("The Pope uses the term 'white flag', suggested by his interviewer", "The Pope uses the term, suggested by his interviewer"),
        ("calling it a \u2018negotiation\u2019.", "calling it a."),
        ("we know the Vatican's strategy and the leaders' views", "we know the Vatican's strategy and the leaders' views"),
        ("the Vatican\u2019s strategy", "the Vatican\u2019s strategy"),
        ("\u201cwhite flag\u201d", "\u201cwhite flag\u201d"),  # nothing else left: the text itself
    ],
)
def test_comparable_text_leaves_nested_quotes_out(text: str, expected: str) -> None:
    assert comparable_text(text) == expected
