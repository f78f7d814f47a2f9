"""Find quotation-mark spans in raw text: the first stage of quote finding.

Works on characters only, so it is engine-independent and never fails:

* straight ``"`` and curly ``“ ”`` double quotes, ``« »``, ``„ “``, and curly ``‘ ’`` / straight ``'``
  single quotes used as outer marks; nesting (a single-quoted title inside a double-quoted
  quote, or the British way round);
* apostrophes (``Korea’s``, ``don't``, ``’90s``) are never marks;
* the newspaper convention for a quote running over several paragraphs: each paragraph but the
  last opens with a mark and is left unclosed;
* mixed mark styles: a quote opened with a curly single mark and closed with a double one
  (``‘…”``, ``‘…"``) is one quote, not the start of a span that swallows the next ones;
* an unbalanced mark is confined to its paragraph: it never swallows the rest of the article and
  never hides the other quotes.

>>> [s.text for s in find_spans('He said "we will win" and left.')]
['we will win']
"""

from __future__ import annotations

import re
from typing import Optional

from pydantic import BaseModel

from quotes.text.lexicon import PERSON_PRONOUNS, reporting_lemma
from quotes.text.paragraphs import paragraphs

DOUBLE_OPEN = "“„«‟"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘‚‹"
SINGLE_CLOSE = "’›"
STRAIGHT_DOUBLE = '"'
STRAIGHT_SINGLE = "'"
ALL_MARKS = DOUBLE_OPEN + DOUBLE_CLOSE + SINGLE_OPEN + SINGLE_CLOSE + STRAIGHT_DOUBLE + STRAIGHT_SINGLE

_OPEN_CONTEXT = "([{—–-/" + DOUBLE_OPEN + SINGLE_OPEN + STRAIGHT_DOUBLE + STRAIGHT_SINGLE
_CLOSE_CONTEXT = ".,;:!?)]}—–-…" + DOUBLE_CLOSE + SINGLE_CLOSE + STRAIGHT_DOUBLE + STRAIGHT_SINGLE
_ATTRIBUTION_AFTER_COMMA = re.compile(r",\s+((?:[\w.’'-]+\s+){0,4}[\w’'-]+)")


class QuoteSpan(BaseModel):
    """The characters between an opening mark and its closing mark (or its paragraph's end)."""

    text: str
    start: int
    end: int
    open_mark: int
    close_mark: int | None
    depth: int
    paragraph: int
    continues: bool = False
    """True when this span continues a quote left open at the end of the previous paragraph."""
    continued: bool = False
    """True when this span is left open because the next paragraph carries the quote on."""


def _family(ch: str) -> str:
    return "d" if ch in DOUBLE_OPEN + DOUBLE_CLOSE + STRAIGHT_DOUBLE else "s"


def _role(text: str, i: int, lo: int, hi: int) -> tuple[bool, bool]:
    """(can open, can close) for the mark at ``i`` judged by its neighbours in ``text[lo:hi]``."""
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    can_open = (prev.isspace() or prev in _OPEN_CONTEXT) and not nxt.isspace()
    can_close = not prev.isspace() and (nxt.isspace() or nxt in _CLOSE_CONTEXT)
    return can_open, can_close


class _Open:
    __slots__ = ("pos", "family", "glyph")

    def __init__(self, pos: int, family: str, glyph: str) -> None:
        self.pos, self.family, self.glyph = pos, family, glyph


def _scan_paragraph(text: str, lo: int, hi: int) -> tuple[list[tuple[int, int, int]], list[_Open]]:
    """Pair marks inside one paragraph: (open, close, depth) triples and the openers left over."""
    stack: list[_Open] = []
    pairs: list[tuple[int, int, int]] = []

    def close(family: str, pos: int) -> bool:
        for depth in range(len(stack) - 1, -1, -1):
            if stack[depth].family == family:
                pairs.append((stack[depth].pos, pos, depth))
                del stack[depth:]  # openers above it were apostrophes or strays
                return True
        return False

    def top_is(family: str) -> bool:
        return bool(stack) and stack[-1].family == family

    def is_open(family: str) -> bool:
        return any(o.family == family for o in stack)

    for i in range(lo, hi):
        ch = text[i]
        if ch not in ALL_MARKS:
            continue
        can_open, can_close = _role(text, i, lo, hi)
        prev = text[i - 1] if i > lo else " "
        nxt = text[i + 1] if i + 1 < hi else " "
        if ch in DOUBLE_OPEN:
            if ch == "“" and top_is("d") and stack[-1].glyph == "„":
                close("d", i)  # German „…“
            elif can_close and not can_open and is_open("d"):
                close("d", i)
            else:
                stack.append(_Open(i, "d", ch))
        elif ch in DOUBLE_CLOSE:
            if can_open and not can_close and not is_open("d"):
                stack.append(_Open(i, "d", ch))  # ”…” typesetting
            elif can_close and not is_open("d") and top_is("s") and stack[-1].glyph in SINGLE_OPEN:
                close("s", i)  # ‘…” : one mark style opens, another closes
            elif not close("d", i) and can_open:
                stack.append(_Open(i, "d", ch))
        elif ch == STRAIGHT_DOUBLE:
            if can_open and not can_close:
                stack.append(_Open(i, "d", ch))
            elif can_close and not can_open and not is_open("d") and top_is("s") and stack[-1].glyph in SINGLE_OPEN:
                close("s", i)  # ‘…" : one mark style opens, another closes
            elif can_close and not can_open:
                close("d", i)
            elif is_open("d"):
                close("d", i)
            elif not can_close and _opens_unspaced(text, i, hi):
                stack.append(_Open(i, "d", ch))  # Clinton:"We learned ..." with its space left off
        elif prev.isalnum() and nxt.isalnum():
            continue  # apostrophe inside a word: Korea’s, don't
        elif ch in SINGLE_OPEN or (ch == STRAIGHT_SINGLE and can_open and not can_close):
            if can_open and nxt.isalnum() or ch in "‚‹":
                stack.append(_Open(i, "s", ch))
        elif can_close and is_open("s"):
            if prev in "sS" and nxt == " " and _plural_possessive(text, i, hi):
                continue  # "the drivers’ representatives", with the real closing mark still to come
            close("s", i)
    return pairs, stack


def _opens_unspaced(text: str, i: int, hi: int) -> bool:
    """A straight double mark glued to the word before it and to a word after it, with no double
    quote open (``Clinton:"We learned``, ``authorities."We basically``): an opening mark whose
    space was left off, when a closing straight mark follows later in the paragraph."""
    nxt = text[i + 1] if i + 1 < hi else " "
    if text[i - 1 : i] == "=":
        return False  # an HTML attribute left in the text: <a href="...">
    return (nxt.isalnum() or nxt in "[(") and STRAIGHT_DOUBLE in text[i + 1 : hi]


def _plural_possessive(text: str, i: int, hi: int) -> bool:
    """A ’ after -s, followed by a lower-case word, with another closing single mark later on."""
    if not text[i + 2 : i + 3].islower():
        return False
    for j in range(i + 1, hi):
        if text[j] in "’'" and not text[j - 1].isspace() and not (text[j - 1].isalnum() and j + 1 < hi and text[j + 1].isalnum()):
            if j + 1 >= hi or text[j + 1].isspace() or text[j + 1] in _CLOSE_CONTEXT:
                return True
    return False


def _cut_at_attribution(text: str, start: int, end: int) -> int:
    """Where a quote whose closing mark was left off ends: before ", said X" / ", X said"."""
    for match in _ATTRIBUTION_AFTER_COMMA.finditer(text, start, end):
        words = match.group(1).split()
        for k, word in enumerate(words):
            if reporting_lemma(word.strip(".,;:")) is not None and word[:1].islower():
                if k == 0:
                    # ", said Smith" names its speaker right after the verb; ", suggested by his
                    # interviewer" is a participle inside the quote
                    rest = text[match.end() : end].split(maxsplit=1)
                    after = words[1] if len(words) > 1 else (rest[0] if rest else "")
                    if after[:1].isupper() or after.lower() in PERSON_PRONOUNS:
                        return match.start() + 1
                elif all(w[:1].isupper() or w.lower() in PERSON_PRONOUNS for w in words[:k]):
                    return match.start() + 1
                break
    return end


def _holds_its_own_family(text: str, outer: "_Open", pairs: list[tuple[int, int, int]]) -> bool:
    """True when a single mark left open is followed in its paragraph by a closed single-quoted span.

    Quotes nest by alternating mark families ("…‘…’…", ‘…“…”…’), so a single-quoted span after an
    unclosed single mark is not inside it: the mark's own close was left off ("codenamed 'Operation
    Shakti, but widely known as 'Buddha Smiles Again'"), and where its quote ends is unknown.
    """
    return outer.family == "s" and any(o > outer.pos and _family(text[o]) == "s" for o, _c, _d in pairs)


def _sentence_opener_after(text: str, pos: int, family: str, hi: int, pairs: list[tuple[int, int, int]]) -> Optional[int]:
    """The first opening mark of ``family`` after ``pos`` that starts a new sentence (". “B"), if any.

    An opener left unclosed ends there: "“They support us with deeds. “This is a church,” he said"
    is two quotes, the first with its closing mark left off, not one holding the other.
    """
    for open_at, _close_at, _depth in sorted(pairs):
        if open_at <= pos or open_at >= hi or _family(text[open_at]) != family:
            continue
        before = text[pos + 1 : open_at].rstrip()
        if before and before[-1] in ".!?…":
            return open_at
    return None


def find_spans(text: str) -> list[QuoteSpan]:
    """Every quotation-mark span in ``text``, in text order (outer spans before the ones they contain).

    >>> [(s.text, s.depth) for s in find_spans('“It is a ‘test’,” she said.')]
    [('It is a ‘test’,', 0), ('test', 1)]
    """
    paras = paragraphs(text)
    spans: list[QuoteSpan] = []
    carried: set[int] = set()  # paragraphs that continue a quote from the paragraph before
    for p_index, (lo, hi) in enumerate(paras):
        pairs, left = _scan_paragraph(text, lo, hi)
        for open_at, close_at, depth in pairs:
            _add(spans, text, open_at + 1, close_at, open_at, close_at, depth, p_index, p_index in carried and open_at == lo)
        if not left:
            continue
        outer = left[0]
        nxt = paras[p_index + 1] if p_index + 1 < len(paras) else None
        next_opens = nxt is not None and text[nxt[0]] in ALL_MARKS and _family(text[nxt[0]]) == outer.family
        inside_pair = any(o < outer.pos < c for o, c, _ in pairs)
        if inside_pair or _holds_its_own_family(text, outer, pairs):
            continue
        opener = _sentence_opener_after(text, outer.pos, outer.family, hi, pairs)
        if opener is not None:
            next_opens = False  # the quote ended where the next one opens, not at the paragraph end
        if next_opens:
            carried.add(p_index + 1)
        elif outer.family != "d" or outer.pos + 1 >= hi or not _role(text, outer.pos, lo, hi)[0]:
            continue  # a stray single mark or a mark with nothing after it: not a quote
        if next_opens:
            end = hi
        else:
            end = _cut_at_attribution(text, outer.pos + 1, opener if opener is not None else hi)
        _add(spans, text, outer.pos + 1, end, outer.pos, None, 0, p_index, p_index in carried and outer.pos == lo, next_opens)
    spans.sort(key=lambda s: (s.start, -s.end))
    # Depth is containment in the spans kept: an outer quote cut short or dropped leaves its
    # former inner quotes at the top level.
    open_spans: list[QuoteSpan] = []
    for span in spans:
        while open_spans and not (open_spans[-1].open_mark < span.open_mark and span.end <= open_spans[-1].end):
            open_spans.pop()
        span.depth = len(open_spans)
        open_spans.append(span)
    return spans


def _add(
    spans: list[QuoteSpan],
    text: str,
    start: int,
    end: int,
    open_at: int,
    close_at: int | None,
    depth: int,
    paragraph: int,
    continues: bool,
    continued: bool = False,
) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        return
    spans.append(
        QuoteSpan.model_construct(
            text=text[start:end],
            start=start,
            end=end,
            open_mark=open_at,
            close_mark=close_at,
            depth=depth,
            paragraph=paragraph,
            continues=continues,
            continued=continued,
        )
    )
