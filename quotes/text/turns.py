"""Split a transcript into speaker turns: ``HOLT: ...``, ``Mr. Trump: ...``, ``== date ==``.

A *turn label* opens a line and ends in a colon: a name in capitals (``TRUMP:``,
``THE PRESIDENT:``, ``Q:``), or a title and a name (``Mr. Trump:``, ``Sen. Kaine:``). A name
written in ordinary case without a title (``Clinton:``) is a label only in a transcript: when
the same label opens two lines or more, or other labelled lines make the text one. A transcript
names its speakers again and again, while a line of an article that happens to start with
``Update:`` does not recur.

Lines without a label continue the turn above them (a long answer is often several paragraphs).
A line ``== 2016-09-26 ==`` starts a *section* (one debate, one hearing) and belongs to no turn.
A text with no labels at all is cut into passages instead: blocks separated by blank lines, or
each line when there are no blank lines (the one-turn-a-line files a transcript is often
reduced to); their speaker is ``None``.

>>> text = "== 26 Sep ==\\nHOLT: Good evening.\\nTRUMP: Thank you, Lester.\\nOur jobs are fleeing.\\nHOLT: Secretary Clinton?"
>>> [(t.speaker, t.section, text[t.start:t.end]) for t in split_turns(text)]
[('HOLT', '26 Sep', 'Good evening.'), ('TRUMP', '26 Sep', 'Thank you, Lester.\\nOur jobs are fleeing.'), ('HOLT', '26 Sep', 'Secretary Clinton?')]
>>> turn_label("Mr. Trump: I will.")
('Mr. Trump', 11)
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Optional

from quotes.text.lexicon import HONORIFICS, TITLES

__all__ = ["Turn", "split_turns", "turn_label", "has_turn_labels", "MAX_LABEL_WORDS", "MIN_PLAIN_LABEL_REPEATS"]

MAX_LABEL_WORDS = 4
"""A speaker label is a name with at most a title before it ("THE VICE PRESIDENT", "Sen. Tim
Kaine"): four words; a longer run of capitals before a colon is a headline or a shouted phrase."""
MIN_PLAIN_LABEL_REPEATS = 2
"""A label in ordinary case with no title ("Clinton:") counts only when it opens this many lines."""

# "TRUMP:", "MR. TRUMP:", "THE PRESIDENT:", "Q:", "O'REILLY:"; the colon is followed by the words,
# or ends the line (the words on the lines below)
_CAPS_LABEL = re.compile(r"[ \t]*([A-Z][A-Z.'\u2019\- ]{0,40}?[A-Z.]|[A-Z])[ \t]*:(?:[ \t]+(?=\S)|[ \t]*$)")
# "Mr. Trump:", "Sen. Kaine:", "Clinton:", "Donald Trump:"
_NAME_LABEL = re.compile(r"[ \t]*((?:[A-Z][\w'\u2019\-]*\.?)(?:[ \t]+[A-Z][\w'\u2019\-]*\.?){0,3})[ \t]*:(?:[ \t]+(?=\S)|[ \t]*$)")
_SECTION = re.compile(r"[ \t]*={2,}[ \t]*(.*?)[ \t]*={2,}[ \t]*$")


@dataclass(frozen=True)
class Turn:
    """One speaker's turn (or one passage of an unlabelled text).

    ``start``/``end``: offsets of its words in the text (the label left out); ``speaker``: the
    label as written, ``None`` in an unlabelled text; ``section``: the ``== ... ==`` heading above it.
    """

    start: int
    end: int
    speaker: Optional[str] = None
    section: Optional[str] = None


def _label_words_ok(label: str) -> bool:
    words = label.replace(".", ". ").split()
    return 0 < len(words) <= MAX_LABEL_WORDS


def turn_label(line: str, *, plain_ok: bool = False) -> Optional[tuple[str, int]]:
    """The speaker label opening ``line`` and the offset where the turn's words start, or ``None``.

    ``plain_ok``: also accept a name in ordinary case without a title (``Clinton:``); a
    title and a name (``Mr. Trump:``) or capitals (``TRUMP:``) are always accepted.

    >>> turn_label("TRUMP: Wrong."), turn_label("Clinton: No."), turn_label("Clinton: No.", plain_ok=True)
    (('TRUMP', 7), None, ('Clinton', 9))
    >>> turn_label("The plan: cut taxes.", plain_ok=True) is None
    True
    """
    m = _CAPS_LABEL.match(line)
    if m and _label_words_ok(m.group(1)) and any(c.isalpha() for c in m.group(1)):
        return m.group(1).strip(), m.end()
    m = _NAME_LABEL.match(line)
    if not m or not _label_words_ok(m.group(1)):
        return None
    label = m.group(1).strip()
    first = label.split()[0].rstrip(".").lower()
    titled = (first in HONORIFICS or first in TITLES) and len(label.split()) > 1
    if titled or (plain_ok and first not in _NOT_NAMES):
        return label, m.end()
    return None


# sentence openers in ordinary case that are not names ("The plan: ...", "Update: ...")
_NOT_NAMES = frozenset("the a an this that these those it update note correction editor editors watch read see".split())


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every line, without its line break."""
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        yield pos, pos + len(body)
        pos += len(line)


def _plain_labels(text: str) -> Counter[str]:
    counts: Counter[str] = Counter()
    for s, e in _lines(text):
        hit = turn_label(text[s:e], plain_ok=True)
        if hit:
            counts[hit[0]] += 1
    return counts


def has_turn_labels(text: str) -> bool:
    """True when some line of ``text`` opens with a speaker label.

    >>> has_turn_labels("HOLT: Welcome.\\nCLINTON: Thank you."), has_turn_labels("Thank you.\\nWelcome.")
    (True, False)
    """
    return any(t.speaker is not None for t in split_turns(text))


def split_turns(text: str) -> list[Turn]:
    """The turns of a transcript, or the passages of an unlabelled text (see the module docstring).

    >>> t = "Q: Will you run?\\n\\nA: No.\\nQ: Why not?"
    >>> [(x.speaker, t[x.start:x.end]) for x in split_turns(t)]
    [('Q', 'Will you run?'), ('A', 'No.'), ('Q', 'Why not?')]
    >>> p = "One paragraph\\nwrapped.\\n\\nAnother one."
    >>> [p[x.start:x.end] for x in split_turns(p)]
    ['One paragraph\\nwrapped.', 'Another one.']
    """
    plain_counts = _plain_labels(text)
    repeated = {k for k, n in plain_counts.items() if n >= MIN_PLAIN_LABEL_REPEATS}
    lines = list(_lines(text))
    sure = [turn_label(text[s:e]) for s, e in lines]
    # once a text is a transcript (two labelled lines or more), a name label heard once counts too
    transcript = sum(1 for h in sure if h) + sum(plain_counts[k] for k in repeated) >= MIN_PLAIN_LABEL_REPEATS
    labelled: list[Optional[tuple[str, int]]] = []
    for (s, e), hit in zip(lines, sure):
        if hit is None:
            plain = turn_label(text[s:e], plain_ok=True)
            hit = plain if plain and (plain[0] in repeated or transcript) else None
        labelled.append(hit)
    if any(labelled):
        return _labelled_turns(text, lines, labelled)
    return _passages(text, lines)


def _labelled_turns(text: str, lines: list[tuple[int, int]], labels: list[Optional[tuple[str, int]]]) -> list[Turn]:
    turns: list[Turn] = []
    section: Optional[str] = None
    cur: Optional[list] = None  # [start, end, speaker]

    def close() -> None:
        if cur is not None and cur[1] > cur[0]:
            turns.append(Turn(cur[0], cur[1], cur[2], section))

    for (s, e), hit in zip(lines, labels):
        line = text[s:e]
        sec = _SECTION.match(line)
        if sec:
            close()
            cur, section = None, sec.group(1) or None
            continue
        if hit is not None:
            close()
            begin = min(s + hit[1], e)
            cur = [begin, _rstrip_end(text, begin, e), hit[0]]
        elif line.strip():
            if cur is None:  # words before the first label: a heading or an introduction
                cur = [s + len(line) - len(line.lstrip()), _rstrip_end(text, s, e), None]
            else:
                if cur[1] <= cur[0]:  # a label alone on its line: the words start here
                    cur[0] = s + len(line) - len(line.lstrip())
                cur[1] = _rstrip_end(text, s, e)
    close()
    return turns


def _passages(text: str, lines: list[tuple[int, int]]) -> list[Turn]:
    blank_separated = any(not text[s:e].strip() for s, e in lines)
    turns: list[Turn] = []
    section: Optional[str] = None
    start: Optional[int] = None
    end = 0
    for s, e in lines:
        line = text[s:e]
        sec = _SECTION.match(line)
        if sec or not line.strip():
            if start is not None:
                turns.append(Turn(start, end, None, section))
                start = None
            if sec:
                section = sec.group(1) or None
            continue
        if start is not None and not blank_separated:
            turns.append(Turn(start, end, None, section))
            start = None
        if start is None:
            start = s + len(line) - len(line.lstrip())
        end = _rstrip_end(text, s, e)
    if start is not None:
        turns.append(Turn(start, end, None, section))
    return turns


def _rstrip_end(text: str, s: int, e: int) -> int:
    while e > s and text[e - 1].isspace():
        e -= 1
    return e
