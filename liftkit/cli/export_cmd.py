"""`liftkit export`."""

from __future__ import annotations

from typing import Annotated

import typer

from liftkit.core.errors import EXIT_FAILURE, LiftkitError


def export(
    session: Annotated[str, typer.Argument(help="A session folder, or latest.")],
) -> None:
    """Write the event pack of a session (and its chat logs) as Markdown or JSON.

    Example: liftkit export latest --chat meeting_saved_chat.txt -o event-pack.md
    """
    raise LiftkitError(
        "liftkit export is not available yet", "it comes with the event pack", EXIT_FAILURE
    )
