"""Read articles and quote rows from files, directories and stdin.

Every reader here yields good items and :class:`~quotes.errors.InputError` items *in input
order*, instead of raising, so a caller can report a bad file in one line and go on with the
rest::

    from quotes.io.inputs import iter_articles
    from quotes.errors import InputError

    for item in iter_articles(["seeds/", "more.jsonl", "-"]):
        if isinstance(item, InputError):
            print(f"quotes: {item}")          # "more.jsonl:3: line is not valid JSON ...; ..."
            continue
        print(item.id, len(item.text))

What is read from where:

- a ``.jsonl`` file: one article per non-empty line, ``{"id", "text"}`` plus optional
  ``"outlet"``, ``"url"``, ``"date"``. ``Article.text`` is the JSON string exactly as decoded.
  A file of quote rows (``quotes find`` output) is one error that points to ``quotes align``.
- any other file (``.txt``, ``.md``, ...): one article, ``id`` = the file stem.
- a directory: its ``.txt``, ``.jsonl`` and ``.md`` files, recursively, in sorted name order;
  hidden files and folders (``.name``) are skipped. A directory with none, among other
  inputs, is one error (given alone, it is simply no articles).
- ``-``: standard input, read as JSONL when its first non-blank line starts with ``{`` (then
  every line is checked as in a ``.jsonl`` file), else as one text article with ``id``
  ``"stdin"``. A pipe given as a path (``<(cat f)``, ``/dev/fd/63``) is sniffed the same way and
  its article is named ``fd-63`` (``/dev/stdin`` is ``stdin``).

Article ids are unique within one call: when two files would both be named by the same stem
(``bbc/story.txt`` and ``cnn/story.txt``), each of them is named by as many of its last path
parts as tell them apart, without the extension (``bbc/story`` and ``cnn/story``); a file that
is named on its own keeps its stem. An ``"id"`` of a JSONL article that an earlier article of
the same call already has is an error for that line (the first article keeps it).

How text files are decoded (:func:`read_text_file`):

- UTF-8, with a leading byte-order mark removed (UTF-16 with a byte-order mark, as Windows
  writes "Unicode" text, is decoded too). Text that is not UTF-8 is tried as Windows-1252 and
  accepted only if that gives no control characters, with one note to ``on_note`` naming the
  file and the encoding assumed (for the command line to print on stderr); otherwise it is an
  error that says how to re-encode it. A file with NUL bytes in its first 8 KiB is binary, not text.
- Line ends are read the way Python reads text by default (``open(path).read()``,
  ``Path.read_text()``): ``\\r\\n`` and ``\\r`` become ``\\n``.

All quote offsets (``Quote.start``/``Quote.end``) are into ``Article.text``, i.e. the text *as
decoded here*. For a UTF-8 file without a byte-order mark that is exactly
``Path(path).read_text(encoding="utf-8")``; a file that starts with a byte-order mark has
every offset one less than in the raw ``read_text`` string, which still holds the mark.
"""

from __future__ import annotations

import json
import os
import stat
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path, PurePath
from typing import Any, Optional, Union

from pydantic import ValidationError

from quotes.errors import InputError
from quotes.models import AlignedQuote, Article, Quote

STDIN = "-"
"""The path that means standard input."""

ARTICLE_SUFFIXES = (".txt", ".jsonl", ".md")
"""File types picked up when a directory is walked (a file named explicitly may be any text file)."""

_BINARY_PROBE = 8192
_PEEK_BYTES = 1 << 20
_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Fields that only `quotes align` rows carry: a row with any of them is read as an AlignedQuote.
_ALIGN_FIELDS = frozenset(AlignedQuote.model_fields) - frozenset(Quote.model_fields)

_stdin_cache: Optional[tuple[object, bytes]] = None

Note = Callable[[str], None]
"""Where a reader sends a note that is not an error (e.g. the encoding it assumed)."""

# Paths of already open descriptors: a process substitution `<(cat f)` arrives as /dev/fd/63.
_FD_DIRS = ("/dev/fd", "/proc/self/fd")


def read_text_file(path: str, *, on_note: Optional[Note] = None) -> str:
    """Read a text file the way every ``quotes`` command does and return its text.

    UTF-8 (byte-order mark removed) or, failing that, clean Windows-1252; line ends as
    Python's default text reading gives them. ``path`` may be ``"-"`` for stdin. A file read
    as Windows-1252 gives one line to ``on_note`` (if given) naming it and the encoding assumed.

    >>> read_text_file("seeds/004_e767feebfdfeb732.txt")[:23]
    'North Korean leader Kim'

    Raises :class:`InputError` (message: what is wrong; what to do) for a missing, unreadable,
    binary, empty or undecodable file.
    """
    return _decode(_read_bytes(path), _display(path), on_note or _no_note)


def iter_articles(paths: Sequence[str], *, on_note: Optional[Note] = None) -> Iterator[Union[Article, InputError]]:
    """Yield every article found in ``paths`` (files, directories, ``"-"``), in order.

    Problems come out as :class:`InputError` items in their place in the order, so callers
    report them and carry on; notes that are not errors (a file read as Windows-1252) go to
    ``on_note`` one line each, if it is given. Ids are unique (see the module docstring):

    >>> [a.id for a in iter_articles(["seeds/"]) if isinstance(a, Article)][:2]
    ['000_f0527c374ae16ed0', '001_c375639ba006c2fc']
    """
    note = on_note or _no_note
    ids = _RunIds(paths)
    for path in paths:
        if path == STDIN:
            items = _stdin_articles(note)
        else:
            p = Path(path)
            if p.is_dir():
                # alone, an empty folder is simply no articles (commands say "no articles found")
                items = _dir_articles(p, ids, note, report_empty=len(paths) > 1)
            else:
                items = _file_articles(p, ids, note, explicit=True)
        for item in items:
            yield item if isinstance(item, InputError) else ids.claim(item)


def iter_quote_rows(path: str) -> Iterator[Union[Quote, AlignedQuote, InputError]]:
    """Yield the quotes in a JSONL file written by ``quotes find`` or ``quotes align``.

    Rows with alignment fields (``cluster``, ``variant``, ``diff``, ...) come back as
    :class:`AlignedQuote`, the others as :class:`Quote`. A line that is not a valid quote row
    comes out as an :class:`InputError` naming the file and line; the other lines are still read.

    Usage (after ``quotes find seeds/ > found.jsonl``)::

        quotes = [r for r in iter_quote_rows("found.jsonl") if not isinstance(r, InputError)]
    """
    for name, lineno, obj in _json_lines(path, _QUOTE_ROW_HINT):
        if isinstance(obj, InputError):
            yield obj
            continue
        model = AlignedQuote if _ALIGN_FIELDS & obj.keys() else Quote
        try:
            row = model.model_validate(obj)
        except ValidationError as exc:
            yield InputError(f"not a quote row ({_describe(exc)}); {_QUOTE_ROW_HINT}", name, lineno)
            continue
        if row.end < row.start:
            yield InputError(f"not a quote row (end {row.end} < start {row.start}); {_QUOTE_ROW_HINT}", name, lineno)
            continue
        yield row


def iter_json_objects(
    path: str, hint: str = "each line must be a JSON object", *, required: Sequence[str] = ()
) -> Iterator[Union[dict[str, Any], InputError]]:
    """Yield the JSON object on each non-empty line of a JSONL file (``"-"`` for stdin).

    A line that is not a JSON object, or lacks one of the ``required`` keys, comes out as an
    :class:`InputError` naming the file and line and ending with ``hint`` (what a line should
    look like); the other lines are still read::

        for row in iter_json_objects("pred.jsonl", 'lines are {"article", "text"}', required=["article"]):
            ...
    """
    for name, lineno, obj in _json_lines(path, hint):
        if isinstance(obj, dict):
            missing = [k for k in required if k not in obj]
            if missing:
                keys = " and ".join(f'"{k}"' for k in missing)
                obj = InputError(f"line has no {keys}; {hint}", name, lineno)
        yield obj


def is_quote_jsonl(path: str) -> bool:
    """True when ``path`` is a JSONL file of quote rows (``quotes find`` output), not of articles.

    Looks at the first line that holds a JSON object: one with ``article``, ``text``, ``start``
    and ``end`` is a quote row; ``{"id", "text"}`` is an article. Never raises; a directory, a
    missing or unreadable file gives ``False``. ``"-"`` peeks at stdin (which stays readable).
    """
    first = first_json_object(path)
    return first is not None and {"article", "text", "start", "end"} <= first.keys()


def first_json_object(path: str) -> Optional[dict[str, Any]]:
    """The first line of ``path`` that parses as a JSON object, or ``None`` (never raises).

    Lets a command tell kinds of JSONL apart (quote rows, articles, predictions) before
    reading them; only the start of a large file is read.
    """
    if path == STDIN:
        head = _stdin_bytes()[:_PEEK_BYTES]
    else:
        try:
            with open(path, "rb") as stream:
                head = stream.read(_PEEK_BYTES)
        except OSError:
            return None
    if b"\x00" in head[:_BINARY_PROBE]:
        return None
    for raw in head.split(b"\n"):
        if raw.lstrip().startswith((b"{", _UTF8_BOM + b"{")):
            try:
                obj = json.loads(raw.decode("utf-8-sig"))
            except ValueError:  # also a line cut off at the end of the peeked block
                continue
            if isinstance(obj, dict):
                return obj
    return None


# --- reading bytes -----------------------------------------------------------------------------

_QUOTE_ROW_HINT = 'each line must be a JSON object as `quotes find --format jsonl` writes it'
_ARTICLE_ROW_HINT = 'each line must be a JSON object {"id": ..., "text": ...}'


def _read_bytes(path: str) -> bytes:
    if path == STDIN:
        return _stdin_bytes()
    p = Path(path)
    try:
        return p.read_bytes()
    except IsADirectoryError:
        raise InputError("is a directory, not a file; give the directory itself to read the files in it", path) from None
    except FileNotFoundError:
        if p.is_symlink():
            raise InputError("broken symbolic link; fix or remove the link", path) from None
        raise InputError("no such file or directory; check the path", path) from None
    except PermissionError:
        raise InputError("permission denied; make the file readable (chmod +r) or leave it out", path) from None
    except OSError as exc:
        raise InputError(f"cannot read the file ({exc.strerror or exc}); check the file or leave it out", path) from None


def _display(path: str) -> str:
    return "<stdin>" if path == STDIN else path


def _no_note(message: str) -> None:
    """A library caller that passes no ``on_note`` does not want notes on its stderr."""


def _stdin_bytes() -> bytes:
    """Stdin can be read once; keep its bytes so ``is_quote_jsonl("-")`` does not consume it.

    The cache belongs to the stream object, so a new ``sys.stdin`` (a test runner's) is read afresh.
    """
    global _stdin_cache
    stream = sys.stdin
    if _stdin_cache is None or _stdin_cache[0] is not stream:
        raw = getattr(stream, "buffer", None)
        data = raw.read() if raw is not None else stream.read().encode("utf-8")
        _stdin_cache = (stream, data)
    return _stdin_cache[1]


def _reset_stdin_cache() -> None:
    """Forget what was read from stdin."""
    global _stdin_cache
    _stdin_cache = None


def _decode(data: bytes, path: str, on_note: Note) -> str:
    if data.startswith(_UTF16_BOMS):
        # Windows "Unicode" text: full of NUL bytes, but text all the same.
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(f"not valid UTF-16 text despite its byte-order mark; {_reencode_hint(path)}", path) from None
    elif b"\x00" in data[:_BINARY_PROBE]:
        raise InputError("binary file, not text; give a UTF-8 .txt or .jsonl file", path)
    else:
        if data.startswith(_UTF8_BOM):
            data = data[len(_UTF8_BOM):]
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _decode_cp1252(data, path)
            on_note(
                f"{path}: not UTF-8, read as Windows-1252; if its accents look wrong, "
                f"{_reencode_hint(path)}"
            )
    # Python's universal newlines, as in Path.read_text(): \r\n and lone \r become \n.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError("empty file, nothing to read; give a file with article text or leave it out", path)
    return text


def _reencode_hint(path: str) -> str:
    return f"re-encode it as UTF-8 (iconv -f <its encoding> -t UTF-8 {_shell_word(path)})"


def _decode_cp1252(data: bytes, path: str) -> str:
    hint = f"not UTF-8 text; {_reencode_hint(path)}"
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise InputError(hint, path) from None
    # Real Windows-1252 prose has no C0 controls besides whitespace; anything else means the
    # bytes are in some other encoding and cp1252 would silently produce mojibake.
    if any(ord(c) < 32 and c not in "\t\n\r\f\v" for c in text) or "\x7f" in text:
        raise InputError(hint, path)
    return text


def _shell_word(path: str) -> str:
    return path if path and all(c.isalnum() or c in "/._-+" for c in path) else "FILE"


# --- articles ----------------------------------------------------------------------------------


class _RunIds:
    """The article ids of one :func:`iter_articles` call: a file's stem, or, when another file
    of the call has the same stem, as many of its last path parts as tell them apart."""

    def __init__(self, paths: Sequence[str]) -> None:
        by_stem: dict[str, dict[str, str]] = {}  # stem -> {real path: path as given, absolute}
        for path in _named_text_files(paths):
            by_stem.setdefault(path.stem, {})[os.path.realpath(path)] = os.path.abspath(path)
        self._long: dict[str, str] = {}
        for files in by_stem.values():
            if len(files) > 1:
                self._long.update(_distinct_names(files))
        self._owner: dict[str, tuple[str, str]] = {}  # id -> (what claimed it, its source)

    def file_id(self, path: Path) -> str:
        """The id of the article in the text file ``path``."""
        return _fd_id(path) or self._long.get(os.path.realpath(path), path.stem)

    def claim(self, article: Article) -> Union[Article, InputError]:
        """``article`` with an id no other article of this call has (the same file or line read
        twice keeps its id); a JSONL ``"id"`` that is taken is an error for that line."""
        key = _source_key(article.source or article.id)
        owner = self._owner.get(article.id)
        if owner is None or owner[0] == key:
            self._owner[article.id] = (key, article.source or article.id)
            return article
        if _is_jsonl_source(article.source):  # the writer chose this id: do not rename it
            path, _, line = (article.source or "").rpartition(":")
            return InputError(
                f'article id "{article.id}" is already used by {owner[1]}; give each article its own "id"',
                path, int(line),
            )
        n = 2
        while f"{article.id}-{n}" in self._owner:
            n += 1
        new_id = f"{article.id}-{n}"
        self._owner[new_id] = (key, article.source or new_id)
        return article.model_copy(update={"id": new_id})


def _named_text_files(paths: Sequence[str]) -> Iterator[Path]:
    """Every file of ``paths`` whose article is named after the file (not JSONL, not a pipe)."""
    for path in paths:
        if path == STDIN:
            continue
        p = Path(path)
        files = (f for f in _walk(p) if isinstance(f, Path)) if p.is_dir() else iter([p])
        for f in files:
            if f.suffix.lower() not in (".jsonl", ".json") and not _fd_id(f):
                yield f


def _distinct_names(files: dict[str, str]) -> dict[str, str]:
    """``{real path: id}`` for files that share a stem: the fewest last path parts (without the
    extension, or with it when only the extension differs) that give each its own id.

    >>> _distinct_names({"1": "/news/bbc/story.txt", "2": "/news/cnn/story.txt"})
    {'1': 'bbc/story', '2': 'cnn/story'}
    >>> _distinct_names({"1": "/news/story.txt", "2": "/news/story.md"})
    {'1': 'story.txt', '2': 'story.md'}
    """
    for keep_suffix in (False, True):
        parts = {
            real: [p for p in (PurePath(shown) if keep_suffix else PurePath(shown).with_suffix("")).parts if p != "/"]
            for real, shown in files.items()
        }
        for k in range(1, max(len(p) for p in parts.values()) + 1):
            names = {real: "/".join(p[-k:]) for real, p in parts.items()}
            if len(set(names.values())) == len(names):
                return names
    return {real: shown for real, shown in files.items()}  # unreachable: real paths differ


def _fd_id(path: Path) -> Optional[str]:
    """``fd-63`` for ``/dev/fd/63`` (a process substitution), ``stdin`` for ``/dev/stdin``."""
    text = str(path)
    if text in ("/dev/stdin", "/proc/self/fd/0", "/dev/fd/0"):
        return "stdin"
    parent, name = os.path.split(text)
    return f"fd-{name}" if parent in _FD_DIRS and name.isdigit() else None


def _source_key(source: str) -> str:
    """What makes two articles the same input: the real path of the file (and the line)."""
    if source in (STDIN, "<stdin>") or source.startswith("<stdin>:"):
        return source
    path, sep, line = source.rpartition(":")
    if sep and line.isdigit() and path:
        return f"{os.path.realpath(path)}:{line}"
    return os.path.realpath(source)


def _is_jsonl_source(source: Optional[str]) -> bool:
    return bool(source) and source.rpartition(":")[2].isdigit() and ":" in source  # type: ignore[union-attr]


def _walk(root: Path) -> Iterator[Union[Path, InputError]]:
    """The article files under ``root`` in sorted order, and the folders that cannot be listed."""
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except PermissionError:
        yield InputError("permission denied; make the directory readable (chmod +rx) or leave it out", str(root))
        return
    except OSError as exc:
        yield InputError(f"cannot list the directory ({exc.strerror or exc}); check it or leave it out", str(root))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        # Symlinked directories are not followed (no cycles); a symlinked or broken file is read
        # (and reported) like any other file.
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(path)
        elif path.suffix.lower() in ARTICLE_SUFFIXES:
            yield path


def _dir_articles(root: Path, ids: _RunIds, note: Note, *, report_empty: bool) -> Iterator[Union[Article, InputError]]:
    found = False
    for item in _walk(root):
        found = True
        if isinstance(item, InputError):
            yield item
        else:
            yield from _file_articles(item, ids, note, explicit=False)
    if not found and report_empty:
        yield InputError(
            f"no {', '.join(ARTICLE_SUFFIXES)} files in this directory; give a directory of articles or leave it out",
            str(root),
        )


def _file_articles(path: Path, ids: _RunIds, note: Note, *, explicit: bool) -> Iterator[Union[Article, InputError]]:
    name = str(path)
    suffix = path.suffix.lower()
    if explicit and suffix == ".json":
        yield InputError('a .json file is not an article; give articles as .txt, or as .jsonl with one {"id", "text"} object per line', name)
        return
    try:
        text = read_text_file(name, on_note=note)
    except InputError as err:
        yield err
        return
    # a pipe (`<(cat f)`) has no name to tell JSONL by: its first line does, as on stdin
    if suffix == ".jsonl" or (_is_pipe(path) and _looks_like_jsonl(text)):
        yield from _jsonl_articles(text, name)
    else:
        yield Article(id=ids.file_id(path), text=text, source=name)


def _is_pipe(path: Path) -> bool:
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def _stdin_articles(note: Note) -> Iterator[Union[Article, InputError]]:
    try:
        text = read_text_file(STDIN, on_note=note)
    except InputError as err:
        yield err
        return
    if _looks_like_jsonl(text):
        yield from _jsonl_articles(text, "<stdin>")
    else:
        yield Article(id="stdin", text=text, source=STDIN)


def _looks_like_jsonl(text: str) -> bool:
    """JSONL when the first non-blank line starts with ``{``, as a ``.jsonl`` file would: every
    line is then read as JSON, and each bad one is reported (never read as article text)."""
    first = next((line for line in text.split("\n") if line.strip()), "")
    return first.lstrip().startswith("{")


def _quote_rows_instead(text: str, path: str) -> Optional[InputError]:
    """The one error for a JSONL file of quote rows (``quotes find`` output) given as articles."""
    first = next((line for line in text.split("\n") if line.strip()), "")
    try:
        obj = json.loads(first)
    except ValueError:
        return None
    if not isinstance(obj, dict) or "id" in obj or not {"article", "text", "start", "end"} <= obj.keys():
        return None
    return InputError(
        f"holds quote rows (what `quotes find` writes), not articles; `quotes align {_shell_word(path)}` "
        'reads them, and `quotes find` wants articles: .txt files, or JSONL of {"id", "text"}',
        path,
    )


def _jsonl_articles(text: str, path: str) -> Iterator[Union[Article, InputError]]:
    quote_rows = _quote_rows_instead(text, path)
    if quote_rows is not None:
        yield quote_rows
        return
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        obj = _json_object(line, path, lineno, _ARTICLE_ROW_HINT)
        if isinstance(obj, InputError):
            yield obj
            continue
        if "text" not in obj or "id" not in obj:
            missing = " and ".join(f'"{k}"' for k in ("id", "text") if k not in obj)
            yield InputError(f"article has no {missing}; {_ARTICLE_ROW_HINT}", path, lineno)
            continue
        if not isinstance(obj["text"], str):
            yield InputError(f'"text" is {_json_type(obj["text"])}, not a string; {_ARTICLE_ROW_HINT}', path, lineno)
            continue
        if not obj["text"].strip():
            yield InputError('empty "text", nothing to read; give the article text or leave the line out', path, lineno)
            continue
        article_id = obj["id"]
        if isinstance(article_id, int) and not isinstance(article_id, bool):
            article_id = str(article_id)
        if not isinstance(article_id, str) or not article_id:
            yield InputError(f'"id" must be a non-empty string or integer, got {_json_type(article_id)}; {_ARTICLE_ROW_HINT}', path, lineno)
            continue
        try:
            yield Article.model_validate({**obj, "id": article_id, "source": f"{path}:{lineno}"})
        except ValidationError as exc:
            yield InputError(f"bad article ({_describe(exc)}); {_ARTICLE_ROW_HINT}", path, lineno)


def _json_lines(path: str, hint: str) -> Iterator[tuple[str, int, Union[dict[str, Any], InputError]]]:
    """(display name, line number, object or error) for each non-empty line of a JSONL file; a
    file that cannot be read at all is one error with line number 0."""
    try:
        text = read_text_file(path)
    except InputError as err:
        yield _display(path), 0, err
        return
    name = _display(path)
    for lineno, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            yield name, lineno, _json_object(line, name, lineno, hint)


def _json_object(line: str, path: str, lineno: int, hint: str) -> Union[dict[str, Any], InputError]:
    try:
        obj = json.loads(line)
    except ValueError as exc:
        msg = getattr(exc, "msg", str(exc))
        col = getattr(exc, "colno", None)
        # json's own messages may end in "at" ("Unterminated string starting at"): no "at at"
        where = (" column" if msg.endswith(" at") else " at column") + f" {col}" if col else ""
        return InputError(f"line is not valid JSON ({msg}{where}); fix or remove the line", path, lineno)
    if not isinstance(obj, dict):
        return InputError(f"line is {_json_type(obj)}, not a JSON object; {hint}", path, lineno)
    return obj


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


def _describe(exc: ValidationError) -> str:
    """One short line from a pydantic error: the first problem and how many more there are."""
    errors = exc.errors()
    first = errors[0]
    loc = ".".join(str(x) for x in first.get("loc", ())) or "row"
    more = f" and {len(errors) - 1} more" if len(errors) > 1 else ""
    return f"{loc}: {first.get('msg', 'invalid')}{more}"
