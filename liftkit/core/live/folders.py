"""Session folders: where `liftkit run` keeps the agenda copy, attendees, groups and journal."""

from __future__ import annotations

import json
import os
import re
import shlex
import unicodedata
from datetime import UTC, datetime
from pathlib import Path

from liftkit.core.agenda.model import Agenda, load_agenda
from liftkit.core.agenda.schema import AgendaError, format_problem
from liftkit.core.errors import EXIT_FAILURE, LiftkitError
from liftkit.core.files import trouble
from liftkit.core.live.journal import JOURNAL_NAME
from liftkit.core.live.unreadable import cannot_read, check_readable, unreadable
from liftkit.core.text import command_line, plural

DEFAULT_PARENT = Path("liftkit-sessions")
SESSIONS_ENV = "LIFTKIT_SESSIONS"
AGENDA_COPY = "agenda.toml"  # the session folder's copy of the agenda it runs


def missing_agenda_copy(path: Path) -> LiftkitError:
    """The refusal of a session whose copy of its agenda (`path`) is gone (resume, export)."""
    return LiftkitError(
        f"{path}: the session's copy of its agenda is missing",
        f"put the agenda file the session ran back in the folder as {AGENDA_COPY}",
    )


def load_agenda_copy(path: Path) -> Agenda:
    """The session's copy of its agenda (`path`), or one line: that it is missing, or its
    first problem and how many more (a copy broken in two durations printed two errors for
    one export; `liftkit agenda check` lists them all)."""
    if not path.is_file():
        raise missing_agenda_copy(path)
    try:
        return load_agenda(path)
    except AgendaError as error:
        if len(error.problems) < 2:
            raise
        more = plural(len(error.problems) - 1, "more problem")
        raise LiftkitError(
            format_problem(str(path), error.problems[0]),
            f"and {more}: {command_line('liftkit', 'agenda', 'check', path)} lists them all",
        ) from None


# The copy of the attendee list a session keeps, by the kind of file it was given.
ATTENDEE_COPIES = ("attendees.csv", "attendees.txt")
ATTENDEE_SOURCE = "attendees-from.txt"  # the --attendees file's path, for a resume to read
GROUPS_COPY = "groups.json"  # the --groups file the session ran with, as JSON
# The planned start (--start) while the host waits for it: the journal is empty until then.
START_AT_NAME = "start-at.txt"
# Every file a session keeps in its folder, which `run`, `resume`, `note`, `view` and
# `export` read: an output is never written over one of them. Anything else in the folder
# (an event pack written there) is no part of the session.
SESSION_FILES = (
    JOURNAL_NAME, AGENDA_COPY, *ATTENDEE_COPIES, ATTENDEE_SOURCE, GROUPS_COPY, START_AT_NAME
)  # fmt: skip


def write_start_at(folder: Path, start_at: datetime, rehearse: float = 1.0) -> None:
    """Note the planned start for `liftkit view`, and a rehearsal's speed for `liftkit
    resume` (best effort: the journal says both once the session starts)."""
    partial = folder / f".{START_AT_NAME}.tmp"
    speed = f"rehearse {rehearse!r}\n" if rehearse != 1 else ""
    try:
        partial.write_text(start_at.isoformat() + "\n" + speed, encoding="utf-8")
        partial.replace(folder / START_AT_NAME)
    except OSError:
        return


def _start_at_lines(folder: Path) -> list[str]:
    try:
        return (folder / START_AT_NAME).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return []


def read_start_at(folder: Path) -> datetime | None:
    """The planned start noted by `write_start_at`; None when there is none (or it does not
    read as a time with its UTC offset)."""
    lines = _start_at_lines(folder)
    try:
        when = datetime.fromisoformat(lines[0].strip()) if lines else None
    except ValueError:
        return None
    return when if when is not None and when.tzinfo is not None else None


def read_rehearse(folder: Path) -> float:
    """The rehearsal speed noted by `write_start_at` (1 when none): a session quit before
    its planned start has no `session_start` to hold it, and resumed at real speed."""
    for line in _start_at_lines(folder)[1:]:
        word, _, value = line.partition(" ")
        if word == "rehearse":
            try:
                speed = float(value)
            except ValueError:
                return 1.0
            return speed if 0 < speed <= 3600 else 1.0
    return 1.0


def default_parent() -> Path:
    """The parent folder of sessions: $LIFTKIT_SESSIONS, else ./liftkit-sessions. A leading
    `~` in the variable is the home folder: set quoted (`export LIFTKIT_SESSIONS="~/liftkit"`
    in a .zshrc), the shell leaves it as it is, and a folder named ~ was made here."""
    return Path(os.path.expanduser(os.environ.get(SESSIONS_ENV) or DEFAULT_PARENT))


# Latin letters that are no letter and an accent, so NFKD keeps them whole: spelt as they
# are written without them ("Straße Œuvre" is strasse-oeuvre, "Łódź" lodz, not stra-e-uvre, odz)
_LETTERS = str.maketrans(
    {"ß": "ss", "ẞ": "ss", "œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o",
     "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "þ": "th", "Þ": "th", "ı": "i"}
)  # fmt: skip


def _slug(text: str) -> str:
    # accents go, their letters stay: "Café Día" is cafe-dia, not caf-d-a
    text = text.translate(_LETTERS)
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
    return slug[:40] or "agenda"


def sessions_parent(parent: Path) -> Path:
    """`parent`, unless it is something other than a folder: a file given for `sessions`
    was waited on for ever by `view latest`, and refused by `run` in the system's words."""
    try:  # Python 3.11's exists() raises for a disk that fails (EIO), not only ENOENT
        a_file = parent.exists() and not parent.is_dir()
    except OSError as exc:
        raise cannot_read(parent, exc, parent) from None
    if a_file:
        raise LiftkitError(
            f"{parent}: is a file, not a folder of sessions",
            "give `sessions` a folder (liftkit run makes it when it is missing)",
        )
    return parent


def sessions_to_wait_in(sessions: Path | None) -> Path:
    """The folder of sessions for `view latest` to wait in for one: `sessions`, or the
    default. A folder named (`sessions`, or $LIFTKIT_SESSIONS) that does not exist, mistyped,
    was waited on for ever, where export, note and resume say "no sessions in …" at once; the
    default ./liftkit-sessions may not be there yet before the first `liftkit run` makes it."""
    named = sessions is not None or bool(os.environ.get(SESSIONS_ENV))
    parent = sessions_parent(sessions if sessions is not None else default_parent())
    if named and not parent.is_dir():
        raise LiftkitError(
            f"no sessions in {_shown(parent)}: there is no such folder",
            "check the folder given as `sessions`; to wait for the first session of a new "
            f"folder, make it first (mkdir -p {shlex.quote(str(parent))})",
        )
    return parent


def create_session_folder(parent: Path, agenda_name: str, now: datetime) -> Path:
    """A new, empty folder named by date, time and agenda (a suffix keeps names unique)."""
    base = f"{now:%Y-%m-%d-%H%M%S}-{_slug(agenda_name)}"
    sessions_parent(parent)
    try:
        parent.mkdir(parents=True, exist_ok=True)
        for n in range(1, 1000):
            folder = parent / (base if n == 1 else f"{base}-{n}")
            try:
                folder.mkdir()
            except FileExistsError:
                continue
            return folder
    except OSError as exc:
        raise LiftkitError(
            f"{parent}: cannot create a session folder: {trouble(exc)}",
            "choose another place with `sessions` DIR",
            EXIT_FAILURE,
        ) from None
    raise LiftkitError(f"{parent}: too many sessions named {base}", "use `sessions` DIR")


# A session folder's name begins with the time it was made: "2026-03-09-140000-".
STARTED = re.compile(r"\d{4}-\d\d-\d\d-\d{6}-")


def session_folders(parent: Path) -> list[Path]:
    """The folders in `parent` with a journal (which `run` creates after the agenda's copy),
    and those named as `run` names them that this user may not look into (a host's umask
    077), for the reader to say so; none when `parent` is not there. A `parent` this user
    may not list is refused: it looked empty, and `view latest` waited for ever."""
    try:
        with os.scandir(parent) as entries:
            names = [entry.name for entry in entries]
    except PermissionError:
        raise unreadable(parent, parent) from None
    except OSError:
        return []
    found = []
    for name in names:
        folder = parent / name
        try:
            if (folder / JOURNAL_NAME).is_file():
                found.append(folder)
        except PermissionError:
            if STARTED.match(name) and folder.is_dir():
                found.append(folder)
        except OSError:
            continue
    return found


def started_at(folder: Path) -> datetime:
    """When the session in `folder` started: its journal's first event's `wall`, an instant
    (a folder's name is its local time, and the clocks go back, or the host's laptop changes
    zone); else the time its name says, read in this zone; else when it was last changed. Only
    the first line is read, with hundreds of folders to order."""
    try:
        with (folder / JOURNAL_NAME).open("rb") as journal:
            first = json.loads(journal.readline(1 << 20))
        wall = datetime.fromisoformat(first["wall"])
        if wall.tzinfo is not None:
            return wall
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        pass
    try:
        return datetime.strptime(folder.name[:17], "%Y-%m-%d-%H%M%S").astimezone()
    except ValueError:
        pass
    try:
        return datetime.fromtimestamp(folder.stat().st_mtime).astimezone()
    except OSError:
        return datetime.min.replace(tzinfo=UTC)


def by_start(folders: list[Path]) -> list[Path]:
    """`folders`, the session started last first (the name breaks a tie)."""
    return sorted(folders, key=lambda p: (started_at(p), p.name), reverse=True)


def newest_session(parent: Path) -> Path | None:
    """The session in `parent` started last (by its journal, not its folder's name written in
    local time), or None when there is none yet."""
    return next(iter(by_start(session_folders(parent))), None)


def find_session(argument: str, parent: Path | None = None) -> Path:
    """SESSION is a session folder, or `latest` (the newest in the parent folder)."""
    parent = sessions_parent(parent if parent is not None else default_parent())
    if argument == "latest":
        newest = newest_session(parent)
        if newest is None:
            raise LiftkitError(
                f"no sessions in {_shown(parent)}",
                "run `liftkit run AGENDA` first (session folders go in that folder), or name a "
                "session folder",
            )
        check_readable(newest, newest / JOURNAL_NAME)
        return newest
    folder = Path(argument)
    try:
        if folder.is_file() and folder.name == JOURNAL_NAME:
            folder = folder.parent
        there = folder.is_dir()
        journal = there and (folder / JOURNAL_NAME).is_file()
    except PermissionError:  # raised by Python 3.11's is_file() for a folder it cannot see in
        raise unreadable(folder / JOURNAL_NAME, folder) from None
    except OSError as exc:  # and for a disk that fails: EIO, a stale NFS handle (ESTALE)
        raise cannot_read(folder, exc, folder) from None
    if not there:
        what = "a file, not a session folder" if folder.is_file() else "no such session folder"
        raise LiftkitError(f"{folder}: {what}", _hint(folder))
    if not journal:
        raise LiftkitError(
            f"{folder}: not a session folder (no {JOURNAL_NAME})",
            "name a folder made by `liftkit run`, or latest",
        )
    check_readable(folder, folder / JOURNAL_NAME)
    return folder


def _hint(folder: Path) -> str:
    """What to give instead of a folder that is not there: for "s2/latest", latest in s2."""
    try:
        in_parent = folder.name == "latest" and folder.parent.is_dir()
    except OSError:
        in_parent = False
    if in_parent:
        return f"for the newest session in {folder.parent}, give latest `sessions` {folder.parent}"
    return "name a folder made by `liftkit run`, or latest"


def _shown(parent: Path) -> str:
    """A relative sessions folder with where it is ("liftkit-sessions (in /home/ann/calls)"): a
    host who ran liftkit from another folder is told where it looked."""
    if parent.is_absolute():
        return str(parent)
    return f"{parent} (in {Path.cwd()})"
