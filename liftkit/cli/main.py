"""Entry point: `liftkit` and `python -m liftkit`."""

from __future__ import annotations

import os
import sys

from liftkit import __version__


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if sys.stdout is None:  # started with its output closed (`>&-`): what it says goes nowhere
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (for the process)
    if args == ["--version"]:
        # The most common check of an install answers before Typer is even imported.
        try:
            sys.stdout.write(f"liftkit {__version__}\n")
            sys.stdout.flush()
        except BrokenPipeError:  # the reader went away (`| true`), as any command leaves it
            sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
            sys.exit(1)
        except OSError as exc:  # a full disk behind `> file`
            from liftkit.cli.errors import output_refused, report
            from liftkit.core.files import write_failed

            if not output_refused(exc):
                raise
            report(write_failed("standard output", exc, "nothing was printed"))
            sys.exit(1)
        sys.exit(0)
    from liftkit.cli.app import app_for, get_command
    from liftkit.cli.encoding import use_stand_ins

    for stream in (sys.stdout, sys.stderr):  # a Latin-1 or ASCII terminal
        use_stand_ins(stream)

    command = get_command(app_for(args))
    command.main(args=args, prog_name="liftkit", standalone_mode=True)
