"""Dask integration on a real local cluster: two worker processes, one thread each."""

from __future__ import annotations

import logging
import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from quotes.errors import InputError
from quotes.io.inputs import iter_articles
from quotes.models import Article

dask = pytest.importorskip("dask")
db = pytest.importorskip("dask.bag")
distributed = pytest.importorskip("dask.distributed")

from quotes.run.distributed import EnginePlugin, find_quotes_bag, find_quotes_dataframe


def _seed_articles(seeds_dir: Path) -> list[Article]:
    return [a for a in iter_articles([str(seeds_dir)]) if isinstance(a, Article)]


@pytest.fixture(scope="module")
def client(stanza_resources: Path) -> Iterator[Any]:
    """A real scheduler and two worker processes; STANZA_RESOURCES_DIR is inherited by the workers."""
    cluster = distributed.LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None, silence_logs=logging.ERROR
    )
    client = distributed.Client(cluster)
    try:
        yield client
    finally:
        client.close()
        cluster.close()


@pytest.fixture(scope="module")
def expected(seeds_dir: Path, stanza_resources: Path) -> list[dict[str, Any]]:
    from quotes.extract.pipeline import find_quotes

    return [q.model_dump(mode="json") for a in _seed_articles(seeds_dir) for q in find_quotes(a, engine="stanza")]


@pytest.mark.slow
def test_bag_of_dicts_equals_single_process(client: Any, seeds_dir: Path, expected: list[dict[str, Any]]) -> None:
    records = [a.model_dump(mode="json") for a in _seed_articles(seeds_dir)]
    bag = db.from_sequence(records, npartitions=3)
    got = find_quotes_bag(bag).compute()
    assert got == expected
    assert len(got) > 0
    # it really ran on the cluster's worker processes
    assert len(client.scheduler_info()["workers"]) == 2


@pytest.mark.slow
def test_bag_of_articles_with_engine_plugin(client: Any, seeds_dir: Path, expected: list[dict[str, Any]]) -> None:
    client.register_plugin(EnginePlugin("stanza"))
    bag = db.from_sequence(_seed_articles(seeds_dir), npartitions=5)
    assert find_quotes_bag(bag, engine="stanza").compute() == expected


@pytest.mark.slow
def test_dataframe_equals_single_process(client: Any, seeds_dir: Path, expected: list[dict[str, Any]]) -> None:
    pd = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")
    frame = pd.DataFrame([{"id": a.id, "text": a.text} for a in _seed_articles(seeds_dir)])
    found = find_quotes_dataframe(dd.from_pandas(frame, npartitions=2)).compute()
    rows = [
        {k: (None if isinstance(v, float) and math.isnan(v) and k != "confidence" else v) for k, v in row.items()}
        for row in found.astype(object).where(found.notna(), None).to_dict("records")
    ]
    assert list(found.columns) == list(expected[0])
    assert rows == expected


@pytest.mark.slow
def test_a_record_that_is_not_an_article_fails_with_its_position(client: Any) -> None:
    bag = db.from_sequence([{"id": "ok", "text": '"Yes," she said.'}, {"title": "no text"}], npartitions=1)
    with pytest.raises(InputError, match="item 1 of a partition is not an article"):
        find_quotes_bag(bag).compute()


def test_dataframe_without_a_text_column_is_refused() -> None:
    pd = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")
    frame = dd.from_pandas(pd.DataFrame([{"id": "a", "body": "x"}]), npartitions=1)
    with pytest.raises(InputError, match="'text'"):
        find_quotes_dataframe(frame)
