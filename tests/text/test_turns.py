"""split_turns / turn_label: transcripts cut into speaker turns."""

from __future__ import annotations

from quotes.text.turns import has_turn_labels, split_turns, turn_label

TRANSCRIPT = """Transcript of the second gubernatorial debate, as delivered.

== 2024-10-17 ==
MODERATOR: Good evening. Mr. Okafor, you won the toss.
Mr. Okafor: Thank you. I want to talk about the bridge.
It has been closed for two years.
Ms. Lindqvist: And whose fault is that?
MODERATOR: Please, let him finish. (APPLAUSE)
Mr. Okafor: The bridge will be open by the spring.
== 2024-10-24 ==
O'BRIEN: Welcome to the third debate.
"""


def texts(text: str) -> list[tuple[str | None, str | None, str]]:
    return [(t.speaker, t.section, text[t.start : t.end]) for t in split_turns(text)]


def test_labels_titles_and_continuation_lines() -> None:
    assert texts(TRANSCRIPT) == [
        (None, None, "Transcript of the second gubernatorial debate, as delivered."),
        ("MODERATOR", "2024-10-17", "Good evening. Mr. Okafor, you won the toss."),
        ("Mr. Okafor", "2024-10-17", "Thank you. I want to talk about the bridge.\nIt has been closed for two years."),
        ("Ms. Lindqvist", "2024-10-17", "And whose fault is that?"),
        ("MODERATOR", "2024-10-17", "Please, let him finish. (APPLAUSE)"),
        ("Mr. Okafor", "2024-10-17", "The bridge will be open by the spring."),
        ("O'BRIEN", "2024-10-24", "Welcome to the third debate."),
    ]


def test_plain_names_count_only_when_they_recur() -> None:
    once = "Update: the council met on Tuesday.\nThe vote was close."
    assert not has_turn_labels(once)
    assert texts(once) == [(None, None, "Update: the council met on Tuesday."), (None, None, "The vote was close.")]
    twice = "Okafor: We will open it.\nLindqvist: You said that last year.\nOkafor: And I meant it."
    assert [s for s, _, _ in texts(twice)] == ["Okafor", "Lindqvist", "Okafor"]


def test_a_sentence_with_a_colon_is_no_label() -> None:
    assert turn_label("The plan: cut taxes and build roads.") is None
    assert turn_label("THE PLAN IS SIMPLE AND IT WILL WORK FOR EVERYONE: cut taxes.") is None  # too long for a name
    assert turn_label("12:30 the doors open") is None
    assert turn_label("HOLT: Good evening.") == ("HOLT", 6)
    assert turn_label("THE PRESIDENT: Thank you.") == ("THE PRESIDENT", 15)
    assert turn_label("Sen. Kaine: I disagree.") == ("Sen. Kaine", 12)


def test_unlabelled_text_is_cut_into_passages() -> None:
    one_a_line = "== 2016-09-26 ==\nFirst answer.\nSecond answer.\n== 2016-10-09 ==\nThird answer."
    assert texts(one_a_line) == [(None, "2016-09-26", "First answer."), (None, "2016-09-26", "Second answer."), (None, "2016-10-09", "Third answer.")]
    paragraphs = "The minister spoke\nat length.\n\nShe then left."
    assert [t for _, _, t in texts(paragraphs)] == ["The minister spoke\nat length.", "She then left."]
    assert split_turns("") == []


def test_a_label_alone_on_its_line() -> None:
    text = "HOLT:\nGood evening from Hofstra.\nCLINTON:\nThank you.\nIt is good to be here."
    assert texts(text) == [("HOLT", None, "Good evening from Hofstra."), ("CLINTON", None, "Thank you.\nIt is good to be here.")]
