"""Find a quote, and every rendering of it, in a quote store.

Two steps, as a search engine does it: SQLite FTS5 finds *candidates* (any stored quote that
shares a normalised word with the query), then rapidfuzz *ranks* them on normalised word
lists. Each hit carries the other renderings of the same utterance (its alignment group), so
one search shows how every outlet quoted it::

    from quotes.store.db import QuoteStore

    with QuoteStore("quotes.db", create=False) as store:
        for hit in store.search("advance non-stop", speaker="Kim Jong Un", limit=5):
            print(f"{hit.match:.2f} {hit.article} {hit.text!r}")
            for other in hit.variants:
                print("   ", other.variant, other.article, repr(other.text))

Query text is never parsed as FTS syntax: it is normalised into words
(:func:`quotes.text.normalize.words`), and each word becomes a quoted FTS string, so input such
as ``"NOT (AND`` or ``name:*`` cannot raise an FTS error.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from pydantic import Field
from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq

from quotes.errors import QuotesError
from quotes.models import AlignedQuote
from quotes.text.normalize import is_content_word, words

if TYPE_CHECKING:
    from quotes.store.db import QuoteStore

MIN_CANDIDATES = 200
"""FTS candidates fetched at least (more for a large ``limit``) before rapidfuzz ranks them."""


class Rendering(AlignedQuote):
    """A stored quote with its alignment fields and the outlet of its article."""

    outlet: Optional[str] = None


class SearchHit(Rendering):
    """One search result: the best-matching rendering of an utterance and the other renderings.

    ``match`` is the relevance to the query (0..1, see :func:`match_score`); ``variants`` are
    the other members of the quote's alignment group (``cluster``), each labelled against the
    group's reference (``variant``: identical, orthographic, truncation, translation, drift).
    """

    match: float = Field(ge=0.0, le=1.0)
    variants: list[Rendering] = Field(default_factory=list)


def fts_query(query_words: list[str]) -> str:
    """An FTS5 ``MATCH`` expression: any of the words, each a quoted string (safe for any input).

    Function words are dropped when the query has content words, so "the" does not pull in
    every quote of the corpus as a candidate.

    >>> fts_query(["advance", "nonstop"])
    '"advance" OR "nonstop"'
    >>> fts_query(['say', 'it"s'])  # "say" is a function word here; quotes inside are doubled
    '"it""s"'
    >>> fts_query(['the', 'of'])
    '"the" OR "of"'
    """
    content = [w for w in query_words if is_content_word(w)]
    chosen = list(dict.fromkeys(content or query_words))
    return " OR ".join('"' + w.replace('"', '""') + '"' for w in chosen)


def match_score(query_words: list[str], quote_words: list[str]) -> float:
    """How well a quote matches the query, 0..1, on normalised word lists.

    - coverage (weight 0.5): the share of the query's words found in the quote, in order
      (LCS), so a phrase searched for inside a long quote still scores fully;
    - characters (0.3): rapidfuzz ``partial_ratio`` of the joined words, which forgives typos
      and spelling variants that word equality would miss;
    - closeness (0.2): rapidfuzz ``ratio`` of the word lists, which puts a quote that *is* the
      query before a longer one that only contains it.

    >>> match_score(["advance", "nonstop"], ["advance", "nonstop"])
    1.0
    """
    if not query_words or not quote_words:
        return 0.0
    coverage = LCSseq.similarity(query_words, quote_words) / len(query_words)
    chars = fuzz.partial_ratio(" ".join(query_words), " ".join(quote_words)) / 100.0
    closeness = fuzz.ratio(query_words, quote_words) / 100.0
    return round(min(1.0, 0.5 * coverage + 0.3 * chars + 0.2 * closeness), 4)


def search(
    store: "QuoteStore",
    query: str,
    *,
    speaker: Optional[str] = None,
    outlet: Optional[str] = None,
    limit: int = 10,
) -> list[SearchHit]:
    """The ``limit`` best matches for ``query`` in ``store``, best first, one hit per group.

    When several renderings of one utterance match, the best one is the hit and the others
    appear in its ``variants``. ``speaker`` (any form of the name, see
    :func:`quotes.variants.identity.matches`) and ``outlet`` (case-insensitive) filter the hits; the
    variants always show the whole group, from every outlet.
    Raises :class:`~quotes.errors.QuotesError` when the query has no words.
    """
    if limit < 1:
        return []
    query_words = words(query)
    if not query_words:
        raise QuotesError(f"nothing to search for in {query!r}; give some words of the quote")
    where, params = store._filters(speaker, outlet)
    if where is None:  # no stored speaker matches the name
        return []
    conn = store.connection
    extra = (" AND " + where[len("WHERE ") :]) if where else ""
    rows = conn.execute(
        "SELECT q.id AS id, q.norm AS norm, a.outlet AS outlet FROM quotes_fts f "
        "JOIN quotes q ON q.id = f.rowid JOIN articles a ON a.id = q.article "
        f"WHERE quotes_fts MATCH ?{extra} ORDER BY bm25(quotes_fts) LIMIT ?",
        (fts_query(query_words), *params, max(MIN_CANDIDATES, limit * 20)),
    ).fetchall()
    scored = sorted(
        ((match_score(query_words, row["norm"].split()), row["id"]) for row in rows),
        key=lambda pair: (-pair[0], pair[1]),
    )
    memberships = _memberships(store, [qid for _, qid in scored])
    chosen: list[tuple[float, int]] = []
    groups_seen: set[str] = set()
    for score, qid in scored:
        group = memberships.get(qid)
        if group is not None:
            if group in groups_seen:
                continue
            groups_seen.add(group)
        chosen.append((score, qid))
        if len(chosen) >= limit:
            break
    renderings = _group_renderings(store, {memberships[qid] for _, qid in chosen if qid in memberships})
    loose = store.quotes_by_id(qid for _, qid in chosen if qid not in memberships)
    outlets = {row["id"]: row["outlet"] for row in rows}
    hits: list[SearchHit] = []
    for score, qid in chosen:
        group = memberships.get(qid)
        if group is None:
            quote = loose[qid]
            hits.append(SearchHit(**quote.model_dump(), outlet=outlets.get(qid), match=score))
            continue
        members = renderings[group]
        own = next(r for r_id, r in members if r_id == qid)
        others = [r for r_id, r in members if r_id != qid]
        hits.append(SearchHit(**own.model_dump(), match=score, variants=others))
    return hits


def _memberships(store: "QuoteStore", quote_ids: list[int]) -> dict[int, str]:
    """quote id → id of the group it belongs to (quotes in no group are left out)."""
    out: dict[int, str] = {}
    conn = store.connection
    for i in range(0, len(quote_ids), 500):
        part = quote_ids[i : i + 500]
        marks = ",".join("?" * len(part))
        for row in conn.execute(f"SELECT quote_id, group_id FROM group_members WHERE quote_id IN ({marks})", part):
            out[row[0]] = row[1]
    return out


def _group_renderings(store: "QuoteStore", group_ids: set[str]) -> dict[str, list[tuple[int, Rendering]]]:
    """Every member of each group, reference first, as (quote id, rendering with its outlet)."""
    if not group_ids:
        return {}
    conn = store.connection
    marks = ",".join("?" * len(group_ids))
    rows = conn.execute(
        "SELECT m.group_id, m.quote_id, a.outlet FROM group_members m JOIN quotes q ON q.id = m.quote_id "
        f"JOIN articles a ON a.id = q.article WHERE m.group_id IN ({marks})",
        tuple(group_ids),
    ).fetchall()
    outlets = {row[1]: row[2] for row in rows}
    out: dict[str, list[tuple[int, Rendering]]] = {}
    for group in store._load_groups(f"WHERE g.id IN ({marks})", tuple(group_ids)):
        ids = store._quote_ids(group.members)
        out[group.id] = [
            (qid, Rendering(**m.model_dump(), outlet=outlets.get(qid)))
            for m in group.members
            for qid in [ids[(m.article, m.index)]]
        ]
    return out
