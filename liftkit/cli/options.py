"""Arguments and options that several commands share, spelled once."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from liftkit.cli.completion import complete_session

SessionArg = Annotated[
    str,
    typer.Argument(
        help="A session folder, or latest.", metavar="SESSION", autocompletion=complete_session
    ),
]
SessionsOption = Annotated[
    Path | None,
    typer.Option(
        "--sessions",
        metavar="DIR",
        help="Where session folders go (default: ./liftkit-sessions, or $LIFTKIT_SESSIONS).",
    ),
]
