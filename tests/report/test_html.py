"""Tests of quotes.report.html and ``quotes report``: the HTML is parsed and checked against the data.

The input is hand-built from seeds/002 and seeds/003 (fixtures/report/putin_letter.json: the
gold groups of the Putin letter with hand-written word diffs), so these tests need no language
model; the end-to-end test at the bottom runs the real find → align → report pipeline.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from typing import Optional

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from quotes.cli.app import app
from quotes.errors import QuotesError
from quotes.models import AlignedQuote, Article, DiffOp, DriftReason, Quote, QuoteGroup
from quotes.report.html import (
    diff_html,
    render_report,
    select_speaker,
    summarize,
    write_report,
)

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "fixtures" / "report" / "putin_letter.json"
HOSTILE = ROOT / "fixtures" / "report" / "hostile.txt"


# --- a small DOM over html.parser (the standard library has no tree builder) ------------------

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Node:
    def __init__(self, tag: str, attrs: dict[str, Optional[str]], parent: Optional["Node"]) -> None:
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list["Node | str"] = []

    @property
    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self):
        yield self
        for c in self.children:
            if isinstance(c, Node):
                yield from c.iter()

    def find_all(self, tag: Optional[str] = None, cls: Optional[str] = None, **attrs: str) -> list["Node"]:
        return [
            n for n in list(self.iter())[1:]
            if (tag is None or n.tag == tag) and (cls is None or cls in n.classes)
            and all(n.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items())
        ]

    def find(self, tag: Optional[str] = None, cls: Optional[str] = None, **attrs: str) -> "Node":
        found = self.find_all(tag, cls, **attrs)
        assert found, f"no <{tag} class={cls} {attrs}>"
        return found[0]

    def ancestors(self):
        n = self.parent
        while n is not None:
            yield n
            n = n.parent


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {}, None)
        self.cur = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs), self.cur)
        self.cur.children.append(node)
        if tag not in VOID:
            self.cur = node

    def handle_endtag(self, tag):
        n = self.cur
        while n is not None and n.tag != tag:
            n = n.parent
        assert n is not None, f"stray </{tag}>"
        self.cur = n.parent

    def handle_data(self, data):
        self.cur.children.append(data)


def parse(page: str) -> Node:
    b = _Builder()
    b.feed(page)
    b.close()
    assert b.cur is b.root, f"unclosed <{b.cur.tag}>"
    return b.root


def words(text: str) -> list[str]:
    return text.split()


# --- input ----------------------------------------------------------------------------------------


def load_fixture() -> tuple[list[QuoteGroup], dict[str, Article], list[Quote]]:
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    articles = {}
    for a in data["articles"]:
        path = ROOT / a["path"]
        articles[path.stem] = Article(id=path.stem, text=path.read_text(encoding="utf-8"), source=a["path"])
    return (
        [QuoteGroup.model_validate(g) for g in data["groups"]],
        articles,
        [Quote.model_validate(q) for q in data["quotes"]],
    )


@pytest.fixture(scope="module")
def data():
    return load_fixture()


@pytest.fixture(scope="module")
def page(data) -> str:
    return render_report(*data)


@pytest.fixture(scope="module")
def dom(page) -> Node:
    return parse(page)


def card(dom: Node, quote_id: str) -> Node:
    return dom.find("figure", data_quote=quote_id)


def test_fixture_is_true_to_the_seeds(data):
    groups, articles, quotes = data
    for q in quotes + [m for g in groups for m in g.members]:
        assert articles[q.article].text[q.start : q.end] == q.text
    for g in groups:
        for m in g.members[1:]:
            assert words(" ".join(op.a for op in m.diff)) == words(g.reference.text)
            assert words(" ".join(op.b for op in m.diff)) == words(m.text)


# --- the header -----------------------------------------------------------------------------------


def test_header_counts_are_the_counts_of_the_data(data, dom):
    groups, articles, quotes = data
    shown = {(q.article, q.index) for q in quotes if q.kind != "name"} | {(m.article, m.index) for g in groups for m in g.members}
    expected = {
        "speakers": len({q.speaker for q in quotes if q.speaker}),  # one spelling per person in these two articles
        "groups": len(groups),
        "quotes": len(shown),
        "drift": sum(m.variant == "drift" for g in groups for m in g.members),
        "misattributed": 0,
        "articles": len({a for a, _ in shown}),
    }
    got = {n.attrs["data-count"]: int(n.text()) for n in dom.find_all("dd") if "data-count" in n.attrs}
    assert got == expected == {"speakers": 3, "groups": 4, "quotes": 14, "drift": 1, "misattributed": 0, "articles": 2}
    assert summarize(*[data[0], data[2], data[1]]).model_dump() == expected
    # and the page shows what the header says
    assert len(dom.find_all("article", cls="group")) == expected["groups"]
    cards = dom.find_all("figure", cls="rendering") + dom.find_all("li", cls="singleton")
    assert len(cards) == expected["quotes"]
    assert len(dom.find_all("section", cls="speaker")) == expected["speakers"]


# --- groups and diffs -----------------------------------------------------------------------------


def test_each_group_shows_its_renderings_reference_first(data, dom):
    groups, _, _ = data
    for g in groups:
        node = dom.find("article", cls="group", data_group=g.id)
        shown = [f.attrs["data-quote"] for f in node.find_all("figure", cls="rendering")]
        assert shown[0] == g.reference.id
        assert sorted(shown) == sorted(m.id for m in g.members)
        first = node.find("figure", cls="rendering")
        assert "r-reference" in first.classes
        assert words(first.find("blockquote").text()) == words(g.reference.text)


def test_highlighted_words_are_exactly_the_changed_words(data, dom):
    groups, _, _ = data
    checked = 0
    for g in groups:
        for m in g.members[1:]:
            node = card(dom, m.id).find("blockquote")
            added = [w for n in node.find_all("ins", cls="d-ins") for w in words(n.text())]
            removed = [w for n in node.find_all("del", cls="d-del") for w in words(n.text())]
            cut = [w for n in node.find_all("del", cls="d-cut") for w in words(n.text())]
            old = [w for n in node.find_all("del", cls="d-rep") for w in words(n.text())]
            new = [w for n in node.find_all("ins", cls="d-rep") for w in words(n.text())]
            deleted = [i for i, op in enumerate(m.diff) if op.op == "delete"]
            kept = [i for i, op in enumerate(m.diff) if op.op != "delete"]
            edge = [i for i in deleted if i < kept[0] or i > kept[-1]]
            assert added == [w for op in m.diff if op.op == "insert" for w in words(op.b)]
            assert removed == [w for i in deleted if i not in edge for w in words(m.diff[i].a)]
            assert cut == [w for i in edge for w in words(m.diff[i].a)]
            assert old == [w for op in m.diff if op.op == "replace" for w in words(op.a)]
            assert new == [w for op in m.diff if op.op == "replace" for w in words(op.b)]
            # the words a reader sees outside <del> are the rendering as printed
            visible = "".join(c if isinstance(c, str) else ("" if c.tag == "del" else c.text()) for c in node.children)
            assert words(visible) == words(m.text)
            checked += 1
    assert checked == 7


def test_drift_card_shows_its_words_and_reasons(dom):
    drift = card(dom, "002_4f95f9a0b5d53731#2")
    assert "r-drift" in drift.classes
    assert [n.text() for n in drift.find_all("del", cls="d-rep")][0] == "fully proved"
    assert [n.text() for n in drift.find_all("ins", cls="d-rep")][0] == "evidenced"
    assert [n.attrs["data-code"] for n in drift.find_all("li", cls="reason")] == ["qualifier", "wording"]
    assert drift.find("span", cls="v-drift").text() == "drift"
    group = next(a for a in drift.ancestors() if a.tag == "article")
    assert group.attrs["data-drift"] == "1" and "has-drift" in group.classes


def test_diff_uses_printed_words_when_align_diffed_normalised_words():
    ref = Quote(article="a", text="We will NOT raise taxes,", start=0, end=24, kind="speech")
    var = AlignedQuote(
        article="b", text="We will raise taxes", start=0, end=19, kind="speech", variant="drift",
        diff=[DiffOp(op="equal", a="we will", b="we will"), DiffOp(op="delete", a="not"),
              DiffOp(op="equal", a="raise taxes", b="raise taxes")],
        reasons=[DriftReason(code="negation", detail='"not" dropped', a="not")],
    )
    out = parse(diff_html(var, ref))
    assert out.find("del", cls="d-del").text() == "NOT"
    assert words(out.text()) == ["We", "will", "NOT", "raise", "taxes"]


_word = st.text(alphabet="abcXYZ<>&'\"é,.", min_size=1, max_size=6)
_phrase = st.lists(_word, min_size=1, max_size=4).map(" ".join)
_op = st.one_of(
    st.builds(lambda w: DiffOp(op="equal", a=w, b=w), _phrase),
    st.builds(lambda w: DiffOp(op="insert", b=w), _phrase),
    st.builds(lambda w: DiffOp(op="delete", a=w), _phrase),
    st.builds(lambda a, b: DiffOp(op="replace", a=a, b=b), _phrase, _phrase),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_op, min_size=1, max_size=8))
def test_any_diff_highlights_exactly_its_changed_words(ops):
    assume(any(op.a for op in ops) and any(op.b for op in ops))  # both renderings have words
    ref_text = " ".join(op.a for op in ops if op.a)
    var_text = " ".join(op.b for op in ops if op.b)
    ref = Quote(article="a", text=ref_text, start=0, end=len(ref_text), kind="speech")
    var = AlignedQuote(article="b", text=var_text, start=0, end=len(var_text), kind="speech", variant="translation", diff=ops)
    out = parse("<div>" + diff_html(var, ref) + "</div>")
    if all(op.op == "equal" for op in ops):
        assert out.text() == var_text
        return
    kept = [i for i, op in enumerate(ops) if op.op != "delete"]
    edge = [i for i, op in enumerate(ops) if op.op == "delete" and kept and (i < kept[0] or i > kept[-1])]

    def shown(tag: str, cls: str) -> list[str]:
        return [w for n in out.find_all(tag, cls=cls) for w in words(n.text())]

    assert shown("ins", "d-ins") == [w for op in ops if op.op == "insert" for w in words(op.b)]
    assert shown("del", "d-del") == [w for i, op in enumerate(ops) if op.op == "delete" and i not in edge for w in words(op.a)]
    assert shown("del", "d-cut") == [w for i in edge for w in words(ops[i].a)]
    assert shown("del", "d-rep") == [w for op in ops if op.op == "replace" for w in words(op.a)]
    assert shown("ins", "d-rep") == [w for op in ops if op.op == "replace" for w in words(op.b)]
    visible = "".join(c if isinstance(c, str) else ("" if c.tag == "del" else c.text()) for c in out.find("div").children)
    assert words(visible) == words(var_text)


def test_a_cut_that_changes_the_claim_is_a_deletion_not_context():
    ref = Quote(article="a", text="I never said we would win", start=0, end=25, kind="speech")
    var = AlignedQuote(
        article="b", text="we would win", start=0, end=12, kind="fragment", variant="drift",
        diff=[DiffOp(op="delete", a="I never said"), DiffOp(op="equal", a="we would win", b="we would win")],
        reasons=[DriftReason(code="content_cut", detail="the negating frame is cut")],
    )
    out = parse(diff_html(var, ref))
    assert out.find("del", cls="d-del").text() == "I never said"
    assert not out.find_all("del", cls="d-cut")
    var.reasons = []
    assert parse(diff_html(var, ref)).find("del", cls="d-cut").text() == "I never said"


def test_misattributed_member_is_flagged_and_counted(data):
    groups, articles, quotes = data
    volodin = next(g for g in groups if g.id == "volodin-thanks-soldiers").model_copy(deep=True)
    wrong = volodin.members[1]
    wrong.speaker, wrong.flags = "Kim Jong Un", ["misattributed"]
    volodin.flags = ["misattributed"]
    others = [g for g in groups if g.id != volodin.id]
    dom = parse(render_report(others + [volodin], articles, quotes))
    assert int(dom.find("dd", data_count="misattributed").text()) == 1
    node = card(dom, wrong.id)
    assert node.find("span", cls="flag").text() == "misattributed"
    assert "attributed here to Kim Jong Un" in node.find("p", cls="attribution").text()
    # the group stays with its speaker
    section = next(a for a in node.ancestors() if a.tag == "section" and "speaker" in a.classes)
    assert section.find("h2").children[0] == "Vyacheslav Volodin"


# --- speakers and singletons ----------------------------------------------------------------------


def test_quotes_without_a_group_are_listed_under_their_speaker(data, dom):
    groups, _, quotes = data
    grouped = {m.id for g in groups for m in g.members}
    for q in quotes:
        if q.id in grouped:
            continue
        item = dom.find("li", cls="singleton", data_quote=q.id)
        section = next(a for a in item.ancestors() if a.tag == "section" and "speaker" in a.classes)
        assert section.find("h2").children[0] == q.speaker
        assert item.find("blockquote").text() == q.text


def test_names_of_one_person_share_a_section_and_unattributed_quotes_come_last(data):
    groups, articles, quotes = data
    quotes = [q.model_copy() for q in quotes]
    kim = [q for q in quotes if q.speaker == "Kim Jong Un"]
    kim[0].speaker = "Kim Jong-un"
    nobody = quotes[0].model_copy(update={"index": 99, "speaker": None, "start": 0, "end": 3, "text": "Rus"})
    dom = parse(render_report(groups, articles, quotes + [nobody]))
    sections = dom.find_all("section", cls="speaker")
    names = [s.find("h2").children[0] for s in sections]
    assert sum("Kim" in n for n in names) == 1
    assert names[-1] == "Unattributed"
    assert sections[-1].find("li", cls="singleton").attrs["data-quote"] == nobody.id


def test_a_group_from_one_article_is_listed_as_quotes_without_a_counterpart(data):
    groups, articles, quotes = data
    # align() puts every quote in a group; a group within one article has no counterpart
    lonely = [
        QuoteGroup(id=f"solo-{q.index}", speaker=q.speaker, reference=AlignedQuote.model_validate(q.model_dump()),
                   members=[AlignedQuote.model_validate(q.model_dump())])
        for q in quotes if q.id not in {m.id for g in groups for m in g.members}
    ]
    dom = parse(render_report(groups + lonely, articles, quotes))
    assert int(dom.find("dd", data_count="groups").text()) == len(groups)
    assert len(dom.find_all("article", cls="group")) == len(groups)
    assert sorted(li.attrs["data-quote"] for li in dom.find_all("li", cls="singleton")) == sorted(g.reference.id for g in lonely)


def test_select_speaker_keeps_one_person_by_any_name(data):
    groups, articles, quotes = data
    kept_groups, kept_quotes = select_speaker(groups, quotes, "President Putin")
    assert {g.id for g in kept_groups} == {"putin-letter-kursk", "putin-letter-bonds", "putin-letter-multipolar"}
    assert {q.speaker for q in kept_quotes} == {"Vladimir Putin"}
    s = summarize(kept_groups, kept_quotes)
    assert (s.speakers, s.groups, s.quotes) == (1, 3, 10)


# --- links into the article text ------------------------------------------------------------------


def test_every_quote_links_to_its_mark_in_the_article(data, dom):
    groups, _, quotes = data
    ids = {n.attrs["id"]: n for n in dom.iter() if "id" in n.attrs}
    assert len(ids) == sum(1 for n in dom.iter() if "id" in n.attrs), "duplicate ids"
    every = {q.id: q for q in quotes} | {m.id: m for g in groups for m in g.members}
    for qid, q in every.items():
        holder = dom.find(None, data_quote=qid)  # the card comes before the article marks
        link = holder.find("a", cls="src")
        target = ids[link.attrs["href"].lstrip("#")]
        assert target.tag == "mark" and target.attrs["data-quote"] == qid
        assert target.text() == q.text
        article = next(a for a in target.ancestors() if a.tag == "article")
        assert article.attrs["data-article"] == q.article
        # and the mark links back to the card, after the closing quotation mark if one follows
        after = target.parent.children[target.parent.children.index(target) + 1 :]
        if isinstance(after[0], str):
            assert after[0] in ("\u201d", '"')
            after = after[1:]
        back = after[0]
        assert back.tag == "a" and "back" in back.classes
        assert ids[back.attrs["href"].lstrip("#")] is holder


def test_article_text_is_shown_whole(data, dom):
    _, articles, _ = data
    for art in articles.values():
        node = dom.find("article", cls="source", data_article=art.id)
        body = node.find("div", cls="body")
        shown = "\n".join(p.text().replace("↩", "") for p in body.find_all("p"))
        assert words(shown) == words(art.text)


HARD_WRAPPED = (
    "The council met late on Tuesday to decide the future of the\n"
    "river bridge, which has been closed to traffic since the\n"
    "spring floods cut the east bank off from the town centre.\n"
    "\n"
    "\"We will rebuild the bridge by spring,\" said Mayor Linda\n"
    "Ortiz, who chaired the meeting and promised a vote on the\n"
    "contract within the month.\n"
    "\n"
    "Residents were not convinced. \"We have heard that before,\"\n"
    "said Tom Reyes, who runs the bakery on the east bank and has\n"
    "lost half of his customers since the closure.\n"
    "\n"
    "The engineers' report will be published next week, along\n"
    "with the cost of the repairs.\n"
)


def test_paragraph_labels_point_at_the_right_paragraph_of_hard_wrapped_text():
    from quotes.text.paragraphs import paragraphs

    text = HARD_WRAPPED
    quotes = []
    for index, (said, speaker, paragraph) in enumerate([
        ("We will rebuild the bridge by spring,", "Linda Ortiz", 1),
        ("We have heard that before,", "Tom Reyes", 2),
    ]):
        start = text.index(said)
        quotes.append(Quote(article="bridge", text=said, start=start, end=start + len(said), kind="speech",
                            speaker=speaker, index=index, paragraph=paragraph))
    # the splitter that sets Quote.paragraph puts the quotes in blocks 2 and 3 (not lines 5 and 9)
    blocks = paragraphs(text)
    assert len(blocks) == 4
    assert [next(i for i, (s, e) in enumerate(blocks) if s <= q.start < e) for q in quotes] == [1, 2]
    dom = parse(render_report([], {"bridge": Article(id="bridge", text=text)}, quotes))
    shown = dom.find("article", cls="source", data_article="bridge").find("div", cls="body").find_all("p")
    assert [p.attrs["data-paragraph"] for p in shown] == ["1", "2", "3", "4"]
    for q in quotes:
        link = dom.find(None, data_quote=q.id).find("a", cls="src")
        assert link.text().endswith(f"¶{q.paragraph + 1}")
        mark = dom.find("mark", data_quote=q.id)
        [para] = [a for a in mark.ancestors() if a.tag == "p"]
        assert para is shown[q.paragraph]
        assert para.attrs["data-paragraph"] == str(q.paragraph + 1)
    assert words(shown[2].text().replace("↩", "")) == words(text[blocks[2][0]:blocks[2][1]])


def test_nested_quotes_and_quotes_across_paragraphs_are_marked():
    text = 'He said: "They told me \'we are ready\' before the vote.\nIt never came," he added.'
    outer_start = text.index("They")
    outer_end = text.index('," he')
    inner_start = text.index("we are")
    inner_end = text.index("' before")
    outer = Quote(article="x", text=text[outer_start:outer_end], start=outer_start, end=outer_end, kind="speech", speaker="Ann Lee", index=0)
    inner = Quote(article="x", text=text[inner_start:inner_end], start=inner_start, end=inner_end, kind="speech", speaker="Ann Lee", index=1, nested=True)
    dom = parse(render_report([], {"x": Article(id="x", text=text)}, [outer, inner]))
    marks = dom.find_all("mark")
    first = [m for m in marks if m.attrs.get("id", "").endswith("-q0")]
    assert len(first) == 1 and first[0].find("mark").text() == "we are ready"
    pieces = [m for m in marks if m.attrs["data-quote"] == "x#0"]
    assert len(pieces) == 2 and "id" not in pieces[1].attrs  # continued in the next paragraph
    assert "".join(p.text() for p in pieces).replace("↩", "") == outer.text.replace("\n", "")


def test_quote_whose_offsets_do_not_match_its_article_is_shown_without_link(data):
    groups, articles, quotes = data
    stale = quotes[-1].model_copy(update={"start": quotes[-1].start + 1, "end": quotes[-1].end + 1})
    dom = parse(render_report([], articles, [stale]))
    item = dom.find("li", cls="singleton")
    assert not item.find_all("a", cls="src")
    assert item.find("span", cls="src")
    assert not dom.find_all("mark")


# --- safety ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile_page() -> str:
    text = HOSTILE.read_text(encoding="utf-8")
    said = ["<script>alert('pwned')</script> a done deal,", "We will not raise taxes & we will not cut <b>services</b>,"]
    names = ["reform", "stunt"]
    quotes = [
        Quote(article="hostile", text=t, start=text.index(t), end=text.index(t) + len(t), index=i,
              kind="name" if t in names else "speech", speaker=None if t in names else "the mayor")
        for i, t in enumerate(said + names)
    ]
    art = Article(id="hostile</title><script>x</script>", text=text, outlet='Daily "<b>Bold</b>"',
                  url="javascript:alert(1)", date="2025-08-15")
    for q in quotes:
        q.article = art.id
    return render_report([], {art.id: art}, quotes, title="<i>Budget</i> & quotes")


def test_article_text_is_escaped(hostile_page):
    dom = parse(hostile_page)
    scripts = dom.find_all("script")
    assert len(scripts) == 1 and "alert" not in scripts[0].text()
    assert not dom.find_all("img") and not dom.find_all("b") and not dom.find_all("i")
    body = dom.find("div", cls="body").text()
    assert "<script>alert('pwned')</script>" in body
    assert '<img src="https://tracker.example.com/pixel.gif" alt="">' in body
    assert "We will not raise taxes & we will not cut <b>services</b>," in [n.find("blockquote").text() for n in dom.find_all("li", cls="singleton")]
    assert dom.find("title").text() == "<i>Budget</i> & quotes"
    assert 'Daily "<b>Bold</b>"' in dom.find("article", cls="source").find("h3").text()


def test_unsafe_article_url_is_not_a_link(hostile_page):
    dom = parse(hostile_page)
    hrefs = [n.attrs["href"] for n in dom.find_all("a")]
    assert all(h.startswith("#") for h in hrefs), hrefs
    assert "javascript:alert(1)" in dom.find("article", cls="source").text()


def test_page_fetches_nothing(page, hostile_page):
    for html_text in (page, hostile_page):
        dom = parse(html_text)
        for n in dom.iter():
            for attr in ("src", "srcset", "poster", "data", "action", "formaction", "background"):
                assert attr not in n.attrs, (n.tag, attr)
            if n.tag == "link":
                raise AssertionError("a <link> element")
        css = dom.find("style").text()
        assert "url(" not in css and "@import" not in css and "@font-face" not in css
        csp = dom.find("meta", http_equiv="Content-Security-Policy").attrs["content"]
        assert "default-src 'none'" in csp and "unsafe-inline" not in csp


def test_names_are_marked_in_the_text_but_not_listed(hostile_page):
    dom = parse(hostile_page)
    reform = [m for m in dom.find_all("mark") if m.text() == "reform"]
    assert len(reform) == 1 and "q-name" in reform[0].classes
    assert all(li.find("blockquote").text() != "reform" for li in dom.find_all("li", cls="singleton"))


def test_outlet_and_date_and_safe_url_are_shown():
    art = Article(id="x1", text='"We are ready," Ann Lee said.', outlet="The Harbour Times", date="2025-08-15",
                  url="https://example.org/story?id=1&b=2")
    q = Quote(article="x1", text="We are ready,", start=1, end=14, kind="speech", speaker="Ann Lee")
    dom = parse(render_report([], {"x1": art}, [q]))
    assert dom.find("a", cls="src").text().startswith("The Harbour Times")
    header = dom.find("article", cls="source").find("header")
    assert header.find("h3").text() == "The Harbour Times"
    link = [a for a in header.find_all("a")][0]
    assert link.attrs["href"] == "https://example.org/story?id=1&b=2" and "noreferrer" in link.attrs["rel"]
    assert "2025-08-15" in header.text()


def test_empty_report_is_a_valid_page():
    dom = parse(render_report([], {}, []))
    assert dom.find("p", cls="empty")
    assert {n.attrs["data-count"]: n.text() for n in dom.find_all("dd")} == {
        k: "0" for k in ("speakers", "groups", "quotes", "drift", "misattributed", "articles")}


# --- writing --------------------------------------------------------------------------------------


def test_write_report_writes_the_whole_page_atomically(data, page, tmp_path):
    target = tmp_path / "report.html"
    target.write_text("old", encoding="utf-8")
    summary = write_report(*data, str(target))
    assert target.read_text(encoding="utf-8") == page
    assert summary.groups == 4
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]
    with pytest.raises(QuotesError, match="does not exist"):
        write_report(*data, str(tmp_path / "missing" / "r.html"))


def test_write_report_leaves_the_old_file_when_rendering_fails(data, tmp_path):
    groups, articles, quotes = data
    target = tmp_path / "report.html"
    target.write_text("old", encoding="utf-8")
    broken = groups[0].model_copy(deep=True)
    broken.members[1].diff = [DiffOp.model_construct(op="replace", a=object(), b="x")]  # not a string: rendering fails
    with pytest.raises(Exception):
        write_report([broken], articles, quotes, str(target))
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


# --- the command ----------------------------------------------------------------------------------


def aligned_rows(data) -> list[AlignedQuote]:
    """What `quotes align --format jsonl` writes for these articles: one row per quote."""
    groups, _, quotes = data
    rows = {}
    for g in groups:
        for m in g.members:
            rows[m.id] = m.model_copy(update={"cluster": g.id})
    for q in quotes:
        rows.setdefault(q.id, AlignedQuote.model_validate(q.model_dump()))
    return list(rows.values())


def test_cli_reports_align_jsonl_with_article_texts(data, tmp_path):
    rows = aligned_rows(data)
    jsonl = tmp_path / "aligned.jsonl"
    jsonl.write_text("".join(r.model_dump_json() + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "report.html"
    seeds = [str(ROOT / a.source) for a in data[1].values()]
    result = CliRunner().invoke(app, ["report", str(jsonl), *seeds, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "4 groups, 14 quotes, 1 drift" in result.output
    dom = parse(out.read_text(encoding="utf-8"))
    assert len(dom.find_all("article", cls="group")) == 4
    assert len(dom.find_all("mark")) == 14


def test_groups_are_rebuilt_from_align_rows_with_the_majority_speaker(data):
    from quotes.report.sources import groups_from_rows

    rows = aligned_rows(data)
    ref = next(r for r in rows if r.cluster == "volodin-thanks-soldiers" and r.variant == "reference")
    ref.speaker, ref.flags = "Kim Jong Un", ["misattributed"]
    groups = {g.id: g for g in groups_from_rows(rows)}
    assert set(groups) == {g.id for g in data[0]}
    volodin = groups["volodin-thanks-soldiers"]
    assert volodin.reference is ref and volodin.speaker == "Vyacheslav Volodin" and volodin.flags == ["misattributed"]
    assert [m.id for m in groups["putin-letter-kursk"].members] == [m.id for m in data[0][0].members]


def test_cli_speaker_filter_and_bad_lines(data, tmp_path):
    rows = aligned_rows(data)
    jsonl = tmp_path / "aligned.jsonl"
    lines = [r.model_dump_json() for r in rows]
    lines.insert(3, '{"article": "x", "text": ')  # a torn line
    jsonl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "putin.html"
    result = CliRunner().invoke(app, ["report", str(jsonl), "--speaker", "putin", "-o", str(out)])
    assert result.exit_code == 1
    assert "aligned.jsonl:4:" in result.output
    assert "no text for article" in result.output
    dom = parse(out.read_text(encoding="utf-8"))
    assert [s.find("h2").children[0] for s in dom.find_all("section", cls="speaker")] == ["Vladimir Putin"]
    assert int(dom.find("dd", data_count="groups").text()) == 3
    assert not dom.find_all("mark") and not dom.find_all("a", cls="src")


def test_cli_reports_from_a_quote_store(data, tmp_path):
    from quotes.store.db import QuoteStore

    _, articles, quotes = data
    db = tmp_path / "quotes.db"
    with QuoteStore(db) as store:
        store.add(((a, [q for q in quotes if q.article == a.id]) for a in articles.values()), align=False)
        stored_groups = len(store.groups())
    out = tmp_path / "store.html"
    result = CliRunner().invoke(app, ["report", "--db", str(db), "--speaker", "Kim Jong-un", "-o", str(out)])
    assert result.exit_code == 0, result.output
    dom = parse(out.read_text(encoding="utf-8"))
    kim = [q for q in quotes if q.speaker == "Kim Jong Un"]
    assert int(dom.find("dd", data_count="quotes").text()) == len(kim) == 2
    assert int(dom.find("dd", data_count="groups").text()) == stored_groups
    assert sorted(m.text() for m in dom.find_all("mark")) == sorted(q.text for q in kim)
    both = CliRunner().invoke(app, ["report", str(FIXTURE), "--db", str(db), "-o", str(out)])
    assert both.exit_code == 2 and "either PATHs or --db" in both.output
    missing = CliRunner().invoke(app, ["report", "--db", str(tmp_path / "none.db"), "-o", str(out)])
    assert missing.exit_code == 1 and "no quote store here" in missing.output


def test_cli_without_any_input_fails_clearly(tmp_path):
    result = CliRunner().invoke(app, ["report", str(tmp_path), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 1
    assert "no articles or quotes found" in result.output
    assert not (tmp_path / "r.html").exists()


# --- the real pipeline ----------------------------------------------------------------------------


@pytest.mark.slow
def test_report_of_the_seeds_from_the_real_pipeline(stanza_engine, seeds_dir):
    from quotes.variants.align import align, is_cross_article
    from quotes.extract.pipeline import find_quotes
    from quotes.io.inputs import iter_articles

    articles = {a.id: a for a in iter_articles([str(seeds_dir)]) if isinstance(a, Article)}
    quotes = [q for a in articles.values() for q in find_quotes(a, engine=stanza_engine)]
    groups = align(quotes, semantic=False)
    cross = [g for g in groups if is_cross_article(g)]
    assert cross, "the Putin letter and the Kim speech are rendered in two articles each"
    dom = parse(render_report(groups, articles, quotes))
    assert len(dom.find_all("article", cls="group")) == len(cross)
    assert int(dom.find("dd", data_count="groups").text()) == len(cross)
    assert int(dom.find("dd", data_count="drift").text()) == sum(m.variant == "drift" for g in cross for m in g.members)
    shown = dom.find_all("figure", cls="rendering") + dom.find_all("li", cls="singleton")
    assert sorted(n.attrs["data-quote"] for n in shown) == sorted(q.id for q in quotes if q.kind != "name")
    # every quote is marked once in its article, at its offsets
    marked = Counter(m.attrs["data-quote"] for m in dom.find_all("mark") if "id" in m.attrs)
    assert set(marked) == {q.id for q in quotes} and set(marked.values()) == {1}
    # every highlighted word is one of the diff's changed words, in order
    for g in cross:
        for m in g.members[1:]:
            node = card(dom, m.id).find("blockquote")
            changed = [w for n in node.find_all("ins") for w in words(n.text())]
            assert len(changed) == sum(len(words(op.b)) for op in m.diff if op.op in ("insert", "replace"))
            gone = [w for n in node.find_all("del") for w in words(n.text())]
            assert len(gone) == sum(len(words(op.a)) for op in m.diff if op.op in ("delete", "replace"))


@pytest.mark.slow
def test_cli_report_from_articles(stanza_resources, seeds_dir, tmp_path):
    out = tmp_path / "seeds.html"
    result = CliRunner().invoke(app, ["report", str(seeds_dir), "--no-semantic", "-o", str(out)])
    assert result.exit_code == 0, result.output
    counts = re.search(r"(\d+) speakers, (\d+) groups, (\d+) quotes", result.output)
    dom = parse(out.read_text(encoding="utf-8"))
    assert counts and int(counts[2]) == len(dom.find_all("article", cls="group")) > 0
    assert len(dom.find_all("article", cls="source")) == 5


def test_the_report_does_not_pull_in_the_extraction_stack():
    """Rendering needs no language model: follow the module-level imports of quotes.report.html
    (package ``__init__`` files aside, the public face imports everything on purpose)."""
    import ast

    def module_imports(name: str) -> set[str]:
        path = ROOT / (name.replace(".", "/") + ".py")
        if not path.is_file():
            path = ROOT / name.replace(".", "/") / "__init__.py"
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found = set()
        for node in tree.body:  # module level only: imports inside functions run when called
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("quotes"):
                found.add(node.module)
            elif isinstance(node, ast.Import):
                found |= {a.name for a in node.names if a.name.startswith("quotes")}
        return found

    seen, todo = set(), ["quotes.report.html"]
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo += sorted(module_imports(name) - seen)
    assert "quotes.models" in seen and "quotes.variants.identity" in seen
    assert not {m for m in seen if m.startswith(("quotes.extract", "quotes.annotate"))}
