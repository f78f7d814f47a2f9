"""quotes.io.inputs: articles and quote rows from files, directories and stdin, and every bad input."""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import pytest

from quotes.io import inputs
from quotes.errors import InputError
from quotes.io.inputs import (
    first_json_object,
    is_quote_jsonl,
    iter_articles,
    iter_json_objects,
    iter_quote_rows,
    read_text_file,
)
from quotes.models import AlignedQuote, Article, Quote

FIX = Path(__file__).resolve().parents[2] / "fixtures" / "inputs"


def split(items):  # type: ignore[no-untyped-def]
    items = list(items)
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, InputError)]


@pytest.fixture
def stdin(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Feed bytes to sys.stdin (and forget what the module cached from an earlier test)."""

    def feed(data: bytes) -> None:
        inputs._reset_stdin_cache()
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))

    yield feed
    inputs._reset_stdin_cache()


# --- text files ----------------------------------------------------------------------------------


def test_txt_file_is_one_article_named_by_stem() -> None:
    path = FIX / "corpus" / "a_council.txt"
    [article] = list(iter_articles([str(path)]))
    assert isinstance(article, Article)
    assert article.id == "a_council"
    assert article.source == str(path)
    assert article.text == path.read_text(encoding="utf-8")


def test_seed_offsets_are_those_of_read_text(seeds_dir: Path) -> None:
    for path in sorted(seeds_dir.glob("*.txt")):
        assert read_text_file(str(path)) == path.read_text(encoding="utf-8")


def test_bom_is_stripped_and_crlf_read_as_newline() -> None:
    text = read_text_file(str(FIX / "bom_crlf.txt"))
    assert text == '"First line," she said.\nSecond line with "a quote".\n'
    # Same as Python's default text reading, minus the byte-order mark.
    assert text == (FIX / "bom_crlf.txt").read_text(encoding="utf-8").lstrip("\ufeff")


def test_lone_carriage_returns_become_newlines(tmp_path: Path) -> None:
    path = tmp_path / "mac.txt"
    path.write_bytes(b'"One," he said.\r"Two."\r')
    assert read_text_file(str(path)) == '"One," he said.\n"Two."\n'
    assert read_text_file(str(path)) == path.read_text()


def test_cp1252_text_is_decoded_with_one_note_naming_file_and_encoding(capsys: pytest.CaptureFixture[str]) -> None:
    path = str(FIX / "cp1252.txt")
    notes: list[str] = []
    text = read_text_file(path, on_note=notes.append)
    assert text.startswith("“We will rebuild the bridge by spring,” the mayor of Saint-Étienne")
    assert "‘Café’ owners" in text
    assert notes == [f"{path}: not UTF-8, read as Windows-1252; if its accents look wrong, "
                     f"re-encode it as UTF-8 (iconv -f <its encoding> -t UTF-8 {path})"]
    # iter_articles passes it on; a caller that asks for no notes gets none on its stderr
    [article] = list(iter_articles([path], on_note=notes.append))
    assert isinstance(article, Article) and article.id == "cp1252" and notes == [notes[0]] * 2
    del notes[1]
    assert [a.id for a in iter_articles([path])] == ["cp1252"]
    assert capsys.readouterr().err == ""
    read_text_file(str(FIX / "corpus" / "a_council.txt"), on_note=notes.append)  # UTF-8: no note
    assert len(notes) == 1


def test_text_in_another_encoding_is_an_error_that_says_how_to_fix_it() -> None:
    path = str(FIX / "not_utf8.txt")  # Shift-JIS: neither UTF-8 nor Windows-1252
    [err] = list(iter_articles([path]))
    assert isinstance(err, InputError)
    assert str(err).startswith(f"{path}: not UTF-8 text; re-encode it as UTF-8 (iconv -f ")
    assert "-t UTF-8" in str(err)


def test_cp1252_decoding_that_yields_control_characters_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "odd.txt"
    path.write_bytes(b"caf\xe9 \x01\x02\x03 menu")  # not UTF-8; cp1252 would give C0 controls
    with pytest.raises(InputError, match="not UTF-8 text"):
        read_text_file(str(path))


def test_utf16_with_byte_order_mark_is_text(tmp_path: Path) -> None:
    path = tmp_path / "notepad.txt"
    path.write_bytes('“Ça ira,” she said.\r\n'.encode("utf-16"))
    assert read_text_file(str(path)) == "“Ça ira,” she said.\n"


def test_binary_file_is_an_error() -> None:
    path = str(FIX / "binary.txt")
    [err] = list(iter_articles([path]))
    assert isinstance(err, InputError)
    assert str(err).startswith(f"{path}: binary file, not text;")


@pytest.mark.parametrize("name", ["empty.txt", "blank.txt"])
def test_empty_or_blank_file_is_an_error(name: str) -> None:
    path = str(FIX / name)
    [err] = list(iter_articles([path]))
    assert isinstance(err, InputError)
    assert str(err).startswith(f"{path}: empty file, nothing to read;")


def test_missing_file_is_an_error(tmp_path: Path) -> None:
    path = str(tmp_path / "nope.txt")
    [err] = list(iter_articles([path]))
    assert isinstance(err, InputError)
    assert str(err) == f"{path}: no such file or directory; check the path"


def test_json_file_is_refused_with_a_pointer_to_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "articles.json"
    path.write_text('[{"id": "a", "text": "x"}]')
    [err] = list(iter_articles([str(path)]))
    assert isinstance(err, InputError) and ".jsonl" in str(err)


def test_every_error_is_one_line() -> None:
    names = ["empty.txt", "blank.txt", "binary.txt", "not_utf8.txt", "malformed.jsonl", "missing.txt"]
    _, errors = split(iter_articles([str(FIX / n) for n in names]))
    assert len(errors) == 10
    for err in errors:
        assert "\n" not in str(err)
        assert "; " in str(err), f"no advice in {err}"


# --- directories ---------------------------------------------------------------------------------


def test_directory_is_walked_recursively_in_sorted_order_skipping_hidden_and_other_types() -> None:
    articles, errors = split(iter_articles([str(FIX / "corpus")]))
    assert errors == []
    assert [a.id for a in articles] == ["a_council", "wire-1", "2", "notes", "c_storm"]
    assert articles[3].source == str(FIX / "corpus" / "notes.md")
    assert articles[4].source == str(FIX / "corpus" / "sub" / "c_storm.txt")


def test_directory_with_bad_entries_reports_them_in_place_and_reads_the_rest(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text('"Yes," she said.')
    (tmp_path / "b.txt").symlink_to(tmp_path / "gone.txt")  # broken link: unreadable
    (tmp_path / "c.txt").write_bytes(b"")
    (tmp_path / "d.txt").mkdir()  # a folder named like a file is walked, not read
    (tmp_path / "d.txt" / "inner.txt").write_text('"Inside," he said.')
    (tmp_path / "e.txt").write_text('"No," he said.')
    items = list(iter_articles([str(tmp_path)]))
    kinds = [(type(i).__name__, i.id if isinstance(i, Article) else str(i)) for i in items]
    assert kinds == [
        ("Article", "a"),
        ("InputError", f"{tmp_path / 'b.txt'}: broken symbolic link; fix or remove the link"),
        ("InputError", f"{tmp_path / 'c.txt'}: empty file, nothing to read; give a file with article text or leave it out"),
        ("Article", "inner"),
        ("Article", "e"),
    ]


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_names_the_os_reason(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text('"Hidden," he said.')
    path.chmod(0)
    try:
        [err] = list(iter_articles([str(tmp_path)]))
    finally:
        path.chmod(0o644)
    assert isinstance(err, InputError) and "permission denied" in str(err)


def test_explicit_file_may_have_any_suffix(tmp_path: Path) -> None:
    path = tmp_path / "story.text"
    path.write_text('"Hello," she said.')
    [article] = list(iter_articles([str(path)]))
    assert isinstance(article, Article) and article.id == "story"


# --- JSONL articles ------------------------------------------------------------------------------


def test_jsonl_articles_keep_their_fields() -> None:
    path = str(FIX / "corpus" / "b_wire.jsonl")
    articles, errors = split(iter_articles([path]))
    assert errors == []
    first, second = articles
    assert first.id == "wire-1" and first.outlet == "Wire" and first.date == "2025-08-14"
    assert first.text == 'The minister said the talks were "constructive and frank".'
    assert first.source == f"{path}:1"
    assert second.id == "2" and second.url == "https://example.org/2"


def test_malformed_jsonl_lines_are_errors_naming_file_and_line_and_other_lines_are_read() -> None:
    path = str(FIX / "malformed.jsonl")
    items = list(iter_articles([path]))
    got = [i.id if isinstance(i, Article) else (i.line, str(i)) for i in items]
    assert got[0] == "ok-1" and got[-1] == "ok-2"
    errors = got[1:-1]
    assert [line for line, _ in errors] == [2, 3, 5, 6, 7]
    messages = [msg for _, msg in errors]
    assert messages[0].startswith(f"{path}:2: line is not valid JSON")
    assert messages[1].startswith(f"{path}:3: line is an array, not a JSON object")
    assert messages[2].startswith(f'{path}:5: article has no "text"')
    assert messages[3].startswith(f'{path}:6: empty "text"')
    assert messages[4].startswith(f'{path}:7: "text" is a number, not a string')


# --- stdin ---------------------------------------------------------------------------------------


def test_stdin_text_is_one_article(stdin) -> None:  # type: ignore[no-untyped-def]
    stdin('"We will win," she said.\r\n'.encode())
    [article] = list(iter_articles(["-"]))
    assert isinstance(article, Article)
    assert (article.id, article.text, article.source) == ("stdin", '"We will win," she said.\n', "-")


def test_stdin_jsonl_is_read_as_articles(stdin) -> None:  # type: ignore[no-untyped-def]
    stdin(b'{"id": "x", "text": "\\"A,\\" he said."}\n\n{"id": "y", "text": "B"}\n')
    articles, errors = split(iter_articles(["-"]))
    assert [a.id for a in articles] == ["x", "y"] and errors == []
    assert articles[0].source == "<stdin>:1"


def test_stdin_whose_first_line_is_not_json_is_text(stdin) -> None:  # type: ignore[no-untyped-def]
    stdin(b'\nAnd then "someone" said {more}.\n{"id": "x", "text": "t"}\n')
    [article] = list(iter_articles(["-"]))
    assert isinstance(article, Article) and article.id == "stdin"


def test_stdin_jsonl_with_a_bad_line_gives_that_line_s_error(stdin) -> None:  # type: ignore[no-untyped-def]
    # sniffed like a .jsonl file, by its first line: a bad line is reported, never read as text
    stdin(b'{"id": "a", "text": "\\"We will win,\\" she said."}\n{"id": "b", "te\n')
    items = list(iter_articles(["-"]))
    assert [type(i).__name__ for i in items] == ["Article", "InputError"]
    assert items[0].id == "a" and items[0].text == '"We will win," she said.'
    assert str(items[1]) == "<stdin>:2: line is not valid JSON (Unterminated string starting at column 13); fix or remove the line"


def test_empty_stdin_is_an_error(stdin) -> None:  # type: ignore[no-untyped-def]
    stdin(b"")
    [err] = list(iter_articles(["-"]))
    assert isinstance(err, InputError)
    assert str(err).startswith("<stdin>: empty file")


def test_stdin_can_be_peeked_then_read(stdin) -> None:  # type: ignore[no-untyped-def]
    stdin(b'{"article": "a", "text": "x", "start": 0, "end": 1, "kind": "name"}\n')
    assert is_quote_jsonl("-")
    [row] = list(iter_quote_rows("-"))
    assert isinstance(row, Quote) and row.text == "x"


# --- quote rows ----------------------------------------------------------------------------------


def test_quote_rows_are_read_with_their_model_and_bad_lines_reported() -> None:
    path = str(FIX / "quote_rows.jsonl")
    rows = list(iter_quote_rows(path))
    assert [type(r).__name__ for r in rows] == ["Quote", "AlignedQuote", "InputError", "InputError", "InputError", "Quote"]
    text = (FIX / "corpus" / "a_council.txt").read_text()
    for row in rows:
        if isinstance(row, Quote):
            assert text[row.start:row.end] == row.text
    aligned = rows[1]
    assert isinstance(aligned, AlignedQuote)
    assert aligned.cluster == "g1" and aligned.diff[0].b == "harm" and aligned.flags == ["misattributed"]
    errors = [r for r in rows if isinstance(r, InputError)]
    assert [e.line for e in errors] == [3, 4, 6]
    assert str(errors[0]).startswith(f"{path}:3: not a quote row (kind: ")
    assert str(errors[1]).startswith(f"{path}:4: not a quote row (end 2 < start 9)")
    assert str(errors[2]).startswith(f"{path}:6: line is not valid JSON")


def test_iter_json_objects_checks_required_keys(tmp_path: Path) -> None:
    path = tmp_path / "p.jsonl"
    path.write_text('{"article": "a"}\n\n{"text": "b"}\n')
    rows = list(iter_json_objects(str(path), "lines are {article}", required=["article"]))
    assert rows[0] == {"article": "a"}
    assert isinstance(rows[1], InputError) and rows[1].line == 3
    assert str(rows[1]) == f'{path}:3: line has no "article"; lines are {{article}}'


def test_is_quote_jsonl_tells_quote_rows_from_articles(tmp_path: Path) -> None:
    assert is_quote_jsonl(str(FIX / "quote_rows.jsonl"))
    assert not is_quote_jsonl(str(FIX / "corpus" / "b_wire.jsonl"))
    assert not is_quote_jsonl(str(FIX / "corpus" / "a_council.txt"))
    assert not is_quote_jsonl(str(FIX / "corpus"))
    assert not is_quote_jsonl(str(tmp_path / "missing.jsonl"))
    assert not is_quote_jsonl(str(FIX / "binary.txt"))
    skipped = tmp_path / "q.jsonl"
    skipped.write_text('garbage\n{"article": "a", "text": "x", "start": 0, "end": 1}\n')
    assert is_quote_jsonl(str(skipped))
    assert first_json_object(str(skipped)) == {"article": "a", "text": "x", "start": 0, "end": 1}


def test_quote_rows_from_a_bad_file_give_one_error(tmp_path: Path) -> None:
    [err] = list(iter_quote_rows(str(tmp_path / "none.jsonl")))
    assert isinstance(err, InputError) and "no such file" in str(err)


def test_articles_come_in_the_order_of_the_paths(tmp_path: Path) -> None:
    (tmp_path / "z.txt").write_text("Zed said \"z\".")
    paths = [str(tmp_path / "z.txt"), str(FIX / "empty.txt"), str(FIX / "corpus" / "notes.md")]
    ids = [i.id if isinstance(i, Article) else "ERR" for i in iter_articles(paths)]
    assert ids == ["z", "ERR", "notes"]


def test_quote_rows_written_by_output_round_trip(tmp_path: Path) -> None:
    from quotes.io.output import write_quotes

    rows = [r for r in iter_quote_rows(str(FIX / "quote_rows.jsonl")) if not isinstance(r, InputError)]
    out = tmp_path / "again.jsonl"
    with out.open("w", encoding="utf-8") as stream:
        write_quotes(rows, "jsonl", stream)
    again = list(iter_quote_rows(str(out)))
    assert again == rows
    assert json.loads(out.read_text().splitlines()[1])["diff"] == [{"op": "replace", "a": "hurt", "b": "harm"}]


# --- unique ids, pipes, empty folders, quote rows given as articles -------------------------------


STORY = '"We will not close the bridge," the mayor said on Monday.\n'


def test_files_that_share_a_stem_are_named_by_their_folders(tmp_path: Path) -> None:
    for outlet in ("bbc", "cnn"):
        (tmp_path / "news" / outlet).mkdir(parents=True)
        (tmp_path / "news" / outlet / "story.txt").write_text(outlet.upper() + ": " + STORY)
    (tmp_path / "news" / "cnn" / "other.txt").write_text(STORY)
    news = tmp_path / "news"
    articles, errors = split(iter_articles([str(news)]))
    assert errors == []
    assert [(a.id, a.source) for a in articles] == [
        ("bbc/story", str(news / "bbc" / "story.txt")),
        ("other", str(news / "cnn" / "other.txt")),  # a stem no other file has stays as it is
        ("cnn/story", str(news / "cnn" / "story.txt")),
    ]
    # the same when the folders are given one by one, or the files by name
    for paths in ([news / "bbc", news / "cnn"], [news / "cnn" / "story.txt", news / "bbc" / "story.txt"]):
        ids = [a.id for a in iter_articles([str(p) for p in paths]) if isinstance(a, Article)]
        assert sorted(set(ids) - {"other"}) == ["bbc/story", "cnn/story"]
    # one of them on its own keeps its stem
    assert [a.id for a in iter_articles([str(news / "bbc")])] == ["story"]


def test_files_that_differ_only_in_extension_keep_it(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(STORY)
    (tmp_path / "story.md").write_text("# Bridge\n\n" + STORY)
    assert [a.id for a in iter_articles([str(tmp_path)])] == ["story.md", "story.txt"]


def test_the_same_file_given_twice_keeps_one_id(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY)
    assert [a.id for a in iter_articles([str(path), str(tmp_path)])] == ["story", "story"]


def test_a_jsonl_id_taken_earlier_in_the_run_is_an_error(tmp_path: Path) -> None:
    first = tmp_path / "monday.jsonl"
    first.write_text(json.dumps({"id": "story", "text": STORY}) + "\n")
    second = tmp_path / "tuesday.jsonl"
    second.write_text(json.dumps({"id": "x", "text": STORY}) + "\n" + json.dumps({"id": "story", "text": "Other " + STORY}) + "\n")
    story = tmp_path / "story.txt"
    story.write_text(STORY)
    items = list(iter_articles([str(first), str(second), str(story)]))
    got = [i.id if isinstance(i, Article) else str(i) for i in items]
    assert got == [
        "story",
        "x",
        f'{second}:2: article id "story" is already used by {first}:1; give each article its own "id"',
        "story-2",  # a file's id is ours to choose: it makes way
    ]


def test_a_process_substitution_is_named_after_its_descriptor(tmp_path: Path) -> None:
    read_end, write_end = os.pipe()
    os.write(write_end, STORY.encode())
    os.close(write_end)
    try:
        [article] = list(iter_articles([f"/dev/fd/{read_end}"]))
    finally:
        os.close(read_end)
    assert isinstance(article, Article)
    assert (article.id, article.text, article.source) == (f"fd-{read_end}", STORY, f"/dev/fd/{read_end}")


def test_jsonl_through_a_process_substitution_is_read_as_articles(tmp_path: Path) -> None:
    read_end, write_end = os.pipe()
    os.write(write_end, (json.dumps({"id": "a", "text": STORY}) + '\n{"id": "b"\n').encode())
    os.close(write_end)
    try:
        items = list(iter_articles([f"/dev/fd/{read_end}"]))
    finally:
        os.close(read_end)
    assert [i.id if isinstance(i, Article) else i.line for i in items] == ["a", 2]


def test_an_empty_directory_is_reported(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "table.csv").write_text("a,b\n")
    (tmp_path / "story.txt").write_text(STORY)
    items = list(iter_articles([str(tmp_path / "empty"), str(tmp_path / "story.txt"), str(tmp_path / "other")]))
    got = [i.id if isinstance(i, Article) else str(i) for i in items]
    hint = "no .txt, .jsonl, .md files in this directory; give a directory of articles or leave it out"
    assert got == [f"{tmp_path / 'empty'}: {hint}", "story", f"{tmp_path / 'other'}: {hint}"]
    # given alone, an empty folder is no articles: the command says "no articles found in ..."
    assert list(iter_articles([str(tmp_path / "empty")])) == []


def test_quote_rows_given_as_articles_are_one_hint_not_one_error_per_row(tmp_path: Path) -> None:
    path = tmp_path / "found.jsonl"
    path.write_text((FIX / "quote_rows.jsonl").read_text(encoding="utf-8"))
    items = list(iter_articles([str(path)]))
    assert len(items) == 1 and isinstance(items[0], InputError)
    assert str(items[0]) == (
        f"{path}: holds quote rows (what `quotes find` writes), not articles; `quotes align {path}` reads them, "
        'and `quotes find` wants articles: .txt files, or JSONL of {"id", "text"}'
    )


def test_json_error_messages_say_at_once(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('{"id": "a", "text": "unterminated\n')
    [err] = list(iter_articles([str(path)]))
    assert str(err) == f"{path}:1: line is not valid JSON (Unterminated string starting at column 21); fix or remove the line"
    path.write_text('{"id": "a" "text": "x"}\n')
    [err] = list(iter_articles([str(path)]))
    assert "(Expecting ',' delimiter at column 12)" in str(err)

