"""The text view: quote membership of tokens and repaired sentence boundaries."""

from __future__ import annotations

from typing import Optional

import pytest

from quotes.extract.textview import TextView
from quotes.extract.marks import find_spans

pytestmark = pytest.mark.slow


def view_of(engine, text: str) -> TextView:  # type: ignore[no-untyped-def]
    return TextView(engine.annotate(text), find_spans(text))


def sentences(view: TextView) -> list[str]:
    text = view.doc.text
    return [text[view.tokens[a].start : view.tokens[b - 1].end] for a, b in view.sentence_bounds]


def test_no_sentence_boundary_inside_a_quote(engine) -> None:  # type: ignore[no-untyped-def]
    view = view_of(engine, '“Pyongyang will always be with Moscow. Our unity will last,” he said. Then he left.')
    assert sentences(view) == ['“Pyongyang will always be with Moscow. Our unity will last,” he said.', "Then he left."]


def test_paragraphs_always_end_sentences(engine) -> None:  # type: ignore[no-untyped-def]
    view = view_of(engine, "Trump and Kim talks?\nMeanwhile speculation is rife")
    assert sentences(view) == ["Trump and Kim talks?", "Meanwhile speculation is rife"]


def test_tokens_know_their_quote(engine) -> None:  # type: ignore[no-untyped-def]
    text = 'He said "we will win" today.'
    view = view_of(engine, text)
    inside = [t.text for i, t in enumerate(view.tokens) if not view.outside(i)]
    assert "win" in inside and "He" not in inside and "today" not in inside


def test_wire_dateline_is_measured(stanza_engine) -> None:  # type: ignore[no-untyped-def]
    view = view_of(stanza_engine, "TOLEDO, Ohio (AP) — Mayor Renee Castillo spoke.")
    assert [view.tokens[k].text for k in view.dateline][-1] == "—"


@pytest.mark.parametrize(
    "text, first, last",
    [
        ("Mayor speaks\n\nTOLEDO, Ohio (AP) — Mayor Renee Castillo spoke.", "TOLEDO", "—"),  # under a headline
        ("ANKARA, April 3 (Reuters) - Erdogan spoke.", "ANKARA", "-"),
        ("Mayor speaks\n\nThe mayor spoke.\n\nTOLEDO - Castillo spoke.", None, None),  # too far in
    ],
)
def test_wire_dateline_under_a_headline(text: str, first: Optional[str], last: Optional[str]) -> None:
    from tests.extract.handmade import document

    view = TextView(document(text), find_spans(text))
    words = [view.tokens[k].text for k in view.dateline]
    assert (words[0] if words else None, words[-1] if words else None) == (first, last)
