"""The rooms a session's breakouts met in, as a groups split: `liftkit groups --previous
SESSION` plans the next week from them, reshuffles and all, where the groups file the
session opened with holds the rooms planned, not those used."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from liftkit.core.errors import LiftkitError
from liftkit.core.groups.model import Round, Split
from liftkit.core.live.events import GroupsMade
from liftkit.core.live.folders import AGENDA_COPY, GROUPS_COPY, load_agenda_copy
from liftkit.core.live.journal import JOURNAL_NAME, read_journal
from liftkit.core.live.replay import check_agenda_copy, replay_journal, rounds_that_met


def is_session_folder(path: str | Path) -> bool:
    """Whether `path` is a session folder (one holding a journal), not a groups file."""
    return Path(path).is_dir() and (Path(path) / JOURNAL_NAME).is_file()


def rooms_held(folder: Path) -> Split:
    """Every round whose rooms met in the session at `folder`, as they met (the last rooms
    each breakout was given, after reshuffles and undos, and only the rounds that met, as the
    event pack lists them), breakouts in agenda order. A session run with `--groups FILE
    --round N` (a programme's week N) comes after the file's rounds before N, which had
    taken place: the rounds are numbered on from them. Its `settings` are that file's (its
    facilitators, and whom it keeps together or apart)."""
    from liftkit.core.groups.reading import load_groups_file, score_rounds
    from liftkit.core.live.reshuffles import file_round

    events = read_journal(folder / JOURNAL_NAME).events
    agenda = load_agenda_copy(folder / AGENDA_COPY)
    check_agenda_copy(agenda, events, folder / AGENDA_COPY)
    replayed = replay_journal(agenda, events)
    made: dict[int, GroupsMade] = {}
    opened: dict[int, GroupsMade] = {}  # each breakout's rooms as the session opened
    for event in events:
        if isinstance(event, GroupsMade) and event.segment is not None:
            opened.setdefault(event.segment, event)
            made[event.segment] = event  # a reshuffle or an undo since: the later stands
    met: list[Round] = []
    for segment, event in sorted(made.items()):
        if segment not in replayed.times:  # never ran
            continue
        count = len(event.split.rounds)
        if 0 <= segment < len(agenda.segments):
            count = rounds_that_met(replayed, segment, count)
        met.extend(event.split.rounds[:count])
    if not met:
        raise LiftkitError(
            f"{folder}: no breakout rooms met in this session",
            "give the groups file of the rooms planned instead",
        )
    before: tuple[Round, ...] = ()
    settings: dict[str, object] = {}
    if made and (folder / GROUPS_COPY).is_file():
        source = load_groups_file(folder / GROUPS_COPY, recorded=True)
        start = file_round(source, opened[min(opened)].split)
        before = source.rounds[:start] if start else ()
        settings = source.settings  # its facilitators, and whom it keeps together or apart
    number = before[-1].number if before else 0
    rounds = (*before, *(replace(rnd, number=number + i) for i, rnd in enumerate(met, 1)))
    return Split(rounds, score_rounds(rounds), settings=settings)
