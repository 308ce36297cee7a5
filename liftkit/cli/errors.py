"""The one place where exceptions become messages on stderr and exit codes.

0 ok, 1 runtime failure, 2 bad input or usage, 130 interrupted.
Warnings and notes from the core are shown with the running command's flags for the fields
they name (liftkit/cli/flags.py).
"""

from __future__ import annotations

import errno
import sys
import tempfile
import traceback
from collections.abc import Callable
from typing import Any, NoReturn, TextIO

import typer
from typer.core import TyperGroup

from liftkit.cli.env import stream_columns, stream_isatty
from liftkit.core.errors import EXIT_FAILURE, EXIT_INTERRUPTED, LiftkitError
from liftkit.core.text import terminal_safe


def report(error: LiftkitError) -> None:
    # Messages quote files (a name, a title, a chat line): never let them drive the terminal.
    for line in error.lines():
        typer.echo(f"Error: {terminal_safe(line)}", err=True)


# Click's UsageError (a wrong option, value or argument), which Typer does not export.
_USAGE_ERROR: type[Exception] = next(
    c for c in typer.BadParameter.__mro__ if c.__name__ == "UsageError"
)


def usage_exit(error: Exception) -> NoReturn:
    """A usage error in one line, and exit code 2; a command given no arguments shows its
    help as it is (Click raises that as a usage error too)."""
    if type(error).__name__ == "NoArgsIsHelpError":
        raise error
    report_usage(error)
    raise typer.Exit(2) from None


def report_usage(error: Exception) -> None:
    """A usage error in one line, as liftkit's own errors are, with where help is."""
    message = str(getattr(error, "format_message", lambda: str(error))()).rstrip(".")
    ctx = getattr(error, "ctx", None)
    if ctx is not None:
        see = f"see '{ctx.command_path} -h'"
        message += f" {see[0].upper()}{see[1:]}" if message.endswith("?") else f"; {see}"
    typer.echo(f"Error: {terminal_safe(message)}", err=True)


def say(line: str, stream: TextIO | None = None) -> None:
    """A line for the user on standard error (`stream`, else the process's): a note, a
    warning, what was written. On a terminal it is folded at spaces to the terminal's width,
    so that a narrow window breaks no word; elsewhere it stays one line, as scripts and logs
    read it."""
    out = stream if stream is not None else sys.stderr
    if stream_isatty(out):
        from liftkit.cli.text import wrap_words

        line = wrap_words(line, stream_columns(out))
    typer.echo(line, file=out)


def warn(message: str) -> None:
    from liftkit.cli.flags import as_flags

    say(f"Warning: {terminal_safe(as_flags(message))}")


def note(message: str, stream: TextIO | None = None) -> None:
    from liftkit.cli.flags import as_flags

    say(f"Note: {terminal_safe(as_flags(message))}", stream)


def guarded(call: Callable[[], Any]) -> Any:
    try:
        return call()
    except LiftkitError as error:
        report(error)
        raise typer.Exit(error.exit_code) from None
    except _USAGE_ERROR as error:
        usage_exit(error)
    except (typer.Exit, typer.TyperException):
        raise
    except (KeyboardInterrupt, typer.Abort):
        typer.echo("\nInterrupted.", err=True)
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except BrokenPipeError:
        # The reader went away (e.g. `| head`); nothing more to say to it.
        sys.stderr.close()
        raise typer.Exit(EXIT_FAILURE) from None
    except OSError as exc:
        if not output_refused(exc):
            internal_error(exc)
        output_failed(exc)
    except Exception as exc:
        internal_error(exc)


# A disk that takes no more (the one behind `> file`).
_DISK_FULL = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)


def output_refused(exc: OSError) -> bool:
    """Whether `exc` is standard output refusing what was printed (help or a confirmation
    sent to a full disk): files liftkit writes say their own name where they fail, and a
    stream's failure names no file."""
    return exc.errno in _DISK_FULL and exc.filename is None and not stream_isatty(sys.stdout)


def output_failed(exc: OSError) -> NoReturn:
    """Say that standard output refused what was printed, and exit 1."""
    from liftkit.core.files import write_failed  # only on failure: not at start-up

    report(write_failed("standard output", exc, "part of it may have been written"))
    raise typer.Exit(EXIT_FAILURE) from None


def internal_error(exc: Exception) -> NoReturn:
    typer.echo(
        f"Error: internal error: {type(exc).__name__}: {terminal_safe(str(exc))} "
        f"({save_crash_report()}); "
        "please report it",
        err=True,
    )
    raise typer.Exit(EXIT_FAILURE) from None


def save_crash_report() -> str:
    """Write the traceback being handled to a file, so that the user sees one line, not it."""
    try:
        with tempfile.NamedTemporaryFile(
            "w", prefix="liftkit-crash-", suffix=".txt", delete=False, encoding="utf-8"
        ) as handle:
            traceback.print_exc(file=handle)
    except OSError as exc:
        return f"the details could not be saved: {exc.strerror}"
    return f"details saved in {handle.name}"


# The order of DESIGN.md, which is the order of a host's day: prepare, run, follow up.
COMMAND_ORDER = ("agenda", "new", "run", "resume", "groups", "note", "view", "export")


class LiftkitGroup(TyperGroup):
    """The top-level group: every command runs through `guarded`."""

    def invoke(self, ctx: Any) -> Any:
        return guarded(lambda: super(LiftkitGroup, self).invoke(ctx))

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except _USAGE_ERROR as error:  # `liftkit --bogus`: before any command runs
            usage_exit(error)
        except OSError as exc:  # `liftkit --help > file` on a full disk
            if not output_refused(exc):
                raise
            output_failed(exc)

    def list_commands(self, ctx: Any) -> list[str]:
        names = super().list_commands(ctx)
        rank = {name: i for i, name in enumerate(COMMAND_ORDER)}
        return sorted(names, key=lambda name: rank.get(name, len(rank)))
