"""What a report is made of, from files or from a quote store: ``quotes report``'s library side.

    from quotes.report.html import write_report
    from quotes.report.sources import gather

    inputs = gather(["seeds/"], on_error=print).of_speaker("Putin")
    write_report(inputs.groups, inputs.articles, inputs.quotes, "putin.html")

From files (:func:`gather`): with only articles, quotes are found and aligned here. With quote
JSONL, articles given as well only supply the texts the quotes are marked in (they are not
searched again); ``quotes align`` rows keep their groups, ``quotes find`` rows are aligned
here. From a store (:func:`gather_store`): its groups, quotes and article texts as they are
(the store is only read).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Optional

from quotes.models import AlignedQuote, Article, Quote, QuoteGroup
from quotes.report.html import select_speaker
from quotes.run.pipeline import OnError, has_quote_rows, read_inputs
from quotes.store.db import QuoteStore
from quotes.variants.align import align

__all__ = ["ReportInputs", "gather", "gather_store", "groups_from_rows"]


@dataclass
class ReportInputs:
    """The groups, quotes and article texts one report shows."""

    groups: list[QuoteGroup] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    articles: dict[str, Article] = field(default_factory=dict)

    def of_speaker(self, speaker: Optional[str]) -> "ReportInputs":
        """Only the groups and quotes of ``speaker`` (named any way); see :func:`select_speaker`."""
        if not speaker:
            return self
        groups, quotes = select_speaker(self.groups, self.quotes, speaker)
        return ReportInputs(groups, quotes, self.articles)

    @property
    def missing_texts(self) -> list[str]:
        """Ids of the articles that have quotes here but no text (their quotes cannot be linked)."""
        return sorted({q.article for q in self.quotes} - set(self.articles))


def groups_from_rows(rows: Iterable[AlignedQuote]) -> list[QuoteGroup]:
    """Rebuild the groups of ``quotes align`` JSONL rows from their ``cluster`` ids.

    The member labelled ``reference`` leads its group (the longest one when none is labelled);
    rows without a cluster are quotes without a counterpart and belong to no group.

    >>> rows = [AlignedQuote(article=a, text=t, start=0, end=len(t), kind="speech", cluster="g1", variant=v)
    ...         for a, t, v in [("a", "advance nonstop", "orthographic"), ("b", "advance non-stop", "reference")]]
    >>> [(g.id, g.reference.article, len(g.members)) for g in groups_from_rows(rows)]
    [('g1', 'b', 2)]
    """
    clusters: dict[str, list[AlignedQuote]] = {}
    for row in rows:
        if row.cluster is not None:
            clusters.setdefault(row.cluster, []).append(row)
    groups = []
    for cluster, members in clusters.items():
        ref = next((m for m in members if m.variant == "reference"), None) or max(members, key=lambda m: len(m.text))
        ordered = [ref] + [m for m in members if m is not ref]
        flags = sorted({f for m in members for f in m.flags})
        # the group's speaker is the one the members not flagged as misattributed agree on
        speaker = next((m.speaker for m in ordered if "misattributed" not in m.flags), ref.speaker)
        groups.append(QuoteGroup(id=cluster, speaker=speaker, reference=ref, members=ordered, flags=flags))
    return groups


def gather(
    paths: Sequence[str],
    *,
    semantic: Optional[bool] = None,
    engine: str = "stanza",
    models_dir: Optional[str] = None,
    workers: int = 1,
    on_error: Optional[OnError] = None,
) -> ReportInputs:
    """The groups, quotes and texts of a report on ``paths`` (the rules are in the module docstring)."""
    quote_files = has_quote_rows(paths)
    read = read_inputs(paths, find=not quote_files, keep_articles=True, engine=engine,
                       models_dir=models_dir, workers=workers, on_error=on_error)
    if not read.quotes:
        return ReportInputs([], [], read.articles)
    if all(isinstance(q, AlignedQuote) for q in read.quotes):
        groups = groups_from_rows(q for q in read.quotes if isinstance(q, AlignedQuote))
        return ReportInputs(groups, read.quotes, read.articles)
    plain = [Quote.model_validate(q.model_dump()) if isinstance(q, AlignedQuote) else q for q in read.quotes]
    return ReportInputs(align(plain, semantic=semantic), plain, read.articles)


def gather_store(db: str, *, speaker: Optional[str] = None) -> ReportInputs:
    """The store's groups and quotes (of one speaker, if given) and the texts of their articles."""
    with QuoteStore(db, create=False) as store:
        groups = store.groups(speaker=speaker)
        quotes = store.quotes(speaker=speaker)
        wanted = {q.article for q in quotes} | {m.article for g in groups for m in g.members}
        articles = {aid: art for aid in sorted(wanted) if (art := store.article(aid)) is not None}
    return ReportInputs(groups, quotes, articles)

