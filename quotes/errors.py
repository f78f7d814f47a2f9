"""Every exception the toolkit raises on purpose, and the one line each becomes.

The hierarchy::

    QuotesError                  base class; exit status 1 unless the subclass says otherwise
    ├── InputError               a file or line that cannot be read (names it, says what to do)
    ├── EngineUnavailable        the language engine or its models are missing (exit status 2)
    └── SemanticUnavailable      sentence-transformers or its model cannot load (exit status 2;
                                 defined in :mod:`quotes.variants.semantic`, next to the embedder)

    UserWarning
    └── SemanticFallbackWarning  ``--semantic`` was asked for but lexical matching is used
                                 (defined in :mod:`quotes.variants.align`)

Every message is one line: what is wrong and what to do. The command line prints
``quotes: <message>`` on stderr and exits with the exception's :attr:`QuotesError.exit_code`;
any other exception is a bug and is reported as one ``internal error`` line
(see :func:`quotes.cli.app.exit_on_error`).

>>> str(InputError("empty file, nothing to read", "notes.txt"))
'notes.txt: empty file, nothing to read'
>>> EngineUnavailable("no models").exit_code
2
"""

from __future__ import annotations

from typing import Optional

__all__ = ["EngineUnavailable", "InputError", "QuotesError", "describe_failure"]


class QuotesError(Exception):
    """Base class of every error the toolkit raises on purpose."""

    exit_code: int = 1
    """The command line's exit status for this error."""


class InputError(QuotesError):
    """An input could not be read or parsed: names the file (and line) and what to do.

    >>> str(InputError("line is not valid JSON", "found.jsonl", 7))
    'found.jsonl:7: line is not valid JSON'
    """

    def __init__(self, message: str, path: Optional[str] = None, line: Optional[int] = None) -> None:
        self.path = path
        self.line = line
        where = path or ""
        if path and line is not None:
            where = f"{path}:{line}"
        super().__init__(f"{where}: {message}" if where else message)


class EngineUnavailable(QuotesError):
    """The language engine or its models are missing; the message says what to run."""

    exit_code = 2


def describe_failure(where: str, exc: BaseException) -> str:
    """One line for an article that could not be processed: ours say what to do; others are bugs.

    >>> describe_failure("a.txt", InputError("empty file"))
    'a.txt: empty file'
    >>> describe_failure("a.txt", IndexError("list index out of range"))
    'a.txt: could not extract quotes (IndexError: list index out of range); please report this article as a bug'
    """
    if isinstance(exc, QuotesError):
        return f"{where}: {exc}"
    detail = str(exc).splitlines()[0] if str(exc) else ""
    reason = f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__
    return f"{where}: could not extract quotes ({reason}); please report this article as a bug"
