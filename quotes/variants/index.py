"""What an aligner keeps between runs, so a store can hand it back without aligning again.

:class:`~quotes.variants.align.Aligner` groups a corpus with statistics of the whole corpus:
the number of sentence units ``n`` and each stem's document frequency (in every IDF weight of
blocking, link scores and fragment coverage), the speaker index (a bare "Kim" resolves only
while one full name has it; the canonical name is the most frequent), and positions in the
sorted corpus (tie-breaks). Adding one quote changes ``n``, so it can change any score; only a
run over the whole corpus is guaranteed to give the groups of a batch run. What *is* local is
the last step: a group, once its members are decided, is a function of

- its id, its members (every field, in order) and whether it spans articles,
- each member's speaker key and that key's display name in the corpus's speaker index,
- the signals used (``lexical``, ``semantic:<model>``: the embedder the labels were made with),
- the other groups each member's sentences are also in (``also_in``),
- and the code that labels it (the package version).

:func:`group_inputs` is a fingerprint of exactly these. An aligner restored with the stored
groups and their fingerprints (:meth:`~quotes.variants.align.Aligner.restore`) re-runs the
grouping over the whole corpus, then takes every group whose fingerprint is unchanged as stored
instead of labelling its members again (:func:`quotes.variants.compare.compare` and building the
pydantic rows are most of a run's time on a store where few groups change). The groups are the
batch run's by construction: the grouping itself ran on the whole corpus, and a reused group
was built from the same inputs by the same code.

>>> from quotes.models import Quote
>>> q = Quote(article="a", index=0, text="We will win", start=0, end=11, kind="speech", speaker="Kim")
>>> fp = group_inputs("q1", [q], ["kim"], ["Kim"], False, ["lexical"], {})
>>> fp == group_inputs("q1", [q], ["kim"], ["Kim"], False, ["lexical"], {}), len(fp), is_current(fp)
(True, 34, True)
>>> fp == group_inputs("q1", [q], ["kim"], ["Kim Jong Un"], False, ["lexical"], {})
False

A store keeps each quote's sentence units too (:data:`UnitRecords`), so that a run does not
normalise every stored quote again:

>>> units = (("We will win", ("we", "will", "win"), frozenset({"win"}), 3, 0, True, ()),)
>>> decode_units(encode_units(units)) == units
True
"""

from __future__ import annotations

import hashlib
import json
import marshal
from collections.abc import Sequence
from operator import attrgetter
from typing import Optional

from quotes._version import __version__
from quotes.models import Quote

__all__ = ["group_inputs", "is_current", "FINGERPRINT_FORMAT", "UnitRecords", "encode_units", "decode_units"]

UnitRecords = tuple[tuple[str, tuple[str, ...], frozenset[str], int, int, bool, tuple[str, ...]], ...]
"""A quote's sentence units as the aligner cuts them, one tuple each: the sentence, its
comparison keys, its content stems, its word count, its negations, whether it is a fragment,
the names it mentions. A function of the quote's text alone (no corpus statistic enters it)."""


FINGERPRINT_FORMAT = "2"
"""How :func:`group_inputs` writes a fingerprint: ``"<format>:<digest>"``. Format 1 (32 hex digits, no
prefix) hashed each member's JSON; format 2 hashes the member's field values as :mod:`marshal` writes
them (:data:`_MARSHAL_VERSION`), which is as exact (marshal reads back what it wrote) and costs far less.
A fingerprint of another format is never compared (:func:`is_current`): its group is built again once
and its fingerprint renewed."""

_MARSHAL_VERSION = 2
"""marshal's format 2 writes values only; from format 3 on it writes a reference to an object already
written, so equal values held in one object or in two would hash differently."""

_MEMBER_FIELDS = attrgetter(*Quote.model_fields)
"""A quote's field values, in the model's order (every field of a plain :class:`Quote`)."""


def is_current(fingerprint: Optional[str]) -> bool:
    """Whether ``fingerprint`` was written in this :data:`FINGERPRINT_FORMAT` (so it may be compared).

    >>> is_current("2:" + "0" * 32), is_current("0" * 32), is_current(None)
    (True, False, False)
    """
    return bool(fingerprint) and fingerprint.startswith(FINGERPRINT_FORMAT + ":")  # type: ignore[union-attr]


def group_inputs(
    gid: str,
    members: Sequence[Quote],
    keys: Sequence[str],
    displays: Sequence[Optional[str]],
    cross: bool,
    signals: Sequence[str],
    also: dict[str, list[str]],
) -> str:
    """A fingerprint of everything a group is built from (module docstring), in
    :data:`FINGERPRINT_FORMAT`: two groups with the same fingerprint are the same group."""
    payload = (
        __version__, gid, cross, tuple(signals),
        [_MEMBER_FIELDS(m) for m in members], tuple(keys), tuple(displays),
        [also.get(m.id, ()) for m in members],
    )
    digest = hashlib.blake2b(marshal.dumps(payload, _MARSHAL_VERSION), digest_size=16).hexdigest()
    return f"{FINGERPRINT_FORMAT}:{digest}"


def encode_units(units: UnitRecords) -> str:
    """``units`` as JSON (stems sorted, so equal records give equal text)."""
    return json.dumps(
        [[text, list(keys), sorted(stems), n, neg, frag, list(names)] for text, keys, stems, n, neg, frag, names in units],
        ensure_ascii=False, separators=(",", ":"),
    )


def decode_units(text: str) -> UnitRecords:
    """The records :func:`encode_units` wrote."""
    return tuple(
        (t, tuple(keys), frozenset(stems), int(n), int(neg), bool(frag), tuple(names))
        for t, keys, stems, n, neg, frag, names in json.loads(text)
    )
