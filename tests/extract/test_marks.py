"""Quotation-mark spans: every mark style, nesting, apostrophes, paragraphs and unbalanced marks."""

from __future__ import annotations

import pytest

from quotes.extract.marks import find_spans, paragraphs


def texts(text: str) -> list[str]:
    return [s.text for s in find_spans(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ('He said "we will win" and left.', ["we will win"]),
        ("She called it “a disgrace,” aides said.", ["a disgrace,"]),
        ("Le ministre a parlé d'une « catastrophe » hier.", ["catastrophe"]),
        ("Er sagte, es sei „ein Fehler“ gewesen.", ["ein Fehler"]),
        ("‘We will fight on,’ Mr Hughes said.", ["We will fight on,"]),
        ("'We will fight on,' Mr Hughes said.", ["We will fight on,"]),
    ],
)
def test_mark_styles(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_offsets_point_at_the_text_inside_the_marks() -> None:
    text = "The minister said “the plan is dead” on Monday."
    (span,) = find_spans(text)
    assert text[span.start : span.end] == "the plan is dead"
    assert text[span.open_mark] == "“" and text[span.close_mark] == "”"


def test_apostrophes_are_never_marks() -> None:
    text = "Korea’s leader didn't say the soldiers’ families were in the ’90s film. It's Kim's."
    assert find_spans(text) == []


def test_apostrophe_inside_single_quoted_quote() -> None:
    assert texts("‘It’s about the hours before dawn,’ she said.") == ["It’s about the hours before dawn,"]


def test_nested_quotes_in_both_conventions() -> None:
    american = find_spans("“The film ‘Night’ moved me,” he said.")
    assert [(s.text, s.depth) for s in american] == [("The film ‘Night’ moved me,", 0), ("Night", 1)]
    british = find_spans("‘The law is called “Clean Air”,’ she said.")
    assert [(s.text, s.depth) for s in british] == [("The law is called “Clean Air”,", 0), ("Clean Air", 1)]


def test_interrupted_quote_gives_two_spans() -> None:
    assert texts("“We are ready,” the spokeswoman said, “and we will respond.”") == [
        "We are ready,",
        "and we will respond.",
    ]


def test_multi_paragraph_quote_left_open_at_paragraph_end() -> None:
    text = "“The first year was hard. We had no money.\n“But we kept going,” said Sofia Romano.\nNext story."
    spans = find_spans(text)
    assert [s.text for s in spans] == ["The first year was hard. We had no money.", "But we kept going,"]
    assert spans[0].continued and not spans[0].close_mark
    assert spans[1].continues


def test_unbalanced_mark_stays_in_its_paragraph_and_keeps_other_quotes() -> None:
    text = 'He said "this never ends.\nShe said "it ends here" firmly.\nThey said "fine" too.'
    assert texts(text) == ["this never ends.", "it ends here", "fine"]


def test_stray_closing_mark_makes_no_quote() -> None:
    assert texts('The budget was tight" and the schedule worse. He called it "hard".') == ["hard"]


def test_hundreds_of_stray_marks_give_valid_spans() -> None:
    text = ('" “ ” ‘ ’ « » „ ' * 120) + 'Then "a real quote" here.'
    spans = find_spans(text)
    for s in spans:
        assert 0 <= s.start < s.end <= len(text) and text[s.start : s.end] == s.text
    assert "a real quote" in [s.text for s in spans]


def test_inch_marks_are_not_quotes() -> None:
    assert find_spans("The 12\" pipe and the 5'11\" guard.") == []


def test_paragraphs_are_lines_or_blank_line_blocks() -> None:
    assert paragraphs("One.\n\nTwo.\n") == [(0, 4), (6, 10)]
    wrapped = "A long sentence that\nwraps here and\ncontinues.\n\nSecond block that\nalso wraps and\nends.\n"
    assert len(paragraphs(wrapped)) == 2


def test_unclosed_quote_ends_where_the_next_sentence_opens_a_quote() -> None:
    text = "“They help us with prayers and deeds. “This is a church with its people,” the president said.\n“Next.”"
    spans = find_spans(text)
    assert [(s.text, s.depth, s.continued) for s in spans] == [
        ("They help us with prayers and deeds.", 0, False),
        ("This is a church with its people,", 0, False),
        ("Next.", 0, False),
    ]


def test_unclosed_quote_is_cut_before_its_attribution_not_at_a_participle() -> None:
    assert texts('Mr Bruni said: "The pope used the term, suggested by his interviewer, to mean a truce.') == [
        "The pope used the term, suggested by his interviewer, to mean a truce."
    ]
    assert texts('"We will stay in the city, said Ms Ortiz on Monday.') == ["We will stay in the city,"]
    assert texts('"We will stay in the city, she said on Monday.') == ["We will stay in the city,"]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The tests, codenamed 'Operation Shakti, were widely known as 'Buddha Smiles Again'.\n'Peace Goes Through Power'",
            ["Buddha Smiles Again", "Peace Goes Through Power"],
        ),
        ("'We will fight on,\n'and we will win,' Mr Hughes said.", ["We will fight on,", "and we will win,"]),
    ],
)
def test_a_single_mark_left_open_before_a_single_quoted_span_is_no_quote(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ('Former secretary of state Maria Lund:"We learned that from the ministry."', ["We learned that from the ministry."]),
        ('said a shop owner who declined to be named."We were deceived into coming here."', ["We were deceived into coming here."]),
        ('He spoke warmly about"joint operations" and "cooperation" between them.', ["joint operations", "cooperation"]),
        ('Watch it at <a href="http://video.example.com">the site</a> tonight.', []),
        ('The centre is 6\'2" tall, his coach said.', []),
    ],
)
def test_a_straight_opening_mark_with_its_space_left_off(text: str, expected: list[str]) -> None:
    assert texts(text) == expected
