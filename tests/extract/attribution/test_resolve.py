"""Who a mention is (:mod:`quotes.extract.attribution.resolve`), on hand-built documents."""

from __future__ import annotations

from typing import Optional

import pytest

from quotes.extract.attribution.resolve import named_later, other_role, resolve
from tests.extract.handmade import context


def mention(text: str, surface: str, nth: int = 0):  # type: ignore[no-untyped-def]
    ctx, _ = context(text)
    found = [m for m in ctx.mentions.mentions if m.text == surface]
    return ctx, found[nth]


RESOLVED = [
    # a form of address stands for the office: the person named to it
    ("Pope Leo spoke on Sunday. The Holy Father said he prays for peace.", "The Holy Father", "Leo"),
    ("Pope Leo spoke on Sunday. His Holiness said he prays for peace.", "His Holiness", "Leo"),
    # with no one of that office named, the form of address is all the text says
    ("Mayor Omar Haddad spoke on Sunday. The Holy Father said he prays for peace.", "The Holy Father", "the Holy Father"),
    # an unnamed role is described, never the last person named
    ("Mayor Omar Haddad spoke on Sunday. The interviewer said it was late.", "The interviewer", "the interviewer"),
    # a role that does not fit the titles of the person named last is someone else
    ("Vatican spokesman Matteo Bruni spoke. The journalist said it was late.", "The journalist", "the journalist"),
    # a role the person named last may hold refers back to them
    ("Angela Merkel arrived on Monday. The chancellor said it was late.", "The chancellor", "Angela Merkel"),
    # a role held for someone named ("X's campaign manager") is a person of its own: described,
    # never whoever the text named last
    ("It marked the end of the Cold War.\nDonald Trump’s campaign manager said it was late.", "Donald Trump’s campaign manager", "Donald Trump’s campaign manager"),
    # ... unless it stands in apposition to a name
    ("Andrii Yurash, Ukraine’s ambassador, said it was late.", "Ukraine’s ambassador", "Andrii Yurash"),
]


@pytest.mark.parametrize("text, surface, expected", RESOLVED)
def test_an_epithet_resolves(text: str, surface: str, expected: Optional[str]) -> None:
    ctx, m = mention(text, surface)
    assert resolve(ctx, m) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the person named last before "he" is the one the clause goes on to name: "he" is the other
        "Vatican spokesman Matteo Bruni spoke first. Then Pope Leo arrived. Indeed, he said, Pope Leo would “pray for peace.”",
        "Vatican spokesman Matteo Bruni spoke first. Then Pope Leo arrived. Indeed, he said, the Pope’s view is “peace.”",
    ],
)
def test_a_pronoun_excludes_the_people_its_clause_names_after_it(text: str) -> None:
    ctx, he = mention(text, "he")
    leo = next(m for m in ctx.mentions.mentions if m.text == "Pope Leo")
    assert named_later(ctx, he) == {leo.referent}
    assert resolve(ctx, he) == "Matteo Bruni"


@pytest.mark.parametrize(
    "text",
    [
        # a subordinate clause may name ahead
        "When he arrived, Pope Leo said he would “pray for peace.”",
        # the same man named again after the quote
        "He said, “We will pray,” Pope Leo told the crowd.",
    ],
)
def test_a_pronoun_may_name_ahead_past_a_subordinator_or_a_quote(text: str) -> None:
    ctx, he = mention(text, "He" if text.startswith("He") else "he")
    assert named_later(ctx, he) == set()


def test_other_role_needs_titles_on_both_sides() -> None:
    ctx, journalist = mention("Vatican spokesman Matteo Bruni spoke. The journalist said it was late.", "The journalist")
    bruni = ctx.mentions.referents[next(m for m in ctx.mentions.mentions if m.kind == "name").referent]
    assert other_role(journalist, bruni)
    ctx, journalist = mention("Matteo Bruni spoke. The journalist said it was late.", "The journalist")
    bruni = ctx.mentions.referents[next(m for m in ctx.mentions.mentions if m.kind == "name").referent]
    assert not other_role(journalist, bruni)
    assert resolve(ctx, journalist) == "Matteo Bruni"  # no titles of his own: the description refers back
