"""One environment object for the commands: streams, tty-ness, TERM, NO_COLOR, the console.

httpie's `Environment` is the model: commands ask it rather than `sys` and `os.environ`,
and tests hand in one of their own (`runner.invoke(app, args, obj=Environment(...))`).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, TextIO

import typer

if TYPE_CHECKING:
    from rich.console import Console


def stream_isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or fake stream
        return False


@dataclass
class Environment:
    stdin: TextIO
    stdout: TextIO
    stderr: TextIO
    stdin_isatty: bool
    stdout_isatty: bool
    term: str = ""
    no_color: bool = False

    @classmethod
    def from_process(cls, environ: Mapping[str, str] | None = None) -> Environment:
        environ = os.environ if environ is None else environ
        return cls(
            stdin=sys.stdin,
            stdout=sys.stdout,
            stderr=sys.stderr,
            stdin_isatty=stream_isatty(sys.stdin),
            stdout_isatty=stream_isatty(sys.stdout),
            term=environ.get("TERM", ""),
            # https://no-color.org: set and not empty
            no_color=bool(environ.get("NO_COLOR")),
        )

    @classmethod
    def of(cls, ctx: typer.Context | None) -> Environment:
        """The environment a command was handed (tests pass one as `obj`), else the process's."""
        found = ctx.find_object(Environment) if ctx is not None else None
        return found if found is not None else cls.from_process()

    @property
    def dumb_terminal(self) -> bool:
        """A terminal that cannot move the cursor (or none named): no full screen there."""
        return self.term in ("", "dumb")

    @property
    def interactive(self) -> bool:
        """Keys can be read and a full screen drawn: both ends are a capable terminal."""
        return self.stdin_isatty and self.stdout_isatty and not self.dumb_terminal

    def reading_stdin(self, what: str) -> None:
        """Say, on a terminal, that `-` waits for `what` typed or pasted there: a blank
        screen that waited without a word looked like a hang."""
        if self.stdin_isatty:
            line = (
                f"Reading {what} from standard input: paste or type it, then Ctrl-D on a line "
                "of its own (Ctrl-C stops)."
            )
            if stream_isatty(
                self.stderr
            ):  # folded at spaces: at 100 columns "(Ctrl-C s" / "tops)."
                from liftkit.cli.text import wrap_words

                line = wrap_words(line, stream_columns(self.stderr))
            self.stderr.write(line + "\n")
            self.stderr.flush()

    def console(self, stderr: bool = False, **options: object) -> Console:
        from rich.console import Console

        return Console(
            file=self.stderr if stderr else self.stdout,
            highlight=False,
            no_color=self.no_color,
            **options,  # type: ignore[arg-type]
        )

    def screen_console(self) -> Console:
        """The console of a full screen (`run`, `view`): its size is the terminal's, read
        again at each draw. Rich prefers COLUMNS and LINES to it, so that exported in a
        shell (or set for one command) they froze the screen: a window made larger kept an
        80x24 screen in its corner, and `COLUMNS=40 LINES=10` drew 40x10 in an 80x24 one."""
        environ = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
        return self.console(_environ=environ)

    def echo(self, text: str, err: bool = False) -> None:
        stream = self.stderr if err else self.stdout
        stream.write(text + "\n")
        stream.flush()


@contextlib.contextmanager
def printing(
    env: Environment | None = None, kept: str = "part of it may have been written"
) -> Iterator[None]:
    """Around printing a document on standard output: a write that fails there (a full disk
    behind `> pack.md`) is one line saying so and what is `kept`, as a failed `-o` is, not
    an internal error. A reader who went away (`| head`) is left to `guarded`."""
    from liftkit.core.files import write_failed

    try:
        yield
        if env is not None:
            env.stdout.flush()
        if env is None or sys.stdout is not env.stdout:  # typer.echo's
            sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise write_failed("standard output", exc, kept) from None


def stream_columns(stream: TextIO) -> int:
    """The width of the terminal `stream` writes to (else the process's terminal's)."""
    import shutil

    try:
        columns = os.get_terminal_size(stream.fileno()).columns
    except (AttributeError, OSError, ValueError):
        columns = 0
    return columns or shutil.get_terminal_size().columns
