"""Exceptions the library raises; the CLI turns each into one line on stderr and an exit code."""

from __future__ import annotations

from typing import Optional


class QuotesError(Exception):
    """Base class of every error the toolkit raises on purpose."""

    exit_code: int = 1


class InputError(QuotesError):
    """An input could not be read or parsed: names the file (and line) and what to do."""

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
    """One line for an article that could not be processed: ours say what to do; others are bugs."""
    if isinstance(exc, QuotesError):
        return f"{where}: {exc}"
    detail = str(exc).splitlines()[0] if str(exc) else ""
    reason = f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__
    return f"{where}: could not extract quotes ({reason}); please report this article as a bug"
