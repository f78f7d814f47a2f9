"""Two people named side by side as the subject of one verb speak together ("Trump and Ryan issued …")."""

from __future__ import annotations

from typing import Optional

import pytest

from quotes.extract.attribution.driver import attribute_all
from tests.extract.handmade import context


def speaker(text: str) -> Optional[str]:
    ctx, spans = context(text)
    return attribute_all(ctx, spans)[0][1].speaker


@pytest.mark.parametrize(
    "text, expected",
    [
        # both issued the statement: both are its speakers, each by the fullest name the article gives
        ("Trump and Ryan issued a statement describing the meeting as a “very positive step toward unification.” "
         "Donald Trump and Paul Ryan met on Thursday.", "Donald Trump and Paul Ryan"),
        ("Cruz and Trump have slammed the president for not using the term “radical Islamic terrorism.”", "Cruz and Trump"),
        # the names are a preposition's object, not the subject
        ("The race between Clinton and Sanders is “over,” Jane Ruiz said.", "Jane Ruiz"),
        # places joined by "and" are no one
        ("Voters in Iowa and New Hampshire will decide, and Jane Ruiz called it “a coin toss.”", "Jane Ruiz"),
    ],
)
def test_two_names_joined_by_and_as_a_subject_speak_together(text: str, expected: Optional[str]) -> None:
    assert speaker(text) == expected


def test_names_joined_by_and_before_a_noun_are_no_joint_speaker() -> None:
    # "Clinton and Sanders supporters": the names qualify the group
    found = speaker("Clinton and Sanders supporters said the debate was “fine.”")
    assert found is None or " and " not in found
