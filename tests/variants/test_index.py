"""Group input fingerprints and an Aligner restored from stored groups (quotes.variants.index)."""

from __future__ import annotations

import pytest

import quotes.variants.align as align_mod
from quotes.models import Quote, QuoteGroup
from quotes.variants.align import Aligner, align
from quotes.variants.index import FINGERPRINT_FORMAT, group_inputs, is_current

POLICE = "The police will publish every report on the shooting before the end of the month"
POLICE_SHORT = "publish every report on the shooting"
BUDGET = "Our budget protects hospitals, schools and the pensions of every retired nurse in this country"
BUDGET_CURLY = "Our budget protects hospitals, schools and the pensions of every retired nurse in this country."
HARBOUR = "The new harbour bridge opens to traffic in April after six years of delays and two inquiries"


def q(article: str, index: int, text: str, speaker: str | None) -> Quote:
    return Quote(article=article, index=index, text=text, start=0, end=len(text), kind="speech", speaker=speaker,
                 confidence=1.0)


def corpus() -> list[Quote]:
    return [
        q("a-herald", 0, POLICE, "Commissioner Ruth Okoye"),
        q("a-herald", 1, BUDGET, "Finance Minister Daniel Marsh"),
        q("b-courier", 0, POLICE_SHORT, "Okoye"),
        q("b-courier", 1, BUDGET_CURLY, "Marsh"),
        q("c-gazette", 0, HARBOUR, "Mayor Lena Fischer"),
    ]


def signature(groups: list[QuoteGroup]) -> list[tuple[str, tuple[tuple[str, object, object], ...]]]:
    return sorted((g.id, tuple((m.id, m.cluster, m.variant) for m in g.members)) for g in groups)


def test_the_fingerprint_changes_with_every_input() -> None:
    member = q("a", 0, POLICE, "Ruth Okoye")
    base = ("g1", [member], ["ruth okoye"], ["Ruth Okoye"], True, ["lexical"], {"a#0": []})
    fp = group_inputs(*base)
    assert fp == group_inputs(*base)
    changed = [
        ("g2", *base[1:]),
        (base[0], [member.model_copy(update={"text": POLICE_SHORT})], *base[2:]),
        (*base[:2], ["okoye"], *base[3:]),
        (*base[:3], ["Commissioner Ruth Okoye"], *base[4:]),
        (*base[:4], False, *base[5:]),
        (*base[:5], ["lexical", "semantic:all-MiniLM-L6-v2"], base[6]),
        (*base[:6], {"a#0": ["q123"]}),
    ]
    assert len({group_inputs(*c) for c in changed} | {fp}) == len(changed) + 1


@pytest.mark.parametrize(
    ("fingerprint", "expected"),
    [
        (f"{FINGERPRINT_FORMAT}:" + "3f" * 16, True),
        ("3f" * 16, False),  # format 1: 32 hex digits without a prefix
        ("1:" + "3f" * 16, False),
        ("", False),
        (None, False),
    ],
)
def test_only_fingerprints_of_the_current_format_are_compared(fingerprint: str | None, expected: bool) -> None:
    assert is_current(fingerprint) is expected


def test_the_fingerprint_is_its_format_and_a_digest() -> None:
    fp = group_inputs("g1", [q("a", 0, POLICE, "Ruth Okoye")], ["ruth okoye"], ["Ruth Okoye"], False, ["lexical"], {"a#0": []})
    prefix, digest = fp.split(":")
    assert prefix == FINGERPRINT_FORMAT and len(digest) == 32 and int(digest, 16) >= 0


def test_the_fingerprint_depends_on_values_not_on_which_objects_hold_them() -> None:
    """Equal inputs give one fingerprint whether their strings are one object or several (a stored
    row read again, a name resolved twice)."""
    shared = "Ruth Okoye"
    built = "".join(["Ruth ", "Okoye"])
    assert built == shared and built is not shared
    one = group_inputs("g1", [q("a", 0, POLICE, shared), q("b", 0, POLICE, shared)], ["ruth okoye"] * 2, [shared, shared],
                       True, ["lexical"], {"a#0": [], "b#0": []})
    two = group_inputs("g1", [q("a", 0, POLICE, built), q("b", 0, POLICE, "Ruth Okoye")], ["ruth okoye", "ruth " + "okoye"],
                       [built, shared], True, ["lexical"], {"a#0": [], "b#0": []})
    assert one == two


def test_a_group_with_a_fingerprint_of_an_older_format_is_built_again() -> None:
    quotes = corpus()
    first = Aligner.restore([], semantic=False)
    first.add(quotes[:4])
    police = next(g for g in first.groups if any(m.id == "b-courier#0" for m in g.members))
    edited = police.model_copy(update={"members": [police.members[0], police.members[1].model_copy(update={"variant": "identical"})]})
    stored = [edited if g.id == police.id else g for g in first.groups]
    old = {gid: fp.split(":", 1)[1] for gid, fp in first.inputs().items()}  # the same digests, format-1 shape
    again = Aligner.restore(stored, old, semantic=False)
    again.add(quotes[4:])
    assert [m.variant for m in next(g for g in again.groups if g.id == police.id).members] == ["reference", "truncation"]
    assert all(is_current(fp) for fp in again.inputs().values())


def test_restored_aligner_adds_exactly_like_a_batch_run_and_keeps_unchanged_groups() -> None:
    quotes = corpus()
    first = Aligner.restore([], semantic=False)
    first.add(quotes[:4])
    stored, inputs = first.groups, first.inputs()
    assert set(inputs) == {g.id for g in stored}
    again = Aligner.restore(stored, inputs, semantic=False)
    touched = again.add(quotes[4:])
    assert signature(again.groups) == signature(align(quotes, semantic=False))
    # the harbour quote is a story of its own: only its group is new, the others are the stored objects
    assert [[m.id for m in g.members] for g in touched] == [["c-gazette#0"]]
    kept = {g.id: g for g in stored}
    assert all(g is kept[g.id] for g in again.groups if g.id in kept)
    assert len(kept) == len(again.groups) - 1


def test_a_group_is_reused_only_when_its_fingerprint_matches() -> None:
    quotes = corpus()
    first = Aligner.restore([], semantic=False)
    first.add(quotes[:4])
    inputs = first.inputs()
    police = next(g for g in first.groups if any(m.id == "b-courier#0" for m in g.members))
    assert [m.variant for m in police.members] == ["reference", "truncation"]
    # a stored row edited behind the aligner's back is taken as stored while its fingerprint matches...
    edited = police.model_copy(update={"members": [police.members[0], police.members[1].model_copy(update={"variant": "identical"})]})
    stored = [edited if g.id == police.id else g for g in first.groups]
    trusting = Aligner.restore(stored, inputs, semantic=False)
    trusting.add(quotes[4:])
    assert [m.variant for m in next(g for g in trusting.groups if g.id == police.id).members] == ["reference", "identical"]
    # ...and built again when it does not (a stale or missing fingerprint)
    for stale in ({**inputs, police.id: "0" * 32}, {}):
        fresh = Aligner.restore(stored, stale, semantic=False)
        fresh.add(quotes[4:])
        assert [m.variant for m in next(g for g in fresh.groups if g.id == police.id).members] == ["reference", "truncation"]


def test_only_groups_whose_inputs_changed_are_labelled_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """Labelling (compare) is most of a run's cost; a restored aligner pays it only for the
    groups a batch changes."""
    quotes = corpus()[:4]
    first = Aligner.restore([], semantic=False)
    first.add(quotes)
    calls: list[tuple[str, str]] = []
    real = align_mod.compare

    def counting(a: str, b: str, **kw):  # type: ignore[no-untyped-def]
        calls.append((a, b))
        return real(a, b, **kw)

    monkeypatch.setattr(align_mod, "compare", counting)
    again = Aligner.restore(first.groups, first.inputs(), semantic=False)
    again.add([q("d-post", 0, HARBOUR, "Lena Fischer")])
    assert calls == []  # only the new harbour group (one article) is built; nothing is compared
    again.add([q("e-times", 0, HARBOUR, "Fischer")])
    assert calls == [(HARBOUR, HARBOUR)]  # the harbour group now spans articles; the others are kept
    assert signature(again.groups) == signature(align([*quotes, q("d-post", 0, HARBOUR, "Lena Fischer"),
                                                       q("e-times", 0, HARBOUR, "Fischer")], semantic=False))
