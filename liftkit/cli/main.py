"""Entry point: `liftkit` and `python -m liftkit`."""

from __future__ import annotations

import sys

from liftkit import __version__


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if args == ["--version"]:
        # The most common check of an install answers before Typer is even imported.
        sys.stdout.write(f"liftkit {__version__}\n")
        sys.exit(0)
    from liftkit.cli.app import app_for, get_command
    from liftkit.cli.encoding import use_stand_ins

    for stream in (sys.stdout, sys.stderr):  # a Latin-1 or ASCII terminal
        use_stand_ins(stream)

    command = get_command(app_for(args))
    command.main(args=args, prog_name="liftkit", standalone_mode=True)
