"""`liftkit groups`."""

from __future__ import annotations

from typing import Annotated

import typer

from liftkit.core.errors import EXIT_FAILURE, LiftkitError


def groups(
    attendees: Annotated[str, typer.Argument(help="Attendee CSV or text file, or - for stdin.")],
) -> None:
    """Split attendees into breakout groups over several rounds.

    Example: liftkit groups people.csv --size 5 --rounds 2 --seed 7
    """
    raise LiftkitError(
        "liftkit groups is not available yet", "it comes with breakout groups", EXIT_FAILURE
    )
