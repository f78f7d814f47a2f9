"""``quotes report PATH... -o report.html``: one self-contained HTML page a newsroom can share.

    quotes report seeds/ -o report.html                       # find, align and report in one go
    quotes align seeds/ -f jsonl > aligned.jsonl
    quotes report aligned.jsonl seeds/ -o report.html         # reuse the alignment; seeds/ gives the texts
    quotes report found.jsonl seeds/ --speaker Putin -o putin.html
    quotes report --db quotes.db --speaker Putin -o putin.html   # from a quote store (`quotes index`)

PATH is articles (``.txt``, ``.md``, ``.jsonl`` of ``{"id", "text"}``, folders, ``-``) or the
JSONL that ``quotes find``/``quotes align`` wrote. With only articles, quotes are found and
aligned here. With quote JSONL, articles given as well only supply the texts the quotes are
marked in (they are not searched again); ``quotes align`` rows keep their groups, ``quotes
find`` rows are aligned here. With ``--db``, the store's groups, quotes and article texts are
reported as they are (the store is only read).

Each bad input is one line on stderr and the rest is still reported. Exit status: 0 all
inputs read, 1 some input failed, 2 the language engine is not available.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Optional

import typer

from quotes.cli.app import Failures, app, die, warn
from quotes.errors import EngineUnavailable, InputError, QuotesError
from quotes.models import AlignedQuote, Article, Quote, QuoteGroup


def groups_from_rows(rows: Iterable[AlignedQuote]) -> list[QuoteGroup]:
    """Rebuild the groups of ``quotes align`` JSONL rows from their ``cluster`` ids.

    The member labelled ``reference`` leads its group (the longest one when none is labelled);
    rows without a cluster are quotes without a counterpart and belong to no group.
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


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _split_paths(paths: Sequence[str]) -> tuple[list[str], list[str]]:
    from quotes.io.inputs import is_quote_jsonl

    quote_files = [p for p in paths if is_quote_jsonl(p)]
    return quote_files, [p for p in paths if p not in quote_files]


def _from_paths(
    paths: Sequence[str],
    *,
    engine: str,
    models_dir: Optional[str],
    workers: int,
    semantic: Optional[bool],
    on_error: Callable[[str], None],
) -> tuple[list[QuoteGroup], list[Quote], dict[str, Article]]:
    """Quotes, groups and article texts from files: see the module docstring for the rules."""
    from quotes.cli.find import extract_paths
    from quotes.io.inputs import iter_articles, iter_quote_rows

    articles: dict[str, Article] = {}
    quotes: list[Quote] = []
    quote_files, article_paths = _split_paths(paths)
    if quote_files:
        for path in quote_files:
            for row in iter_quote_rows(path):
                if isinstance(row, InputError):
                    on_error(str(row))
                else:
                    quotes.append(row)
        for item in iter_articles(article_paths) if article_paths else ():
            if isinstance(item, InputError):
                on_error(str(item))
            else:
                articles.setdefault(item.id, item)
    elif article_paths and any(True for _ in iter_articles(article_paths)):  # before loading the engine
        for article, found in extract_paths(article_paths, engine=engine, models_dir=models_dir, workers=workers, on_error=on_error):
            articles.setdefault(article.id, article)
            quotes.extend(found)
    if not quotes:
        return [], quotes, articles
    if all(isinstance(q, AlignedQuote) for q in quotes):
        return groups_from_rows(q for q in quotes if isinstance(q, AlignedQuote)), quotes, articles
    from quotes.variants.align import align

    plain = [Quote.model_validate(q.model_dump()) if isinstance(q, AlignedQuote) else q for q in quotes]
    return align(plain, semantic=semantic), plain, articles


def _from_store(db: str, speaker: Optional[str]) -> tuple[list[QuoteGroup], list[Quote], dict[str, Article]]:
    """The store's groups and quotes (of one speaker, if given) and the texts of their articles."""
    from quotes.store.db import QuoteStore

    with QuoteStore(db, create=False) as store:
        groups = store.groups(speaker=speaker)
        quotes = store.quotes(speaker=speaker)
        wanted = {q.article for q in quotes} | {m.article for g in groups for m in g.members}
        articles = {aid: art for aid in sorted(wanted) if (art := store.article(aid)) is not None}
    return groups, quotes, articles


@app.command("report")
def report_command(
    paths: Optional[list[str]] = typer.Argument(
        None, metavar="PATH",
        help="Articles (files, folders, - for stdin) and/or `quotes find`/`quotes align` JSONL.",
    ),
    output: str = typer.Option(..., "--output", "-o", help="The HTML file to write (atomically), or - for stdout."),
    speaker: Optional[str] = typer.Option(None, "--speaker", "-s", help="Only this speaker, by any of their names (\"Putin\", \"Kim Jong-un\")."),
    title: str = typer.Option("Quote report", "--title", help="Heading and <title> of the page."),
    engine: str = typer.Option("stanza", "--engine", "-e", help="Language engine for articles: stanza or spacy."),
    models_dir: Optional[str] = typer.Option(None, "--models-dir", help="Stanza resources folder (default: $STANZA_RESOURCES_DIR, else ~/stanza_resources)."),
    semantic: Optional[bool] = typer.Option(
        None, "--semantic/--no-semantic",
        help="Use sentence embeddings to group translations (default: when the semantic extra is installed).",
    ),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Worker processes for finding quotes in articles."),
    db: Optional[str] = typer.Option(None, "--db", help="Report from this quote store (made by `quotes index`) instead of PATHs."),
) -> None:
    """Write one self-contained HTML report: per speaker, each quote's renderings side by side with the differences highlighted, drift reasons, and every article's text with its quotes marked."""
    from quotes.report.html import select_speaker, write_report

    report_error = failures = Failures()

    if db and paths:
        die("give either PATHs or --db, not both", 2)
    if not db and not paths:
        die("give articles or `quotes find`/`quotes align` JSONL to report on, or --db quotes.db", 2)
    articles: dict[str, Article] = {}
    quotes: list[Quote] = []
    groups: list[QuoteGroup]
    try:
        if db:
            groups, quotes, articles = _from_store(db, speaker)
        else:
            groups, quotes, articles = _from_paths(
                paths or [], engine=engine, models_dir=models_dir, workers=workers, semantic=semantic, on_error=report_error
            )
            if not quotes and not articles:
                if failures:
                    raise typer.Exit(1)
                die(f"no articles or quotes found in {' '.join(paths or [])}; give articles (.txt, .md, .jsonl) or `quotes find`/`quotes align` JSONL", 1)
        if speaker:
            groups, quotes = select_speaker(groups, quotes, speaker)
            if not quotes:
                warn(f"no quotes by {speaker!r}; the report is empty (check the name with `quotes find`)")
        missing = sorted({q.article for q in quotes} - set(articles))
        if missing:
            shown = ", ".join(missing[:3]) + (f" and {len(missing) - 3} more" if len(missing) > 3 else "")
            warn(f"no text for article {shown}; give the article files too to link quotes to their place in the text")
        summary = write_report(groups, articles, quotes, output, title=title)
    except EngineUnavailable as exc:
        die(str(exc), 2)
    except QuotesError as exc:
        die(str(exc), exc.exit_code)
    except KeyboardInterrupt:
        die("interrupted; nothing was written", 130)
    if output != "-":
        counts = ", ".join(
            [_plural(summary.speakers, "speaker"), _plural(summary.groups, "group"), _plural(summary.quotes, "quote"),
             f"{summary.drift} drift", f"{summary.misattributed} misattributed", _plural(summary.articles, "article")]
        )
        typer.echo(f"quotes: wrote {output}: {counts}", err=True)
    if failures:
        raise typer.Exit(1)
