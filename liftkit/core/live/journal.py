"""The session journal: one JSON object a line, appended and fsynced before it is acknowledged.

Every event carries `seq` (1, 2, ...), `type`, `wall` (ISO 8601 with the UTC offset) and `mono`
(seconds on the session's monotonic clock). docs/journal.md lists the event types.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from liftkit.core.errors import EXIT_FAILURE, LiftkitError

JOURNAL_NAME = "journal.jsonl"


@dataclass
class JournalRead:
    events: list[dict[str, Any]]
    warnings: list[str] = field(default_factory=list)
    torn_bytes: int = 0  # bytes after the last complete line (a crash mid-write)


def read_journal(path: Path) -> JournalRead:
    """Read every complete event; a torn last line and unreadable lines become warnings."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise LiftkitError(
            f"{path}: no journal here", "name a session folder made by `liftkit run`"
        ) from None
    except OSError as exc:
        raise LiftkitError(f"{path}: cannot read: {exc.strerror}", "", EXIT_FAILURE) from None
    result = JournalRead(events=[])
    complete, _, tail = data.rpartition(b"\n")
    if tail.strip():
        result.torn_bytes = len(tail)
        result.warnings.append(
            f"{path}: the last line was cut off (a crash while writing?); "
            f"dropped {len(tail)} bytes that were never confirmed"
        )
    if not complete and not data.endswith(b"\n"):
        complete = b""
    for number, raw in enumerate(complete.split(b"\n"), start=1):
        if not raw.strip():
            continue
        try:
            event = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            result.warnings.append(f"{path}:{number}: unreadable journal line skipped")
            continue
        if not isinstance(event, dict) or "type" not in event:
            result.warnings.append(f"{path}:{number}: journal line without a type skipped")
            continue
        result.events.append(event)
    return result


class Journal:
    """An append-only journal file. Each append is one write(2), then fsync.

    The file is opened with O_APPEND (so `liftkit note` can add a line while a session runs)
    and held under an exclusive lock for as long as a session has it open, so that a second
    `liftkit resume` of a running session is refused rather than interleaved.
    """

    def __init__(self, path: Path, fd: int, next_seq: int = 1) -> None:
        self.path = path
        self.next_seq = next_seq
        self._fd: int | None = fd
        self._size = os.fstat(fd).st_size  # how far this journal has been read or written
        self._foreign: list[dict[str, Any]] = []  # lines another process added (`note`)

    @classmethod
    def create(cls, path: Path) -> Journal:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_APPEND, 0o644)
        except FileExistsError:
            raise LiftkitError(f"{path}: a journal is already here", "resume it instead") from None
        try:
            _lock(fd, path)
        except BaseException:
            os.close(fd)
            raise
        _fsync_dir(path.parent)
        return cls(path, fd)

    @classmethod
    def reopen(cls, path: Path, read: JournalRead) -> Journal:
        """Open an existing journal for appending, cutting off a torn last line first."""
        fd = os.open(path, os.O_RDWR | os.O_APPEND)
        try:
            _lock(fd, path)
            if read.torn_bytes:
                os.ftruncate(fd, os.fstat(fd).st_size - read.torn_bytes)
                os.fsync(fd)
        except BaseException:
            os.close(fd)
            raise
        return cls(path, fd, next_seq=_last_seq(read.events) + 1)

    def append(self, type_: str, mono: float, wall: datetime, **fields: Any) -> dict[str, Any]:
        """Write an event and return it once it is on disk."""
        if self._fd is None:
            raise RuntimeError("journal is closed")
        event: dict[str, Any] = {
            "seq": self.next_seq,
            "type": type_,
            "wall": wall.isoformat(timespec="milliseconds"),
            "mono": round(mono, 4),
        }
        event.update(fields)
        self._take_foreign(os.fstat(self._fd).st_size)
        line = _write_line(self._fd, event)
        end = os.lseek(self._fd, 0, os.SEEK_CUR)  # O_APPEND leaves it after our line
        self._take_foreign(end - line)  # lines another process added just before ours
        self._size = end
        self.next_seq += 1
        return event

    def foreign_events(self) -> list[dict[str, Any]]:
        """Events another process (`liftkit note`) appended since we last looked."""
        if self._fd is not None:
            self._take_foreign(os.fstat(self._fd).st_size)
        events, self._foreign = self._foreign, []
        return events

    def _take_foreign(self, upto: int) -> None:
        assert self._fd is not None
        if upto <= self._size:
            return
        data = os.pread(self._fd, upto - self._size, self._size)
        complete = data[: data.rfind(b"\n") + 1]
        for raw in complete.splitlines():
            try:
                event = json.loads(raw)
            except (ValueError, UnicodeDecodeError):
                continue
            if isinstance(event, dict) and "type" in event:
                self._foreign.append(event)
        self.next_seq = max(self.next_seq, _last_seq(self._foreign) + 1)
        self._size += len(complete)

    @property
    def closed(self) -> bool:
        return self._fd is None

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # releases the lock
            self._fd = None

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _last_seq(events: list[dict[str, Any]]) -> int:
    numbers = [e.get("seq") for e in events]
    return max((n for n in numbers if isinstance(n, int) and not isinstance(n, bool)), default=0)


def _write_line(fd: int, event: dict[str, Any]) -> int:
    """Write one event as one line; return its length in bytes."""
    line = (json.dumps(event, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
    before = os.fstat(fd).st_size
    try:
        written = os.write(fd, line)
        if written != len(line):  # only when the disk is full: never leave half a line
            os.ftruncate(fd, before)
            raise OSError(errno.ENOSPC, "No space left on device")
        os.fsync(fd)
        return written
    except OSError as exc:
        raise LiftkitError(
            f"cannot write to the journal: {exc.strerror or exc}",
            "free some disk space, then `liftkit resume` the session",
            EXIT_FAILURE,
        ) from None


def _lock(fd: int, path: Path) -> None:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        raise LiftkitError(
            f"{path.parent}: this session is running in another terminal",
            "carry on there, or stop it first (q)",
        ) from None


def append_event(path: Path, type_: str, mono: float, wall: datetime, **fields: Any) -> None:
    """Append one event to an existing journal (e.g. `liftkit note`), even while it runs.

    When no session holds the journal, a torn last line is cut off first, as on resume; while
    one runs, its lines are whole (one write each), so the event is simply appended.
    """
    fd = os.open(path, os.O_RDWR | os.O_APPEND)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            running = False
        except BlockingIOError:
            running = True
        read = read_journal(path)
        if read.torn_bytes and not running:
            os.ftruncate(fd, os.fstat(fd).st_size - read.torn_bytes)
        event: dict[str, Any] = {
            "seq": _last_seq(read.events) + 1,
            "type": type_,
            "wall": wall.isoformat(timespec="milliseconds"),
            "mono": round(mono, 4),
            **fields,
        }
        _write_line(fd, event)
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
