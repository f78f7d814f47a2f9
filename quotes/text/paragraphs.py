"""The one paragraph splitter: every stage that numbers paragraphs (``Quote.paragraph``, the
report's "¶N" labels) uses :func:`paragraphs`, so the numbers agree."""

from __future__ import annotations

__all__ = ["paragraphs"]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Character ranges of the paragraphs of ``text``, without surrounding whitespace.

    A paragraph is a line; but where the text is hard-wrapped (blank lines between blocks and
    lines that mostly break mid-sentence), a paragraph is a blank-line-separated block.

    >>> paragraphs("One.\\nTwo.")
    [(0, 4), (5, 9)]
    """
    lines: list[tuple[int, int]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        lines.append((pos, pos + len(body)))
        pos += len(line)
    if _hard_wrapped(text, lines):
        return _blocks(text, lines)
    return [_strip(text, s, e) for s, e in lines if text[s:e].strip()]


def _hard_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    nonblank = [(s, e) for s, e in lines if text[s:e].strip()]
    if len(nonblank) < 4 or len(nonblank) == len(lines):
        return False
    open_ended = sum(1 for s, e in nonblank if text[s:e].rstrip()[-1:] not in ".!?:\"”’»'")
    return open_ended / len(nonblank) > 0.5


def _blocks(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    blocks: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    for s, e in lines:
        if not text[s:e].strip():
            if current:
                blocks.append(_strip(text, *current))
            current = None
        else:
            current = (current[0], e) if current else (s, e)
    if current:
        blocks.append(_strip(text, *current))
    return blocks


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
