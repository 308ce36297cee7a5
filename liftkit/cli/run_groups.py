"""Breakout groups during `liftkit run`: made from --attendees, or read from --groups."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from liftkit.core.agenda import Agenda
from liftkit.core.errors import EXIT_FAILURE, LiftkitError
from liftkit.core.screen import GroupsSummary
from liftkit.core.session import LiveSession


@dataclass
class GroupsPlan:
    files: dict[str, Path] = field(default_factory=dict)

    def record(self, session: LiveSession) -> None:
        """Journal the groups of each breakout segment (nothing yet without attendees)."""

    def summary(self, session: LiveSession) -> GroupsSummary | None:
        return None

    def reshuffle(self, session: LiveSession) -> str:
        return "No groups to reshuffle: start with --attendees FILE."


def prepare_groups(
    agenda: Agenda, attendees: Path | None, groups: Path | None, seed: int | None
) -> GroupsPlan:
    if attendees is not None or groups is not None:
        raise LiftkitError(
            "--attendees and --groups are not available yet",
            "they come with `liftkit groups`",
            EXIT_FAILURE,
        )
    return GroupsPlan()


def prepare_groups_for_resume(session: LiveSession) -> GroupsPlan:
    return GroupsPlan()
