"""`liftkit note`."""

from __future__ import annotations

from typing import Annotated

import typer

from liftkit.core.errors import EXIT_FAILURE, LiftkitError


def note(
    session: Annotated[str, typer.Argument(help="A session folder, or latest.")],
    text: Annotated[str, typer.Argument(help="The reflection.")],
) -> None:
    """Add a reflection to a session after the fact.

    Example: liftkit note latest "Ada: listening with fascination #listening" --segment 5
    """
    raise LiftkitError(
        "liftkit note is not available yet", "it comes with the live session", EXIT_FAILURE
    )
