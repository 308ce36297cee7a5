"""The one place where exceptions become messages on stderr and exit codes.

0 ok, 1 runtime failure, 2 bad input or usage, 130 interrupted.

The core names fields in backticks ("`size` 1: a group needs at least 2 people"); a command
declares the flags of the fields it passes on (`@flag_names("size", facilitators=
"--facilitator")`), and its errors, warnings and notes are shown with those flags instead
("--size 1: a group needs at least 2 people"). A field the command does not declare keeps its
backticks: it is then not something the user typed as a flag (a key of an agenda file, say).
"""

from __future__ import annotations

import functools
import sys
import tempfile
import traceback
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import typer
from typer.core import TyperGroup

from liftkit.core.errors import EXIT_FAILURE, EXIT_INTERRUPTED, FIELD, LiftkitError
from liftkit.core.text import terminal_safe

Command = TypeVar("Command", bound=Callable[..., Any])

# field -> flag, for the command running now (set by `flag_names`; one command runs at a time).
_flags: Mapping[str, str] = {}


def flag_names(*fields: str, **renamed: str) -> Callable[[Command], Command]:
    """Declare the flags of the fields a command passes to the core.

    `flag_names("size", "chat_start", facilitators="--facilitator")`: `size` is --size,
    `chat_start` is --chat-start (underscores become hyphens), `facilitators` is --facilitator.
    """
    flags = {field: "--" + field.replace("_", "-") for field in fields} | renamed

    def declare(command: Command) -> Command:
        @functools.wraps(command)
        def worded(*args: Any, **kwargs: Any) -> Any:
            global _flags
            outer, _flags = _flags, flags
            try:
                return command(*args, **kwargs)
            except LiftkitError as error:
                raise error.reworded(as_flags) from error
            finally:
                _flags = outer

        worded.flags = flags  # type: ignore[attr-defined]  # read by the tests
        return worded  # type: ignore[return-value]

    return declare


def as_flags(text: str) -> str:
    """`text` from the core with the running command's fields written as its flags."""
    if not _flags:
        return text
    return FIELD.sub(lambda found: _flags.get(found.group(1), found.group(0)), text)


def report(error: LiftkitError) -> None:
    # Messages quote files (a name, a title, a chat line): never let them drive the terminal.
    for line in error.lines():
        typer.echo(f"Error: {terminal_safe(line)}", err=True)


def warn(message: str) -> None:
    typer.echo(f"Warning: {terminal_safe(as_flags(message))}", err=True)


def note(message: str) -> None:
    typer.echo(f"Note: {terminal_safe(as_flags(message))}", err=True)


def guarded(call: Callable[[], Any]) -> Any:
    try:
        return call()
    except LiftkitError as error:
        report(error)
        raise typer.Exit(error.exit_code) from None
    except (typer.Exit, typer.TyperException):
        raise
    except (KeyboardInterrupt, typer.Abort):
        typer.echo("\nInterrupted.", err=True)
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except BrokenPipeError:
        # The reader went away (e.g. `| head`); nothing more to say to it.
        sys.stderr.close()
        raise typer.Exit(EXIT_FAILURE) from None
    except Exception as exc:
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
COMMAND_ORDER = ("agenda", "new", "run", "resume", "groups", "note", "export")


class LiftkitGroup(TyperGroup):
    """The top-level group: every command runs through `guarded`."""

    def invoke(self, ctx: Any) -> Any:
        return guarded(lambda: super(LiftkitGroup, self).invoke(ctx))

    def list_commands(self, ctx: Any) -> list[str]:
        names = super().list_commands(ctx)
        rank = {name: i for i, name in enumerate(COMMAND_ORDER)}
        return sorted(names, key=lambda name: rank.get(name, len(rank)))
