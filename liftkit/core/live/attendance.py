"""The attendee list read again during a session: late joiners and people who left.

`liftkit run --attendees FILE` reads the list before the session and makes every breakout's
rooms from it. During the call the host keeps the file up to date (a participants export
saved over it, names typed in or deleted); a reshuffle reads it again when its bytes have
changed since it was last read, so that the rooms it makes are for the people there now.
The session folder's copy follows it (attendees.csv or .txt: what a resume, the authors of
reflections and the event pack's attendance read), and ATTENDEE_SOURCE notes where the file
is, for a resumed session to read it again too.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from liftkit.core.errors import LiftkitError
from liftkit.core.files import write_atomic
from liftkit.core.groups.model import Round
from liftkit.core.live.folders import ATTENDEE_COPIES, ATTENDEE_SOURCE
from liftkit.core.live.rooms import _label
from liftkit.core.people.reader import Person, people_from, present
from liftkit.core.text import plural, some_named


@dataclass
class Attendance:
    """The --attendees file (`path`, as given: errors name it so) and what was last read of
    it (`read`: its bytes; `people`)."""

    path: Path
    read: bytes
    people: list[Person] = field(default_factory=list)
    stamp: tuple[int, int] | None = None  # the file's time and size when `differs` was found
    differs: bool = False

    @classmethod
    def start(cls, path: Path, people: Sequence[Person],
              data: bytes | None = None) -> Attendance | None:  # fmt: skip
        """The list as read before the session: the `people` of `path` (its bytes `data`,
        else read now); None for what is not a plain file (a pipe, `<(…)`: read once, it is
        gone)."""
        if not path.is_file():
            return None
        return cls(path, (_bytes(path) or b"") if data is None else data, list(people))

    def note(self, folder: Path) -> None:
        """Note where the file is in the session `folder`, for a resume to read it again."""
        # its bytes as they are: a name that is not UTF-8 is found again
        write_atomic(folder / ATTENDEE_SOURCE, os.fsencode(self.path.absolute()) + b"\n")

    @classmethod
    def resumed(cls, folder: Path, people: Sequence[Person]) -> Attendance | None:
        """The list a resumed session last read (the folder's copy), and the file it came
        from; None when the folder does not say which (a session from before this note)."""
        try:
            path = Path(os.fsdecode((folder / ATTENDEE_SOURCE).read_bytes().strip()))
        except OSError:
            return None
        copy = next((folder / name for name in ATTENDEE_COPIES if (folder / name).is_file()), None)
        if not path.parts or copy is None:
            return None
        return cls(path, _bytes(copy) or b"", list(people))

    def changed(self) -> bool:
        """Whether the file differs from what was last read: its time and size looked at
        (the rooms view asks at every frame), its bytes read only when those change."""
        try:
            info = self.path.stat()
        except OSError:
            return False
        stamp = (info.st_mtime_ns, info.st_size)
        if stamp != self.stamp:
            self.stamp = stamp
            try:
                self.differs = self.path.read_bytes() != self.read
            except OSError:
                self.differs = False
        return self.differs

    def read_again(self, folder: Path) -> Changes | None:
        """Read the file again when it changed since: `people` are then those it lists, the
        session `folder`'s copy is replaced, and what changed is returned; None when it has
        not changed, or is not there (renamed, or a resume on another computer: the list as
        last read stands). Raises LiftkitError, naming the file and line, when it cannot be
        read (saved half way, a line broken): the list as last read stands until mended."""
        data = _bytes(self.path)
        if data is None or data == self.read:
            return None
        read = people_from(data, str(self.path))  # the bytes compared, not the file again
        if len(read.people) < 2:  # saved in the middle of a change, or the wrong file
            raise LiftkitError(
                f"{self.path}: lists {plural(len(read.people), 'person', 'people')} now, and "
                "rooms need two or more",
                "put the people here in it, then reshuffle again",
            )
        people = present(read)[0]  # a per-event report lists those who left too
        before = {_key(p) for p in self.people}
        now = {_key(p) for p in people}
        joined = [p.name for p in people if _key(p) not in before]
        left = [p.name for p in self.people if _key(p) not in now]
        name = ATTENDEE_COPIES[0] if self.path.suffix.lower() in (".csv", ".tsv") else (
            ATTENDEE_COPIES[1])  # fmt: skip
        write_atomic(folder / name, data)
        self.read, self.people, self.stamp = data, people, None
        return Changes(self.path.name, joined, left, len(now))


@dataclass(frozen=True)
class Changes:
    """What reading the attendee file again found: who joined and who left, by name."""

    file: str
    joined: list[str]
    left: list[str]
    people: int

    def said(self, kept: str = "", now: Round | None = None) -> str:
        """As a reshuffle's message ends, counts first (a narrow window cuts the end), and
        the joiners' rooms in the round `now`, for the host to move them there: "people.csv
        read again: 2 joined, 1 left; 28 of the 29 others kept their room. Joined: Ana
        (Room 2); Bo (Room 5)." The host took out those who left: they are not named."""
        counts = [f"{len(self.joined)} joined"] if self.joined else []
        counts += [f"{len(self.left)} left"] if self.left else []
        same = f"the same {plural(self.people, 'person', 'people')}"
        said = f"{self.file} read again: {', '.join(counts) or same}"
        said += f"; {kept}." if kept else "."
        rooms = {p.name: g.name for g in now.groups for p in g.members} if now else {}
        joined = [f"{name} ({rooms[name]})" if name in rooms else name for name in self.joined]
        return said + (f" Joined: {some_named(joined)}." if joined else "")


def _bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise LiftkitError(
            f"{path}: cannot be read again ({exc.strerror or exc})",
            "check the file, then reshuffle again",
        ) from None


def _key(person: Person) -> str:
    """Who someone is, as the rooms tell people apart (by email, else by name)."""
    return _label(person).lower()


def kept_rooms(before: Round, after: Round) -> str:
    """How many of those in both rounds kept their room (by its name), as a reshuffle after
    the list changed says it: where joiners took the places of those who left, most did."""
    rooms = {_key(p): g.name for g in before.groups for p in g.members}
    both = [(rooms[_key(p)], g.name) for g in after.groups for p in g.members if _key(p) in rooms]
    kept = sum(1 for was, now in both if was == now)
    if kept == len(both):
        return "everyone else kept their room"
    return f"{kept or 'none'} of the {len(both)} others kept their room"
