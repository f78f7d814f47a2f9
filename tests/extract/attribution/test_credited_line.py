"""A line that credits the quote after its colon to a name: "Quote from Kuleba:", "Statement by …:"."""

from __future__ import annotations

from typing import Optional

import pytest

from quotes.extract.attribution.driver import attribute_all
from tests.extract.handmade import context


def speakers(text: str) -> list[Optional[str]]:
    ctx, spans = context(text)
    return [a.speaker for s, a, _ in attribute_all(ctx, spans) if s.depth == 0]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ukraine replied on Sunday.\n\nQuote from Kuleba: “Our flag is a yellow and blue one.”", ["Kuleba"]),
        ("Statement by Senator Maria Lopez: “We will not back down.”", ["Maria Lopez"]),
        # the line's own words are no credit: "Support from Kuleba" is not a noun of speech
        ("Maria Lopez spoke on Sunday.\n\nSupport from Kuleba: “Our flag is a yellow and blue one.”", [None]),
    ],
)
def test_a_noun_of_speech_from_a_name_credits_the_quote(text: str, expected: list[Optional[str]]) -> None:
    assert speakers(text) == expected
