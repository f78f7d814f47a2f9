"""Terminal tables (rich): quote rows, align groups, verify results, search hits."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from rich.cells import cell_len

from quotes.io.inputs import iter_quote_rows
from quotes.io.tables import (
    Table,
    diff_markup,
    shorten,
    use_color,
    write_group_table,
    write_hits_table,
    write_verify_table,
)
from quotes.models import (
    DiffOp,
    DriftReason,
    Quote,
    QuoteGroup,
    VerifyResult,
)
from quotes.run.pipeline import align_paths
from quotes.store.search import Rendering, SearchHit

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "fixtures" / "align" / "found_sample.jsonl"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def quote(article: str, text: str, speaker: str, index: int = 0, **extra: object) -> Quote:
    return Quote(article=article, text=text, start=0, end=len(text), kind="speech", speaker=speaker, index=index, **extra)  # type: ignore[arg-type]


def test_columns_line_up_with_wide_characters() -> None:
    rows = [quote("kcna", "우리는 끝까지 싸울 것이다", "김정은"), quote("bbc", "We will fight to the end", "Kim Jong Un", 1)]
    table = Table.for_rows(rows, width=100)
    lines = [table.header(), *table.lines(rows)]
    assert lines[1].startswith("kcna ") and lines[2].startswith("bbc ")
    # the CONF column ends at the same terminal cell on every line, whatever the speaker's script
    ends = [cell_len(line[: line.index(conf) + len(conf)]) for line, conf in zip(lines, ["CONF", "0.00", "0.00"], strict=True)]
    assert len(set(ends)) == 1
    assert all(cell_len(line) <= 100 for line in lines)


def test_line_and_lines_agree() -> None:
    rows = [r for r in iter_quote_rows(str(SAMPLE)) if not isinstance(r, Exception)]
    table = Table.for_rows(rows, width=100)
    assert table.lines(rows) == [table.line(r) for r in rows]
    assert len(table.lines(rows)) == 10


def test_shorten_cuts_at_a_word_edge_and_marks_it() -> None:
    assert shorten("advance non-stop, whatever happens", 18) == "advance non-stop,…"
    assert shorten("a  b\n c", 10) == "a b c"
    assert shorten("abc", 0) == ""


def test_diff_markup_marks_deletions_insertions_and_cut_ends() -> None:
    ops = [DiffOp(op="delete", a="This was"), DiffOp(op="equal", a="proved by", b="proved by"),
           DiffOp(op="replace", a="the heroic", b="a valiant"), DiffOp(op="insert", b="and brave"),
           DiffOp(op="delete", a="participation")]
    text = diff_markup(ops)
    assert text.plain == "… proved by [-the heroic-]{+a valiant+} {+and brave+} …"
    styles = {text.plain[s.start:s.end]: str(s.style) for s in text.spans}
    assert styles["[-the heroic-]"] == "red" and styles["{+and brave+}"] == "green"


@pytest.fixture(scope="module")
def groups() -> list[QuoteGroup]:
    return align_paths([str(SAMPLE)], semantic=False).groups


def test_group_table_plain_when_not_coloured(groups: list[QuoteGroup], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "120")
    out = io.StringIO()
    write_group_table(groups, out, color=False, total_quotes=9)
    text = out.getvalue()
    assert "\x1b[" not in text
    lines = text.splitlines()
    heads = [line for line in lines if "renderings in" in line]
    assert heads == [line for line in lines if not line.startswith(" ") and line and "group" not in line]
    assert [h.split(" — ")[1].split("  ")[0] for h in heads] == ["3 renderings in 2 articles", "4 renderings in 2 articles", "2 renderings in 2 articles"]
    assert lines[1].split() == ["reference", "000_f0527c374ae16ed0#0", "Kim", "Jong-un", "advance", "non-stop,"]
    assert "[-fully proved-]{+evidenced+}" in text and "↳ qualifier: qualifier dropped: fully" in text
    assert lines[-1] == "3 groups across articles (9 quotes); 0 of 9 quotes have no counterpart in another article; signals: lexical"
    assert all(line == line.rstrip() for line in lines)


def test_group_table_coloured_on_a_terminal(groups: list[QuoteGroup], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "120")
    plain, coloured = io.StringIO(), io.StringIO()
    write_group_table(groups, plain, color=False, total_quotes=9)
    write_group_table(groups, coloured, color=True, total_quotes=9)
    assert "\x1b[31m[-fully proved-]" in coloured.getvalue()  # deletions in red
    assert ANSI.sub("", coloured.getvalue()) == plain.getvalue()


def test_verify_table_blocks_and_summary(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    q = quote("bbc", "We will never give up", "Linda Ortiz", 3)
    results = [
        VerifyResult(quote=q, status="verbatim", score=1.0, source="debate.txt"),  # one source: not named on each block
        VerifyResult(quote=q.model_copy(update={"index": 4}), status="drift", score=0.8, source="debate.txt",
                     diff=[DiffOp(op="equal", a="We will", b="We will"), DiffOp(op="replace", a="always", b="never"), DiffOp(op="equal", a="give up", b="give up")],
                     reasons=[DriftReason(code="negation", detail="negation added: never")]),
    ]
    out = io.StringIO()
    write_verify_table(results, out, color=False)
    assert out.getvalue().splitlines() == [
        "  verbatim      bbc#3  Linda Ortiz  conf 1.00",
        "    We will never give up",
        "  drift         bbc#4  Linda Ortiz  conf 1.00",
        "    We will [-always-]{+never+} give up",
        "    ↳ negation: negation added: never",
        "2 quotes checked: 1 verbatim, 1 drift",
    ]


def test_verify_table_says_where_and_how_sure(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    q = quote("bbc", "We will always win the war", "Linda Ortiz", 3)
    results = [
        VerifyResult(quote=q, status="drift", score=0.8, confidence=0.87, source="debate.txt",
                     source_speaker="ORTIZ", source_section="October 9, 2016",
                     diff=[DiffOp(op="equal", a="We will", b="We will"), DiffOp(op="insert", a="", b="always"),
                           DiffOp(op="equal", a="win the war", b="win the war")]),
        VerifyResult(quote=q.model_copy(update={"index": 4}), status="not_found", score=0.4, confidence=0.91,
                     source="rally.txt", candidate_text="we will win the\nelection", evidence="2 of 4 content words aligned"),
    ]
    out = io.StringIO()
    write_verify_table(results, out, color=False)
    assert out.getvalue().splitlines() == [
        "  drift         bbc#3  Linda Ortiz  conf 0.87",
        "    We will {+always+} win the war",
        "    in debate.txt, turn ORTIZ, section October 9, 2016",
        "  not_found     bbc#4  Linda Ortiz  conf 0.91",
        "    We will always win the war",
        "    in rally.txt",
        "    closest: \u201cwe will win the election\u201d",
        "    · 2 of 4 content words aligned",
        "2 quotes checked: 1 drift, 1 not found",
    ]


def test_hits_table(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    other = Rendering(article="cnn", text="advance nonstop", start=0, end=15, kind="fragment", index=2, variant="orthographic", outlet="CNN")
    hit = SearchHit(article="bbc", text="advance non-stop,", start=0, end=17, kind="fragment", speaker="Kim Jong Un", index=0,
                    cluster="g1", variant="reference", outlet="BBC", match=1.0, variants=[other])
    out = io.StringIO()
    write_hits_table([hit], out)
    assert out.getvalue().splitlines() == [
        " 1. 1.00  Kim Jong Un  bbc#0 (BBC)",
        "    \u201cadvance non-stop,\u201d",
        "    group g1 (reference), 1 other rendering:",
        "      orthographic cnn#2 (CNN)  \u201cadvance nonstop\u201d",
    ]


def test_colour_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert use_color(Terminal()) is True
    assert use_color(io.StringIO()) is False
    monkeypatch.setenv("NO_COLOR", "1")
    assert use_color(Terminal()) is False
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("TERM", "dumb")
    assert use_color(Terminal()) is False
