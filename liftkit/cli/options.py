"""Arguments and options that several commands share, spelled once."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

SessionArg = Annotated[str, typer.Argument(help="A session folder, or latest.", metavar="SESSION")]
SessionsOption = Annotated[
    Path | None,
    typer.Option(
        "--sessions",
        metavar="DIR",
        help="Where session folders go (default: ./liftkit-sessions, or $LIFTKIT_SESSIONS).",
    ),
]
