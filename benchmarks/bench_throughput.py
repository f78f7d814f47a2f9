"""Extraction throughput: `find_quotes` against the bare engine on the same texts, side by side.

The toolkit's overhead is everything `find_quotes` does beyond the engine's own pipeline call
(converting to the engine-neutral document, quote marks, mentions, attribution, pydantic
models). Both sides run on the same texts in the same process, interleaved text by text so
machine noise hits both alike; the figure that matters is the ratio.

    python benchmarks/bench_throughput.py --engine stanza --rounds 3
    python benchmarks/bench_throughput.py --engine spacy --rounds 5
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path
from typing import Any, Callable

from quotes.annotate import get_engine
from quotes.extract.pipeline import find_quotes
from quotes.models import Article

ROOT = Path(__file__).resolve().parent.parent


def corpus() -> list[str]:
    """Every article text the project ships: the seeds and the annotated fixtures."""
    files = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "fixtures" / "heldout").glob("*.txt"))
    files += sorted((ROOT / "fixtures" / "patterns").glob("*.txt"))
    return [f.read_text(encoding="utf-8") for f in files]


def bare_pipeline(engine_name: str) -> Callable[[str], Any]:
    """The engine's own pipeline object, with exactly the processors the toolkit uses."""
    engine = get_engine(engine_name)
    return engine.pipeline if engine_name == "stanza" else engine.nlp  # type: ignore[attr-defined]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--engine", default="stanza", choices=["stanza", "spacy"])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    texts = corpus()
    words = sum(len(t.split()) for t in texts)
    engine = get_engine(args.engine)
    bare = bare_pipeline(args.engine)
    articles = [Article(id=str(i), text=t) for i, t in enumerate(texts)]

    # warm both paths once (lazy model initialisation, caches)
    bare(texts[0])
    find_quotes(articles[0], engine=engine)

    # Interleaved text by text, so a busy moment on the machine slows both sides alike.
    bare_times, tool_times = [], []
    for _ in range(args.rounds):
        bare_total = tool_total = 0.0
        for text, article in zip(texts, articles):
            start = time.perf_counter()
            bare(text)
            middle = time.perf_counter()
            find_quotes(article, engine=engine)
            bare_total += middle - start
            tool_total += time.perf_counter() - middle
        bare_times.append(bare_total)
        tool_times.append(tool_total)

    b, t = statistics.median(bare_times), statistics.median(tool_times)
    print(f"engine={args.engine} processors={','.join(engine.processors)} texts={len(texts)} words={words} rounds={args.rounds}")
    print(f"bare {args.engine:6s} {words / b:10.0f} words/s  (median {b:.2f} s)")
    print(f"quotes find  {words / t:10.0f} words/s  (median {t:.2f} s)")
    print(f"overhead     {100 * (t - b) / b:+.1f} %")


if __name__ == "__main__":
    main()
