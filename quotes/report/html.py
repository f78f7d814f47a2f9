"""Render aligned quotes as one self-contained HTML report.

The report is a single file with its CSS and JavaScript inline and a Content-Security-Policy
that forbids every network fetch, so it can be mailed, archived or opened offline. It shows,
per speaker, each group of renderings side by side (reference first) with the word-level
differences from the reference highlighted, the variant label and drift reasons as badges,
misattribution flags, the quotes that have no counterpart elsewhere, and every article's text
with each quote marked; every quote links to its place in its article. All text is escaped.

Usage (this module itself needs no language model; the quotes come from anywhere)::

    from quotes import align, find_quotes
    from quotes.report.html import write_report
    from quotes.run.pipeline import read_articles

    articles = {a.id: a for a in read_articles(["seeds/"])}
    quotes = [q for a in articles.values() for q in find_quotes(a)]
    write_report(align(quotes), articles, quotes, "report.html")

:func:`quotes.report.sources.gather` does the same from any mix of article files and
``quotes find``/``quotes align`` JSONL, as ``quotes report`` does.

``render_report`` returns the HTML as a string instead; ``summarize`` gives the counts the
header shows.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Iterable, Mapping, Optional, Sequence, Union

from pydantic import BaseModel

from quotes._version import __version__
from quotes.io.output import atomic_output
from quotes.models import AlignedQuote, Article, DiffOp, Quote, QuoteGroup
from quotes.text.paragraphs import paragraphs
from quotes.variants.identity import SpeakerIndex, matches

__all__ = ["ReportSummary", "render_report", "write_report", "summarize", "select_speaker"]

MISATTRIBUTED = "misattributed"

_VARIANT_HELP = {
    "reference": "The longest rendering; the others are compared with it.",
    "identical": "The same characters as the reference.",
    "orthographic": "Differs only in case, hyphens, punctuation or spelling.",
    "truncation": "A continuous part of the reference.",
    "translation": "Other words, same content (another translation or a paraphrase).",
    "drift": "What was said has changed.",
}

_REASON_LABELS = {
    "negation": "negation",
    "number": "number",
    "modality": "modality",
    "tense": "tense",
    "entity": "entity",
    "qualifier": "qualifier",
    "content_added": "content added",
    "content_cut": "content cut",
    "wording": "wording",
}


class ReportSummary(BaseModel):
    """The counts in the report's header.

    ``quotes`` counts the quotes shown as cards (group members and quotes without a group);
    titles and scare quotes (``kind == "name"``) that belong to no group are only marked in the
    article text. ``speakers`` does not count the "Unattributed" section. ``articles`` counts
    the articles quoted, whether or not their text is in the report.
    """

    speakers: int
    groups: int
    quotes: int
    drift: int
    misattributed: int
    articles: int


def summarize(
    groups: Sequence[QuoteGroup], quotes: Iterable[Quote], articles: Optional[Mapping[str, Article]] = None
) -> ReportSummary:
    """Count what :func:`render_report` shows for these groups and quotes.

    >>> q = Quote(article="a", text="We will rebuild", start=1, end=16, kind="speech", speaker="Linda Ortiz")
    >>> s = summarize([], [q])
    >>> s.speakers, s.groups, s.quotes, s.drift, s.articles
    (1, 0, 1, 0, 1)
    """
    return _Layout.build(groups, articles or {}, quotes).summary


def select_speaker(
    groups: Sequence[QuoteGroup], quotes: Iterable[Quote], name: str
) -> tuple[list[QuoteGroup], list[Quote]]:
    """Keep the groups and quotes of one speaker, named any way ("Putin", "President Putin").

    >>> quotes = [Quote(article="a", text="advance non-stop", start=0, end=16, kind="speech", speaker="Kim Jong Un"),
    ...           Quote(article="a", text="heroic", start=30, end=36, kind="fragment", speaker="Vladimir Putin")]
    >>> [q.text for q in select_speaker([], quotes, "Kim Jong-un")[1]]
    ['advance non-stop']
    """
    kept_groups = [g for g in groups if matches(name, _group_speaker(g))]
    kept_quotes = [q for q in quotes if matches(name, q.speaker)]
    # A member attributed to someone else (a misattribution) stays with its group.
    have = {_qid(q) for q in kept_quotes}
    kept_quotes += [m for g in kept_groups for m in _members(g) if _qid(m) not in have]
    return kept_groups, kept_quotes


def render_report(
    groups: Sequence[QuoteGroup],
    articles: Mapping[str, Article],
    quotes: Iterable[Quote],
    *,
    title: str = "Quote report",
) -> str:
    """Return the report as one HTML document (a ``str``), ready to write to a ``.html`` file.

    ``groups`` come from :func:`quotes.variants.align.align`; ``quotes`` are all the quotes to show
    (those in no group, or in a group from a single article, are listed per speaker as quotes
    without a counterpart); ``articles``
    maps ``Article.id`` to the article, whose text is shown with every quote marked. A quote
    whose article is missing is still shown, without a link.

    >>> art = Article(id="a", text='"We will rebuild," said Linda Ortiz.')
    >>> q = Quote(article="a", text="We will rebuild,", start=1, end=17, kind="speech", speaker="Linda Ortiz")
    >>> page = render_report([], {"a": art}, [q])
    >>> page.startswith("<!doctype html>"), 'data-quote="a#0" title="Linda Ortiz"' in page
    (True, True)
    """
    layout = _Layout.build(groups, articles, quotes)
    return _Renderer(layout, title).page()


def write_report(
    groups: Sequence[QuoteGroup],
    articles: Mapping[str, Article],
    quotes: Iterable[Quote],
    path: str,
    *,
    title: str = "Quote report",
) -> ReportSummary:
    """Render the report and write it to ``path`` atomically (``"-"`` writes to stdout).

    The file appears only once it is complete: an error never leaves a half-written report,
    and an existing file stays as it was. Returns the counts shown in the header.

    >>> import os, tempfile
    >>> q = Quote(article="a", text="We will rebuild", start=1, end=16, kind="speech", speaker="Linda Ortiz")
    >>> path = os.path.join(tempfile.mkdtemp(), "report.html")
    >>> write_report([], {}, [q], path).quotes, os.path.getsize(path) > 1000
    (1, True)
    """
    layout = _Layout.build(groups, articles, quotes)
    page = _Renderer(layout, title).page()
    with atomic_output(path) as stream:
        stream.write(page)
    return layout.summary


# --- what goes where ---------------------------------------------------------------------------

QuoteKey = tuple[str, int]


def _qid(q: Quote) -> QuoteKey:
    return (q.article, q.index)


def _group_speaker(group: QuoteGroup) -> Optional[str]:
    return group.speaker or group.reference.speaker


def _members(group: QuoteGroup) -> list[AlignedQuote]:
    """The reference first, then the other members in the order align gave them."""
    ref = _qid(group.reference)
    return [group.reference] + [m for m in group.members if _qid(m) != ref]


def _natural_key(text: str) -> tuple[Union[int, str], ...]:
    return tuple(int(part) if part.isdigit() else part.lower() for part in re.split(r"(\d+)", text))


@dataclass
class _Speaker:
    key: Optional[str]
    name: str
    anchor: str
    groups: list[QuoteGroup] = field(default_factory=list)
    singles: list[Quote] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(len(_members(g)) for g in self.groups) + len(self.singles)

    @property
    def drift(self) -> int:
        return sum(1 for g in self.groups for m in _members(g) if m.variant == "drift")


@dataclass
class _Layout:
    speakers: list[_Speaker]
    articles: list[Article]
    article_anchor: dict[str, str]
    marks: dict[str, list[Quote]]
    card_anchor: dict[QuoteKey, str]
    located: set[QuoteKey]
    summary: ReportSummary
    by_article: Mapping[str, Article]

    @classmethod
    def build(cls, groups: Sequence[QuoteGroup], articles: Mapping[str, Article], quotes: Iterable[Quote]) -> "_Layout":
        by_id: dict[QuoteKey, Quote] = {}
        for q in quotes:
            by_id.setdefault(_qid(q), q)
        # align() returns a partition: a group from one article only (a quote alone, or a
        # phrase an article repeats) has no counterpart elsewhere and is listed as such.
        lonely = [g for g in groups if not g.cross_article]
        groups = [g for g in groups if g.cross_article]
        for g in lonely:
            for m in _members(g):
                by_id.setdefault(_qid(m), m)
        grouped: set[QuoteKey] = set()
        for g in groups:
            for m in _members(g):
                by_id[_qid(m)] = m  # the aligned version carries variant, diff and flags
                grouped.add(_qid(m))

        all_article_ids = sorted({q.article for q in by_id.values()} | set(articles), key=_natural_key)
        numbers = {aid: n for n, aid in enumerate(all_article_ids, start=1)}
        article_anchor = {aid: f"a{numbers[aid]}" for aid in all_article_ids}

        # Speaker sections: groups by their speaker, quotes without a group by theirs; the
        # names are resolved over the whole report ("Putin" joins "Vladimir Putin").
        singles = [q for k, q in by_id.items() if k not in grouped and q.kind != "name"]
        people = SpeakerIndex([_group_speaker(g) for g in groups] + [q.speaker for q in singles])
        sections: dict[str, _Speaker] = {}

        def section(name: Optional[str]) -> _Speaker:
            key = people.key(name)
            if key not in sections:
                display = (people.display(name) or name or "") if key else "Unattributed"
                sections[key] = _Speaker(key=key or None, name=display, anchor="")
            return sections[key]

        for g in groups:
            section(_group_speaker(g)).groups.append(g)
        for q in singles:
            section(q.speaker).singles.append(q)

        # Whose words changed most comes first; the unattributed come last.
        ordered = sorted(
            sections.values(),
            key=lambda s: (s.key is None, -s.drift, -len(s.groups), -s.count, s.name.lower()),
        )
        for n, sp in enumerate(ordered, start=1):
            sp.anchor = f"s{n}"
            sp.groups.sort(key=_group_order)
            sp.singles.sort(key=lambda q: (_natural_key(q.article), q.index))

        # Cards get anchors so the marks in the article text can link back to them.
        card_anchor: dict[QuoteKey, str] = {}
        for sp in ordered:
            shown = [m for g in sp.groups for m in _members(g)] + sp.singles
            for q in shown:
                card_anchor.setdefault(_qid(q), f"c{numbers[q.article]}-q{q.index}")

        # Marks: every quote of the report whose offsets match its article text.
        marks: dict[str, list[Quote]] = {}
        located: set[QuoteKey] = set()
        for q in by_id.values():
            art = articles.get(q.article)
            if art is not None and q.end <= len(art.text) and art.text[q.start : q.end] == q.text and q.end > q.start:
                marks.setdefault(q.article, []).append(q)
                located.add(_qid(q))
        shown_articles = [articles[aid] for aid in all_article_ids if aid in marks]

        members = [m for g in groups for m in _members(g)]
        summary = ReportSummary(
            speakers=sum(1 for sp in ordered if sp.key is not None),
            groups=len(groups),
            quotes=len(card_anchor),
            drift=sum(1 for m in members if m.variant == "drift"),
            misattributed=sum(1 for m in members if MISATTRIBUTED in m.flags),
            articles=len({q.article for q in by_id.values()}),
        )
        return cls(
            speakers=ordered,
            articles=shown_articles,
            article_anchor=article_anchor,
            marks=marks,
            card_anchor=card_anchor,
            located=located,
            summary=summary,
            by_article=articles,
        )


def _group_order(g: QuoteGroup) -> tuple[int, int, int, tuple[Union[int, str], ...], int]:
    members = _members(g)
    drift = sum(1 for m in members if m.variant == "drift")
    flagged = bool(g.flags) or any(MISATTRIBUTED in m.flags for m in members)
    return (-int(flagged or drift > 0), -drift, -len(members), _natural_key(g.reference.article), g.reference.index)


# --- word diffs --------------------------------------------------------------------------------


def _side_words(ops: Sequence[DiffOp], side: str, original: str) -> list[list[str]]:
    """The words of each op on one side, taken from the original text when the counts agree.

    Align may diff normalised words (lower case, no punctuation); when the op words line up
    one to one with the original rendering, the reader sees the words as printed.
    """
    words = [getattr(op, side).split() for op in ops]
    printed = original.split()
    if sum(len(w) for w in words) == len(printed):
        it = iter(printed)
        words = [[next(it) for _ in w] for w in words]
    return words


def diff_html(member: AlignedQuote, reference: Quote) -> str:
    """The member's rendering with its word diff against the reference as HTML.

    Equal words are plain; ``<ins class="d-ins">`` words were added, ``<del class="d-del">``
    words of the reference are missing, a replacement is ``<del class="d-rep">`` followed by
    ``<ins class="d-rep">``. Words of the reference before or after the part a partial quote
    renders are ``<del class="d-cut">`` (context, not a change), unless the drift reasons say
    the cut itself changed the claim.
    """
    ops = member.diff
    if not ops or all(op.op == "equal" for op in ops):
        return html.escape(member.text)
    a_words = _side_words([op if op.op != "insert" else DiffOp(op="insert") for op in ops], "a", reference.text)
    b_words = _side_words([op if op.op != "delete" else DiffOp(op="delete") for op in ops], "b", member.text)
    kept = [i for i, op in enumerate(ops) if op.op != "delete"]
    cut_is_change = any(r.code == "content_cut" for r in member.reasons)
    first, last = (kept[0], kept[-1]) if kept else (len(ops), -1)

    parts: list[str] = []
    for i, op in enumerate(ops):
        a = html.escape(" ".join(a_words[i]))
        b = html.escape(" ".join(b_words[i]))
        if op.op == "equal":
            if b:
                parts.append(b)
        elif op.op == "insert":
            if b:
                parts.append(f'<ins class="d-ins">{b}</ins>')
        elif op.op == "delete":
            if a:
                edge = kept and (i < first or i > last) and not cut_is_change
                parts.append(f'<del class="{"d-cut" if edge else "d-del"}">{a}</del>')
        else:  # replace
            pieces = []
            if a:
                pieces.append(f'<del class="d-rep">{a}</del>')
            if b:
                pieces.append(f'<ins class="d-rep">{b}</ins>')
            parts.append(" ".join(pieces))
    return " ".join(parts)


# --- HTML ----------------------------------------------------------------------------------------


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _id_attr(anchor: Optional[str]) -> str:
    return f' id="{anchor}"' if anchor else ""


_CLOSING_MARKS = frozenset("\"'\u201d\u2019\u00bb\u203a\u300d\u300f")
_SAFE_URL = re.compile(r"^https?://[^\s\"'<>]+$", re.IGNORECASE)


@lru_cache(maxsize=None)
def _asset(name: str) -> str:
    return resources.files("quotes.report").joinpath("templates", name).read_text(encoding="utf-8")


def _csp_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


class _Renderer:
    def __init__(self, layout: _Layout, title: str) -> None:
        self.layout = layout
        self.title = title

    # page --------------------------------------------------------------------------------------

    def page(self) -> str:
        css = _asset("report.css")
        js = _asset("report.js")
        # No fetches of any kind; only this page's own style and script (by hash) may run.
        csp = (
            "default-src 'none'; "
            f"style-src {_csp_hash(css)}; script-src {_csp_hash(js)}; "
            "img-src data:; base-uri 'none'; form-action 'none'"
        )
        body = "\n".join(
            [
                self.masthead(),
                self.toc(),
                '<main class="wrap" id="top">',
                *[self.speaker(sp) for sp in self.layout.speakers],
                self.empty() if not self.layout.speakers else "",
                "</main>",
                self.articles(),
                f'<footer class="wrap">Made with quotes {_e(__version__)}. '
                "Quotes are shown as printed; differences are word by word against each group's reference.</footer>",
            ]
        )
        return (
            "<!doctype html>\n"
            '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
            '<meta name="referrer" content="no-referrer">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<meta name="generator" content="quotes">\n'
            f"<title>{_e(self.title)}</title>\n"
            f"<style>{css}</style>\n"
            f"</head>\n<body>\n{body}\n<script>{js}</script>\n</body>\n</html>\n"
        )

    def masthead(self) -> str:
        s = self.layout.summary
        cells = [
            ("speakers", "Speakers", s.speakers, False),
            ("groups", "Quote groups", s.groups, False),
            ("quotes", "Quotes", s.quotes, False),
            ("drift", "Drift", s.drift, s.drift > 0),
            ("misattributed", "Misattributed", s.misattributed, s.misattributed > 0),
            ("articles", "Articles", s.articles, False),
        ]
        summary = "".join(
            f'<div class="{"alert" if alert else ""}"><dt>{label}</dt><dd data-count="{key}">{value}</dd></div>'
            for key, label, value, alert in cells
        )
        legend = (
            '<ul class="legend" aria-label="Legend">'
            '<li><span class="sample">word</span> same as the reference</li>'
            '<li><del class="d-del sample">word</del> left out</li>'
            '<li><ins class="d-ins sample">word</ins> added</li>'
            '<li><del class="d-rep sample">old</del> <ins class="d-rep sample">new</ins> replaced</li>'
            '<li><del class="d-cut sample">word</del> outside the part quoted</li>'
            '<li><span class="badge v-drift">drift</span> what was said changed</li>'
            f'<li><span class="badge flag">{MISATTRIBUTED}</span> another speaker named</li>'
            "</ul>"
        )
        return (
            '<header class="masthead"><div class="wrap">'
            '<p class="kicker">Quote drift report</p>'
            f"<h1>{_e(self.title)}</h1>"
            '<p class="dek">Each group collects the renderings of one utterance across articles, '
            "the longest first. Words that differ from it are highlighted; every quote links to its place in the article.</p>"
            f'<dl class="summary">{summary}</dl>{legend}</div></header>'
        )

    def toc(self) -> str:
        if not self.layout.speakers:
            return ""
        items = "".join(
            f'<li><a href="#{sp.anchor}">{_e(sp.name)}</a> <span class="n">{sp.count}</span></li>'
            for sp in self.layout.speakers
        )
        if self.layout.articles:
            items += '<li><a href="#articles">Articles</a></li>'
        options = "".join(f'<option value="{sp.anchor}">{_e(sp.name)}</option>' for sp in self.layout.speakers)
        filters = (
            '<div class="filters" hidden>'
            f'<label>Speaker <select name="speaker"><option value="">All speakers</option>{options}</select></label>'
            '<label><input type="checkbox" name="drift-only"> Only groups with drift</label>'
            '<span data-shown></span></div>'
        )
        return f'<nav class="toc" aria-label="Speakers"><div class="wrap">{filters}<ul>{items}</ul></div></nav>'

    def empty(self) -> str:
        return '<p class="empty">No quotes to show.</p>'

    # speakers and groups -----------------------------------------------------------------------

    def speaker(self, sp: _Speaker) -> str:
        n_groups = len(sp.groups)
        counts = f"{sp.count} quote{'s' if sp.count != 1 else ''}"
        if n_groups:
            counts += f", {n_groups} group{'s' if n_groups != 1 else ''}"
        parts = [f'<section class="speaker" id="{sp.anchor}" data-speaker="{_e(sp.key or "")}">']
        parts.append(f'<h2>{_e(sp.name)}<span class="n">{counts}</span></h2>')
        parts += [self.group(g) for g in sp.groups]
        if sp.singles:
            title = "Quotes without a counterpart" if sp.groups else "Quotes"
            if sp.key is None:
                title = "Quotes no speaker was found for"
            items = "".join(self.single(q) for q in sp.singles)
            parts.append(f'<section class="singletons"><h3>{title}</h3><ul>{items}</ul></section>')
        parts.append("</section>")
        return "\n".join(parts)

    def group(self, g: QuoteGroup) -> str:
        members = _members(g)
        drift = sum(1 for m in members if m.variant == "drift")
        misattributed = sum(1 for m in members if MISATTRIBUTED in m.flags)
        n_articles = len({m.article for m in members})
        meta = f"{len(members)} rendering{'s' if len(members) != 1 else ''} in {n_articles} article{'s' if n_articles != 1 else ''}"
        badges = ""
        if drift:
            badges += f'<span class="badge v-drift">{drift} drift</span> '
        for flag in sorted(set(g.flags) | ({MISATTRIBUTED} if misattributed else set())):
            badges += f'<span class="badge flag">{_e(flag)}</span> '
        cards = "".join(self.rendering(m, g.reference, i == 0) for i, m in enumerate(members))
        return (
            f'<article class="group{" has-drift" if drift else ""}" id="g-{_e(g.id)}" data-group="{_e(g.id)}" data-drift="{drift}">'
            f'<header><h3>{_e(meta)}</h3>{badges}</header>'
            f'<div class="renderings">{cards}</div></article>'
        )

    def rendering(self, m: AlignedQuote, reference: AlignedQuote, is_reference: bool) -> str:
        label = "reference" if is_reference else (m.variant or "")
        cls = f"rendering r-{_e(label)}" if label else "rendering"
        text = html.escape(m.text) if is_reference else diff_html(m, reference)
        badges = ""
        if label:
            badges += f'<span class="badge v-{_e(label)}" title="{_e(_VARIANT_HELP.get(label, ""))}">{_e(label)}</span>'
        for flag in m.flags:
            badges += f' <span class="badge flag">{_e(flag)}</span>'
        reasons = ""
        if m.reasons:
            items = "".join(
                f'<li class="badge reason" data-code="{_e(r.code)}"><b>{_e(_REASON_LABELS.get(r.code, r.code))}</b>{_e(r.detail)}</li>'
                for r in m.reasons
            )
            reasons = f'<ul class="reasons">{items}</ul>'
        anchor = self.layout.card_anchor.get(_qid(m))
        return (
            f'<figure class="{cls}"{_id_attr(anchor)} data-quote="{_e(m.id)}" data-variant="{_e(label)}">'
            f"<figcaption>{badges} {self.source_link(m)}</figcaption>"
            f"<blockquote>{text}</blockquote>{self.attribution(m)}{reasons}</figure>"
        )

    def single(self, q: Quote) -> str:
        anchor = self.layout.card_anchor.get(_qid(q))
        return (
            f'<li class="singleton"{_id_attr(anchor)} data-quote="{_e(q.id)}">'
            f"<blockquote>{_e(q.text)}</blockquote>"
            f'<p class="attribution">{self.source_link(q)}{self.attribution_text(q)}'
            f' <span class="badge kind">{_e(q.kind)}</span></p></li>'
        )

    def source_link(self, q: Quote) -> str:
        art = self.layout.by_article.get(q.article)
        label = _e(art.outlet) if art is not None and art.outlet else _e(q.article)
        where = f"¶{q.paragraph + 1}"
        if _qid(q) in self.layout.located:
            href = f"#{self.layout.article_anchor[q.article]}-q{q.index}"
            return f'<a class="src" href="{href}" title="Show in the article">{label} · {where}</a>'
        return f'<span class="src" title="Article text not in this report">{label} · {where}</span>'

    def attribution_text(self, q: Quote) -> str:
        said = " ".join(p for p in (q.speaker_mention, q.cue) if p)
        return f" · {_e(said)}" if said else ""

    def attribution(self, m: AlignedQuote) -> str:
        parts = []
        said = " ".join(p for p in (m.speaker_mention, m.cue) if p)
        if said:
            parts.append(_e(said))
        if MISATTRIBUTED in m.flags:
            who = _e(m.speaker) if m.speaker else "nobody"
            parts.append(f'<span class="wrong">attributed here to {who}</span>')
        return f'<p class="attribution">{" · ".join(parts)}</p>' if parts else ""

    # articles ----------------------------------------------------------------------------------

    def articles(self) -> str:
        if not self.layout.articles:
            return ""
        parts = ['<section class="articles wrap" id="articles"><h2>Articles</h2>',
                 "<p>The full text of every article quoted above, each quote marked.</p>"]
        for art in self.layout.articles:
            parts.append(self.article(art))
        parts.append("</section>")
        return "\n".join(parts)

    def article(self, art: Article) -> str:
        anchor = self.layout.article_anchor[art.id]
        facts = [f"id {_e(art.id)}"] if art.outlet else []
        if art.date:
            facts.append(_e(art.date))
        if art.url and _SAFE_URL.match(art.url):
            facts.append(f'<a href="{_e(art.url)}" rel="noopener noreferrer nofollow">{_e(art.url)}</a>')
        elif art.url:
            facts.append(_e(art.url))
        if art.source:
            facts.append(_e(art.source))
        n = len(self.layout.marks.get(art.id, []))
        facts.append(f"{n} quote{'s' if n != 1 else ''} marked")
        heading = _e(art.outlet) if art.outlet else f"Article {_e(art.id)}"
        # numbered by the splitter that set Quote.paragraph, so "¶N" is the Nth paragraph here
        body = "".join(
            f'<p data-paragraph="{n}">{self.marked(art, start, end, anchor)}</p>'
            for n, (start, end) in enumerate(paragraphs(art.text), 1)
        )
        return (
            f'<article class="source" id="{anchor}" data-article="{_e(art.id)}">'
            f"<header><h3>{heading}</h3><p>{' · '.join(facts)}</p></header>"
            f'<div class="body">{body}</div></article>'
        )

    def marked(self, art: Article, p_start: int, p_end: int, anchor: str) -> str:
        """One paragraph of article text with its quotes as (possibly nested) ``<mark>`` elements."""
        text = art.text
        spans = sorted(
            (q for q in self.layout.marks.get(art.id, []) if q.start < p_end and q.end > p_start),
            key=lambda q: (q.start, -q.end, q.index),
        )
        out: list[str] = []
        pos = p_start
        stack: list[tuple[int, Quote]] = []

        def close() -> None:
            nonlocal pos
            end, q = stack.pop()
            out.append(_e(text[pos:end]) + "</mark>")
            pos = end
            back = self.layout.card_anchor.get(_qid(q))
            if back and q.end == end:  # after the last piece of the quote
                # ...and after its closing quotation mark, when that is next and inside any open mark
                limit = stack[-1][0] if stack else p_end
                if pos < limit and text[pos] in _CLOSING_MARKS:
                    out.append(_e(text[pos]))
                    pos += 1
                out.append(f'<a class="back" href="#{back}" aria-label="Back to the quote">↩</a>')

        for q in spans:
            start = max(q.start, p_start)
            while stack and stack[-1][0] <= start:
                close()
            end = min(q.end, p_end, stack[-1][0] if stack else p_end)  # never cross an open mark
            if end <= start:
                continue
            out.append(_e(text[pos:start]))
            pos = start
            ident = f' id="{anchor}-q{q.index}"' if q.start >= p_start else ""
            variant = getattr(q, "variant", None)
            cls = f"q q-{_e(q.kind)}" + (" q-drift" if variant == "drift" else "")
            who = f' title="{_e(q.speaker)}"' if q.speaker else ""
            out.append(f'<mark{ident} class="{cls}" data-quote="{_e(q.id)}"{who}>')
            stack.append((end, q))
        while stack:
            close()
        out.append(_e(text[pos:p_end]))
        return "".join(out)

