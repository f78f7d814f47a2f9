"""Quote extraction on a Dask cluster, for corpora beyond one machine.

Needs the ``distributed`` extra (``pip install "quotes[distributed]"``: ``dask[distributed]``,
plus ``dask[dataframe]`` for :func:`find_quotes_dataframe`). The engine is loaded **once per
worker process** and reused for every partition that worker runs (a per-process cache), and
each worker limits torch to one thread, so give every worker process one thread
(``threads_per_worker=1``) and scale with processes.

With a bag of articles (``Article`` objects or ``{"id", "text", ...}`` dicts)::

    import dask.bag as db
    from dask.distributed import Client, LocalCluster
    from quotes.run.distributed import EnginePlugin, find_quotes_bag

    cluster = LocalCluster(n_workers=4, threads_per_worker=1, processes=True)
    client = Client(cluster)
    client.register_plugin(EnginePlugin("stanza"))   # optional: load models as workers start

    articles = db.read_text("corpus/*.jsonl").map(json.loads)
    quotes = find_quotes_bag(articles, engine="stanza")
    quotes.map(json.dumps).to_textfiles("out/quotes-*.jsonl")   # the `quotes find` JSONL rows

With a dataframe of articles (one row per article, ``id`` and ``text`` columns)::

    import dask.dataframe as dd
    from quotes.run.distributed import find_quotes_dataframe

    articles = dd.read_parquet("corpus.parquet")
    found = find_quotes_dataframe(articles)           # one row per quote, Quote's fields as columns
    found.to_parquet("quotes.parquet")

Results are exactly what :func:`quotes.extract.pipeline.find_quotes` gives on one machine, in the order
of the input partitions.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Optional, Union

from quotes.errors import InputError, QuotesError
from quotes.models import Article, Quote

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe
    import pandas

__all__ = ["find_quotes_bag", "find_quotes_dataframe", "find_quotes_partition", "EnginePlugin", "QUOTE_COLUMNS"]

QUOTE_COLUMNS: tuple[str, ...] = tuple(Quote.model_fields)
"""Columns of :func:`find_quotes_dataframe`'s result: the fields of :class:`~quotes.models.Quote`."""

_threads_limited = False

try:  # the plugin base class exists only with the `distributed` extra installed
    from distributed.diagnostics.plugin import WorkerPlugin as _PluginBase
except ImportError:  # pragma: no cover - quotes.run.distributed is still importable, for the docs
    _PluginBase = object  # type: ignore[assignment,misc]


def find_quotes_bag(
    bag: "dask.bag.Bag", engine: str = "stanza", models_dir: Optional[str] = None
) -> "dask.bag.Bag":
    """A bag of quote dicts (the ``quotes find --format jsonl`` rows) from a bag of articles.

    Items of ``bag`` are :class:`~quotes.models.Article` objects or dicts with ``id`` and
    ``text`` (and optional ``outlet``, ``url``, ``date``). Lazy, like any bag: call
    ``.compute()`` or write it out. An item that is not an article fails its partition with an
    :class:`~quotes.errors.InputError` naming the item.
    """
    return bag.map_partitions(find_quotes_partition, engine, models_dir)


def find_quotes_partition(
    records: Iterable[Union[Article, dict[str, Any]]], engine: str = "stanza", models_dir: Optional[str] = None
) -> list[dict[str, Any]]:
    """Quote dicts of every article in one partition, with the worker's cached engine."""
    from quotes.extract.pipeline import find_quotes

    loaded = _worker_engine(engine, models_dir)
    out: list[dict[str, Any]] = []
    for position, record in enumerate(records):
        article = _as_article(record, position)
        try:
            quotes = find_quotes(article, engine=loaded)
        except QuotesError:
            raise
        except Exception as exc:
            raise QuotesError(f"article {article.id!r}: could not extract quotes ({type(exc).__name__}: {exc})") from exc
        out.extend(q.model_dump(mode="json") for q in quotes)
    return out


def find_quotes_dataframe(
    ddf: "dask.dataframe.DataFrame",
    *,
    engine: str = "stanza",
    models_dir: Optional[str] = None,
    id_column: str = "id",
    text_column: str = "text",
) -> "dask.dataframe.DataFrame":
    """A dataframe with one row per quote from a dataframe with one row per article.

    ``ddf`` needs an ``id`` and a ``text`` column (other names with ``id_column`` /
    ``text_column``); ``outlet``, ``url`` and ``date`` columns are used when present. The
    result has the columns of :data:`QUOTE_COLUMNS` (``article`` is the article's id).
    """
    missing = [c for c in (id_column, text_column) if c not in ddf.columns]
    if missing:
        raise InputError(f"the dataframe has no {' or '.join(repr(c) for c in missing)} column; name the id and text columns with id_column=/text_column=")
    return ddf.map_partitions(
        _dataframe_partition, engine, models_dir, id_column, text_column, meta=_quotes_frame([])
    )


class EnginePlugin(_PluginBase):  # type: ignore[misc,valid-type]
    """A Dask worker plugin that loads the engine when each worker starts.

    Optional: without it each worker loads the engine on its first partition. With it, model
    loading happens up front and a worker that cannot load the models fails at start-up::

        client.register_plugin(EnginePlugin("stanza", models_dir="/models/stanza"))
    """

    idempotent = True

    def __init__(self, engine: str = "stanza", models_dir: Optional[str] = None) -> None:
        self.engine = engine
        self.models_dir = models_dir
        self.name = f"quotes-engine-{engine}"

    def setup(self, worker: Any) -> None:
        _worker_engine(self.engine, self.models_dir)



# --- internals ---------------------------------------------------------------------------------


def _worker_engine(engine: str, models_dir: Optional[str]) -> Any:
    """The engine for this process (cached by get_engine); one torch thread in worker processes."""
    global _threads_limited
    from quotes.annotate import get_engine

    if not _threads_limited and _in_worker_process():
        from quotes.run.parallel import limit_threads

        limit_threads()
        _threads_limited = True
    return get_engine(engine, models_dir)


def _in_worker_process() -> bool:
    try:
        from distributed import get_worker

        get_worker()
        return True
    except (ImportError, ValueError):
        return multiprocessing.parent_process() is not None


def _as_article(record: Union[Article, dict[str, Any]], position: int) -> Article:
    if isinstance(record, Article):
        return record
    if isinstance(record, dict) and isinstance(record.get("text"), str) and record.get("id") not in (None, ""):
        data = dict(record)
        data["id"] = str(data["id"])
        return Article.model_validate(data)
    shown = repr(record)[:80]
    raise InputError(f'item {position} of a partition is not an article: {shown}; give Article objects or {{"id", "text"}} dicts')


def _dataframe_partition(
    frame: "pandas.DataFrame", engine: str, models_dir: Optional[str], id_column: str, text_column: str
) -> "pandas.DataFrame":
    optional = [c for c in ("outlet", "url", "date") if c in frame.columns]
    records = []
    for row in frame[[id_column, text_column, *optional]].itertuples(index=False, name=None):
        record = {"id": row[0], "text": row[1]}
        for name, value in zip(optional, row[2:]):
            if isinstance(value, str):
                record[name] = value
        records.append(record)
    return _quotes_frame(find_quotes_partition(records, engine, models_dir))


def _quotes_frame(rows: list[dict[str, Any]]) -> "pandas.DataFrame":
    import pandas as pd

    dtypes = {
        name: ("int64" if info.annotation is int else "float64" if info.annotation is float else "bool" if info.annotation is bool else "object")
        for name, info in Quote.model_fields.items()
    }
    frame = pd.DataFrame(rows, columns=list(QUOTE_COLUMNS))
    return frame.astype(dtypes)
