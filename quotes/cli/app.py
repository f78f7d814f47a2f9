"""The typer application and what every command shares: messages, the error mapping, ``--version``.

Every message is one line on stderr, ``quotes: <what>; <what to do>``. :func:`exit_on_error`
is the one place an exception becomes such a line and an exit status:

====================================  ==========================================================
raised                                printed, exit status
====================================  ==========================================================
:class:`~quotes.errors.QuotesError`   its message; its ``exit_code`` (1; 2 for a missing engine
                                      or semantic model)
a usage error (unknown option, bad    ``quotes: find: <click's message> (see `quotes find --help`)``;
value)                                2
``BrokenPipeError`` (``| head``)      nothing; 1
``KeyboardInterrupt``                 ``interrupted`` (and what was kept); 130
any other exception (a bug)           ``internal error (...)``; 1 (``QUOTES_DEBUG=1`` re-raises)
====================================  ==========================================================
"""

from __future__ import annotations

import os
import sys
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Annotated, Any, Callable, NoReturn, Optional

import typer
from typer.core import TyperGroup

from quotes._version import __version__
# OutputFormat is re-exported: older callers import it from here
from quotes.cli.options import OutputFormat
from quotes.errors import QuotesError

__all__ = ["Failures", "OutputFormat", "app", "die", "exit_on_error", "internal_error", "relay_warnings", "silence_stdout", "warn"]


class _Group(TyperGroup):
    """The ``quotes`` group: a usage error is one ``quotes: ...`` line too, not a panel."""

    def main(  # type: ignore[override]
        self,
        args: Optional[Sequence[str]] = None,
        prog_name: Optional[str] = None,
        complete_var: Optional[str] = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except typer.TyperException as exc:  # typer's click: a usage error or a bad value
            if type(exc).__name__ == "NoArgsIsHelpError":  # the help is printed already
                sys.exit(2)
            command = " ".join(_command_names(getattr(exc, "ctx", None)))
            where = f"{command}: " if command else ""
            see = f"quotes {command} --help" if command else "quotes --help"
            typer.echo(f"quotes: {where}{exc.format_message().rstrip('.')} (see `{see}`)", err=True)
            sys.exit(exc.exit_code)
        except typer.Abort:
            typer.echo("quotes: interrupted", err=True)
            sys.exit(130)
        sys.exit(code if isinstance(code, int) else 0)


def _command_names(ctx: Any) -> list[str]:
    """``["models", "status"]`` for ``quotes models status``: the command's names below the root."""
    names: list[str] = []
    while ctx is not None and ctx.parent is not None:
        names.insert(0, ctx.info_name)
        ctx = ctx.parent
    return names


app = typer.Typer(
    name="quotes",
    cls=_Group,
    help="Find direct quotations in news articles, say who said them, align renderings across outlets and flag drift.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"quotes {__version__}")
        raise typer.Exit(0)


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_print_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    """Find direct quotations in news articles, say who said them, align renderings across outlets and flag drift."""


# --- messages ------------------------------------------------------------------------------------


def die(message: str, code: int = 1) -> NoReturn:
    """Print one line to stderr and exit with ``code`` (never a traceback)."""
    typer.echo(f"quotes: {message}", err=True)
    raise typer.Exit(code)


def warn(message: str) -> None:
    """Print one warning line to stderr."""
    typer.echo(f"quotes: {message}", err=True)


class Failures:
    """Counts the inputs that failed while printing one line for each; pass it as ``on_error``.

    ``say`` prints the line (default: :func:`warn`; a progress bar's ``note`` keeps the bar intact).
    """

    def __init__(self, say: Optional[Callable[[str], None]] = None) -> None:
        self.count = 0
        self._say = say

    def __call__(self, message: str) -> None:
        self.count += 1
        self.note(message)

    def note(self, message: str) -> None:
        """Print a line that is not a failure (a file read as Windows-1252): it does not change the exit status."""
        if self._say is None:
            warn(message)
        else:
            self._say(f"quotes: {message}")

    def __bool__(self) -> bool:
        return self.count > 0

    def exit(self) -> None:
        """End the command with exit status 1 if anything failed (the output is written already)."""
        if self.count:
            raise typer.Exit(1)


# --- the error mapping ---------------------------------------------------------------------------


@contextmanager
def exit_on_error(interrupted: str = "interrupted") -> Iterator[None]:
    """Run a command's body: every exception becomes one stderr line and an exit status.

    See the module docstring for the table; ``interrupted`` is the line for Ctrl-C (say what was
    kept, e.g. "interrupted; found.jsonl was not written").
    """
    try:
        yield
    except typer.Exit:
        raise
    except QuotesError as exc:
        die(str(exc), exc.exit_code)
    except BrokenPipeError:
        # The reader (`| head`) went away: stop quietly, as Unix tools do.
        silence_stdout()
        raise typer.Exit(1) from None
    except KeyboardInterrupt:
        die(interrupted, 130)
    except Exception as exc:  # noqa: BLE001 - a bug must still end in one line, not a traceback
        internal_error(exc)


def internal_error(exc: BaseException) -> NoReturn:
    """Report an unexpected exception as one line (exit 1); ``QUOTES_DEBUG=1`` re-raises it for a traceback."""
    if os.environ.get("QUOTES_DEBUG") == "1":
        raise exc
    detail = str(exc).splitlines()[0] if str(exc) else ""
    die(f"internal error ({type(exc).__name__}{': ' + detail if detail else ''}); "
        "please report it with the command you ran (QUOTES_DEBUG=1 shows the traceback)", 1)


@contextmanager
def relay_warnings() -> Iterator[None]:
    """Print each distinct warning the library raised in the block as one ``quotes:`` line, at its end."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield
    for text in dict.fromkeys(str(w.message) for w in caught if not issubclass(w.category, (DeprecationWarning, FutureWarning))):
        warn(text)


def silence_stdout() -> None:
    """Point stdout at /dev/null after the reader went away (``| head``), so Python's exit-time
    flush does not print a BrokenPipeError."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
