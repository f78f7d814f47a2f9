"""map_articles: N worker processes, the engine loaded once each, results in input order."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from quotes.errors import EngineUnavailable
from quotes.io.inputs import iter_articles
from quotes.models import Article
from quotes.run.parallel import Interrupted, map_articles, stop_on_signals


def _seed_articles(seeds_dir: Path) -> list[Article]:
    return [a for a in iter_articles([str(seeds_dir)]) if isinstance(a, Article)]


def test_workers_must_be_positive() -> None:
    with pytest.raises(ValueError):
        list(map_articles([], 0))


def test_empty_input_loads_no_engine() -> None:
    # an unknown engine would raise on load: with nothing to do, nothing is loaded
    assert list(map_articles([], 1, "no-such-engine")) == []
    assert list(map_articles([], 2, "no-such-engine")) == []


def test_unknown_engine_is_reported_in_process() -> None:
    with pytest.raises(EngineUnavailable):
        list(map_articles([Article(id="a", text='"Hi," she said.')], 1, "no-such-engine"))


@pytest.mark.slow
def test_unavailable_engine_in_workers_raises_in_the_caller(tmp_path: Path) -> None:
    # workers fail to load the models: the caller gets the engine's one-line error, not a broken pool
    articles = [Article(id=str(i), text='"We will win," she said.') for i in range(3)]
    with pytest.raises(EngineUnavailable):
        list(map_articles(articles, 2, "stanza", str(tmp_path / "no-models")))


@pytest.mark.slow
def test_two_workers_give_the_same_quotes_in_the_same_order(seeds_dir: Path, stanza_engine: object) -> None:
    from quotes.extract.pipeline import find_quotes

    articles = _seed_articles(seeds_dir)
    expected = {a.id: [q.model_dump() for q in find_quotes(a, engine=stanza_engine)] for a in articles}  # type: ignore[arg-type]
    one = [(a.id, [q.model_dump() for q in r]) for a, r in map_articles(articles, 1)]  # type: ignore[union-attr]
    assert one == list(expected.items())
    # every seed twice, interleaved, one article per task: results must still come back in input order
    doubled = [a.model_copy(update={"id": f"{a.id}-{k}"}) for k in range(2) for a in articles]
    two = [(a.id, [q.model_dump() for q in r]) for a, r in map_articles(doubled, 2, chunksize=1)]  # type: ignore[union-attr]
    assert two == [
        (a.id, [{**q, "article": a.id} for q in expected[a.id.rsplit("-", 1)[0]]]) for a in doubled
    ]
    assert sum(len(q) for _, q in two) > 0


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_stop_signal_becomes_interrupted_and_the_handlers_come_back(signum: int) -> None:
    before = signal.getsignal(signum)
    with pytest.raises(Interrupted) as caught:
        with stop_on_signals():
            os.kill(os.getpid(), signum)  # the handler runs in this thread before the next line
            pytest.fail("the signal must stop the block")
    assert caught.value.signum == signum and isinstance(caught.value, KeyboardInterrupt)
    assert str(caught.value) == f"stopped by {signal.Signals(signum).name}"
    assert signal.getsignal(signum) is before


def test_an_ignored_signal_stays_ignored() -> None:
    previous = signal.signal(signal.SIGTERM, signal.SIG_IGN)
    try:
        with stop_on_signals():
            os.kill(os.getpid(), signal.SIGTERM)  # nothing happens
        assert signal.getsignal(signal.SIGTERM) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGTERM, previous)
