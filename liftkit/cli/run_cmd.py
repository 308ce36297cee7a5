"""`liftkit run` and `liftkit resume`."""

from __future__ import annotations

from typing import Annotated

import typer

from liftkit.core.errors import EXIT_FAILURE, LiftkitError


def run(
    agenda: Annotated[str, typer.Argument(help="A TOML agenda file or a bundled template name.")],
) -> None:
    """Run an agenda live: countdown, prompts, keys, reflections into a journal.

    Example: liftkit run community-conversation
    """
    raise LiftkitError(
        "liftkit run is not available yet", "it comes with the live session", EXIT_FAILURE
    )


def resume(
    session: Annotated[str, typer.Argument(help="A session folder, or latest.")],
) -> None:
    """Continue a session after a crash or a quit.

    Example: liftkit resume latest
    """
    raise LiftkitError(
        "liftkit resume is not available yet", "it comes with the live session", EXIT_FAILURE
    )
