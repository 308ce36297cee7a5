"""The session journal: one JSON object a line, appended and fsynced before it is acknowledged.

Every event carries `seq` (1, 2, ...), `type`, `wall` (ISO 8601 with the UTC offset) and `mono`
(seconds on the session's monotonic clock). docs/journal.md lists the event types.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO, Any

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
    """An append-only journal file. Each append is one write, flushed and fsynced."""

    def __init__(self, path: Path, next_seq: int = 1) -> None:
        self.path = path
        self.next_seq = next_seq
        self._handle: IO[bytes] | None = None

    @classmethod
    def create(cls, path: Path) -> Journal:
        journal = cls(path)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_APPEND, 0o644)
        except FileExistsError:
            raise LiftkitError(f"{path}: a journal is already here", "resume it instead") from None
        # O_APPEND: `liftkit note` may add a line while the session runs.
        journal._handle = os.fdopen(fd, "ab")
        _fsync_dir(path.parent)
        return journal

    @classmethod
    def reopen(cls, path: Path, read: JournalRead) -> Journal:
        """Open an existing journal for appending, cutting off a torn last line first."""
        if read.torn_bytes:
            with open(path, "r+b") as torn:
                size = torn.seek(0, os.SEEK_END)
                torn.truncate(size - read.torn_bytes)
                os.fsync(torn.fileno())
        handle = open(path, "ab")  # noqa: SIM115 - held open for the session
        last = max((int(e.get("seq", 0)) for e in read.events), default=0)
        journal = cls(path, next_seq=last + 1)
        journal._handle = handle
        return journal

    def append(self, type_: str, mono: float, wall: datetime, **fields: Any) -> dict[str, Any]:
        """Write an event and return it once it is on disk."""
        if self._handle is None:
            raise RuntimeError("journal is closed")
        event: dict[str, Any] = {
            "seq": self.next_seq,
            "type": type_,
            "wall": wall.isoformat(timespec="milliseconds"),
            "mono": round(mono, 4),
        }
        event.update(fields)
        line = json.dumps(event, ensure_ascii=False, separators=(",", ":")) + "\n"
        self._handle.write(line.encode("utf-8"))
        self._handle.flush()
        os.fsync(self._handle.fileno())
        self.next_seq += 1
        return event

    @property
    def closed(self) -> bool:
        return self._handle is None

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def append_event(path: Path, type_: str, mono: float, wall: datetime, **fields: Any) -> None:
    """Append one event to an existing journal (e.g. `liftkit note` after the session)."""
    read = read_journal(path)
    with Journal.reopen(path, read) as journal:
        journal.append(type_, mono, wall, **fields)


def iter_type(events: list[dict[str, Any]], *types: str) -> Iterator[dict[str, Any]]:
    return (e for e in events if e.get("type") in types)


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
