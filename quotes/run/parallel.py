"""Find quotes in many articles with several worker processes, in input order.

:func:`map_articles` is what ``quotes find --workers N`` and ``quotes index --workers N`` run::

    from quotes.io.inputs import iter_articles
    from quotes.models import Article
    from quotes.run.parallel import map_articles

    articles = (a for a in iter_articles(["corpus/"]) if isinstance(a, Article))
    for article, result in map_articles(articles, workers=4):
        if isinstance(result, Exception):
            print(f"{article.id}: {result}")       # one bad article never stops the run
            continue
        for quote in result:
            print(quote.model_dump_json())

- Each worker process loads the language engine **once** (in the pool initializer) and reuses
  it for every article it is sent.
- Results come back in exactly the order the articles went in, whatever ``workers`` is, so the
  output of ``--workers 4`` is byte-identical to ``--workers 1``.
- ``workers=1`` runs in the calling process, with no pool at all.
- Input is consumed lazily with a bounded number of articles in flight, so a huge corpus
  streams through without being held in memory.
- With ``workers > 1`` each worker limits torch/BLAS to one thread: N workers each spinning up
  one thread per core would oversubscribe the machine and run slower than one process.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Optional, Union

from quotes.errors import EngineUnavailable, QuotesError
from quotes.models import Article, Quote

Result = Union[list[Quote], Exception]
"""What one article gives: its quotes, or the exception that stopped its extraction."""

# Environment variables that cap the thread pools of torch and the BLAS libraries under it.
_THREAD_ENV = ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS")

# Per-process worker state, set once by _init_worker.
_worker_engine: object = None
_worker_error: Optional[Exception] = None


def map_articles(
    articles: Iterable[Article],
    workers: int = 1,
    engine_name: str = "stanza",
    models_dir: Optional[str] = None,
    *,
    chunksize: int = 4,
) -> Iterator[tuple[Article, Result]]:
    """Yield ``(article, quotes_or_exception)`` for every article, in input order.

    ``workers`` processes each load engine ``engine_name`` (``"stanza"`` or ``"spacy"``) from
    ``models_dir`` (or the engine's default location) once. ``chunksize`` articles travel
    to a worker together, which keeps inter-process overhead small for short articles.

    An article whose extraction raises comes back with the exception instead of its quotes;
    the run goes on. A missing engine or models is fatal for every article, so
    :class:`~quotes.errors.EngineUnavailable` is raised instead (as ``workers=1`` does too).
    """
    if workers < 1:
        raise ValueError(f"workers must be at least 1, got {workers}")
    if workers == 1:
        yield from _map_in_process(articles, engine_name, models_dir)
    else:
        yield from _map_in_pool(articles, workers, engine_name, models_dir, max(chunksize, 1))


def limit_threads() -> None:
    """Make torch (and the BLAS/OpenMP pools under it) use one thread in this process.

    Call it in a worker process before the engine runs; :func:`map_articles` and
    :mod:`quotes.run.distributed` do. Harmless when torch is not installed.
    """
    for name in _THREAD_ENV:
        os.environ[name] = "1"
    try:
        import torch
    except ImportError:
        return
    torch.set_num_threads(1)
    try:
        torch.set_num_interop_threads(1)
    except RuntimeError:  # only allowed before torch's first parallel work; then it is already set
        pass


def extract_one(article: Article, engine: object) -> Result:
    """Quotes of one article with an already loaded engine, or the exception that stopped it."""
    from quotes.extract.pipeline import find_quotes

    try:
        return find_quotes(article, engine=engine)  # type: ignore[arg-type]
    except EngineUnavailable:
        raise
    except Exception as exc:  # noqa: BLE001 - one bad article must not stop a corpus run
        return exc


def _map_in_process(
    articles: Iterable[Article], engine_name: str, models_dir: Optional[str]
) -> Iterator[tuple[Article, Result]]:
    from quotes.annotate import get_engine

    engine = None
    for article in articles:
        if engine is None:  # load lazily: an empty input never loads a model
            engine = get_engine(engine_name, models_dir)
        yield article, extract_one(article, engine)


def _map_in_pool(
    articles: Iterable[Article], workers: int, engine_name: str, models_dir: Optional[str], chunksize: int
) -> Iterator[tuple[Article, Result]]:
    # "spawn" starts each worker from a fresh interpreter: forking a parent that already runs
    # torch threads (a library caller who loaded the engine) can deadlock in OpenMP.
    context = multiprocessing.get_context("spawn")
    max_in_flight = workers * 2
    pending: deque[tuple[list[Article], Future[list[Result]]]] = deque()
    source = iter(articles)
    executor = ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_init_worker, initargs=(engine_name, models_dir)
    )
    try:
        exhausted = False
        while True:
            while not exhausted and len(pending) < max_in_flight:
                chunk = _take(source, chunksize)
                if not chunk:
                    exhausted = True
                    break
                pending.append((chunk, executor.submit(_extract_chunk, chunk)))
            if not pending:
                break
            chunk, future = pending.popleft()
            try:
                results = future.result()
            except BrokenProcessPool:
                raise QuotesError(
                    "a worker process died (out of memory?); run again with fewer --workers"
                ) from None
            for article, result in zip(chunk, results):
                if isinstance(result, EngineUnavailable):
                    raise result
                yield article, result
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


def _take(source: Iterator[Article], n: int) -> list[Article]:
    chunk: list[Article] = []
    for article in source:
        chunk.append(article)
        if len(chunk) >= n:
            break
    return chunk


def _init_worker(engine_name: str, models_dir: Optional[str]) -> None:
    """Pool initializer: runs once per worker process and loads the engine there."""
    global _worker_engine, _worker_error
    limit_threads()
    try:
        from quotes.annotate import get_engine

        _worker_engine = get_engine(engine_name, models_dir)
    except Exception as exc:  # noqa: BLE001 - reported per article, raised by the parent
        _worker_error = exc


def _extract_chunk(chunk: list[Article]) -> list[Result]:
    if _worker_error is not None:
        return [_picklable(_worker_error)] * len(chunk)
    results: list[Result] = []
    for article in chunk:
        try:
            result = extract_one(article, _worker_engine)
        except EngineUnavailable as exc:
            result = exc
        results.append(result if isinstance(result, list) else _picklable(result))
    return results


def _picklable(exc: Exception) -> Exception:
    """The exception itself if it survives the trip to the parent process, else a plain copy."""
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:  # noqa: BLE001
        return QuotesError(f"{type(exc).__name__}: {exc}")
