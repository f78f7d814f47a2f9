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
- Nothing outlives the run. While a pool runs, SIGTERM and SIGINT (Ctrl-C) stop every worker
  at once and raise :class:`Interrupted` (a ``KeyboardInterrupt``, so a caller's Ctrl-C
  handling covers both) in the caller; workers ignore Ctrl-C themselves (the caller stops
  them), and a worker whose parent died (``kill -9``) notices within a second and exits, so
  neither the workers nor multiprocessing's resource tracker are left behind.
  :func:`stop_on_signals` gives a command the same handling around the whole run.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import signal
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from types import FrameType
from typing import Any, Optional, Union

from quotes.errors import EngineUnavailable, QuotesError
from quotes.models import Article, Quote

Result = Union[list[Quote], Exception]
"""What one article gives: its quotes, or the exception that stopped its extraction."""

# Environment variables that cap the thread pools of torch and the BLAS libraries under it.
_THREAD_ENV = ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS")

# Per-process worker state, set once by _init_worker.
_worker_engine: object = None
_worker_error: Optional[Exception] = None

STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)
"""The signals that stop a run (and its workers) with :class:`Interrupted`."""

PARENT_CHECK_SECONDS = 0.5
"""How often a worker checks that the process that started it is still alive (a dead parent
means nobody will read its results: it exits). Half a second: a worker that lost its parent
costs at most that much of one core, and checking costs nothing measurable."""

WORKER_EXIT_SECONDS = 5.0
"""How long stopped workers get to exit after SIGTERM before they are killed (SIGKILL)."""

# Worker processes of the pools running now in this process, for the signal handler.
_running_pools: list[ProcessPoolExecutor] = []


class Interrupted(KeyboardInterrupt):
    """The run was stopped by a signal (SIGTERM or SIGINT); its workers are stopped already.

    A ``KeyboardInterrupt``, so code that handles Ctrl-C handles SIGTERM the same way;
    ``signum`` tells them apart (a command exits with ``128 + signum``).
    """

    def __init__(self, signum: int) -> None:
        self.signum = signum
        super().__init__(f"stopped by {signal.Signals(signum).name}")


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


@contextmanager
def stop_on_signals() -> Iterator[None]:
    """Within the block, SIGTERM and SIGINT stop the running worker pools and raise
    :class:`Interrupted` in the main thread (elsewhere, or for a signal that is ignored, it
    does nothing). The previous handlers come back at the end. :func:`map_articles` does this
    while its pool runs; a command wraps its whole run so SIGTERM gets its one-line message::

        with stop_on_signals():
            for article, result in map_articles(articles, workers=2):
                ...
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous: dict[int, Any] = {}
    for signum in STOP_SIGNALS:
        current = signal.getsignal(signum)
        if current is signal.SIG_IGN or current is _on_stop_signal:  # ignored, or handled already
            continue
        previous[signum] = current
        signal.signal(signum, _on_stop_signal)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _on_stop_signal(signum: int, frame: Optional[FrameType]) -> None:
    _stop_workers()
    raise Interrupted(signum)


def _stop_workers() -> None:
    """Terminate the workers of every running pool, at once (not after their current articles)."""
    for executor in list(_running_pools):
        _terminate(executor)


def _terminate(executor: ProcessPoolExecutor) -> None:
    # ProcessPoolExecutor has no public "terminate": its processes are in ``_processes``.
    processes = list((getattr(executor, "_processes", None) or {}).values())
    for process in processes:
        if process.is_alive():
            process.terminate()
    deadline = time.monotonic() + WORKER_EXIT_SECONDS
    for process in processes:
        process.join(max(0.0, deadline - time.monotonic()))
        if process.is_alive():
            process.kill()
            process.join(1.0)


def _map_in_pool(
    articles: Iterable[Article], workers: int, engine_name: str, models_dir: Optional[str], chunksize: int
) -> Iterator[tuple[Article, Result]]:
    with stop_on_signals():
        yield from _run_pool(articles, workers, engine_name, models_dir, chunksize)


def _run_pool(
    articles: Iterable[Article], workers: int, engine_name: str, models_dir: Optional[str], chunksize: int
) -> Iterator[tuple[Article, Result]]:
    # "spawn" starts each worker from a fresh interpreter: forking a parent that already runs
    # torch threads (a library caller who loaded the engine) can deadlock in OpenMP.
    context = multiprocessing.get_context("spawn")
    max_in_flight = workers * 2
    pending: deque[tuple[list[Article], Future[list[Result]]]] = deque()
    source = iter(articles)
    executor = ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_init_worker,
        initargs=(engine_name, models_dir, os.getpid()),
    )
    _running_pools.append(executor)
    finished = False
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
        finished = True
    finally:
        _running_pools.remove(executor)
        if not finished:  # an error, a signal, or a caller that stopped reading: do not wait for the workers
            _terminate(executor)
        executor.shutdown(wait=True, cancel_futures=True)


def _take(source: Iterator[Article], n: int) -> list[Article]:
    chunk: list[Article] = []
    for article in source:
        chunk.append(article)
        if len(chunk) >= n:
            break
    return chunk


def _init_worker(engine_name: str, models_dir: Optional[str], parent: Optional[int] = None) -> None:
    """Pool initializer: runs once per worker process and loads the engine there."""
    global _worker_engine, _worker_error
    # Ctrl-C reaches every process of the terminal's group: the parent stops the workers, so
    # they must not stop on their own halfway (and print a traceback each).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if parent is not None:
        threading.Thread(target=_exit_with_parent, args=(parent,), name="quotes-parent-watch", daemon=True).start()
    limit_threads()
    try:
        from quotes.annotate import get_engine

        _worker_engine = get_engine(engine_name, models_dir)
    except Exception as exc:  # noqa: BLE001 - reported per article, raised by the parent
        _worker_error = exc


def _exit_with_parent(parent: int) -> None:
    """Exit this worker as soon as ``parent`` is gone (killed with -9, or crashed): nobody is
    left to read its results, and it would otherwise hold its memory until the machine reboots."""
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)


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
