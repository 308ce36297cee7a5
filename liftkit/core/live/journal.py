"""The session journal: one JSON object a line, appended and fsynced before it is acknowledged.

Every event carries `seq` (1, 2, ...), `type`, `wall` (ISO 8601 with the UTC offset) and `mono`
(seconds on the session's monotonic clock); liftkit.core.live.events holds one type per event.
Each writer (the running session, `liftkit note`) appends under one lock, taken on the session
folder, so `seq` is unique and in file order however many write at once.
"""

from __future__ import annotations

import errno
import json
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from liftkit.core.errors import EXIT_FAILURE, LiftkitError
from liftkit.core.files import write_failed
from liftkit.core.live.events import JournalEvent, stamped
from liftkit.core.live.journal_read import TORN_ASIDE, tail_seq, whole_tail
from liftkit.core.live.journal_read import JournalRead as JournalRead
from liftkit.core.live.journal_read import complete_lines as _complete_lines
from liftkit.core.live.journal_read import parse_lines as parse_lines
from liftkit.core.live.journal_read import read_journal as read_journal
from liftkit.core.live.journal_read import read_records as read_records
from liftkit.core.live.records import to_record
from liftkit.core.live.refused import JournalRefused

JOURNAL_NAME = "journal.jsonl"
# The last bytes of what was written and read, compared with the file's at their place before
# each write: a file written over in place (`cat older-copy > journal.jsonl`) no longer holds
# them there. One read of 4 KiB (the last dozen lines or so), however long the journal.
CHECKED_TAIL = 4096


class Journal:
    """An append-only journal file, held by the running session.

    The file is opened with O_APPEND and held under an exclusive lock for as long as a session
    has it open, so that a second `liftkit resume` of a running session is refused rather than
    interleaved; appends take the folder's append lock, which `liftkit note` takes too.
    """

    def __init__(self, path: Path, fd: int, next_seq: int = 1) -> None:
        self.path = path
        self.next_seq = next_seq
        self._fd: int | None = fd
        self._size = os.fstat(fd).st_size  # how far this journal has been read or written
        # Those bytes, to write back should the file be emptied or cut short in place (a
        # session's journal is tens of kilobytes); it never shrinks otherwise (`whereabouts`).
        self._copy = bytearray(os.pread(fd, self._size, 0))
        self._lines = 0  # whole lines up to _size, for naming the lines of foreign events
        self._foreign: list[JournalEvent] = []  # events another process added (`note`)

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
        """Open an existing journal for appending (a torn last line is cut off then)."""
        fd = _open_to_append(path, "nothing was written: it holds all that was captured")
        try:
            _lock(fd, path)
        except BaseException:
            os.close(fd)
            raise
        journal = cls(path, fd, next_seq=read.last_seq + 1)
        journal._size -= read.torn_bytes
        del journal._copy[journal._size :]  # a torn tail is cut before the next line
        journal._lines = journal._copy.count(b"\n")
        return journal

    def append(self, events: Sequence[JournalEvent]) -> list[JournalEvent]:
        """Write events (their `wall` set) as one write, and return them numbered once on disk."""
        if self._fd is None:
            raise RuntimeError("journal is closed")
        fd = self._fd
        try:  # a disk that fails (EIO from a dropped network mount) refuses as a full one
            with append_lock(self.path):
                self.next_seq = max(self.next_seq, _cut_torn_tail(fd, self.path) + 1)
                if self._holds_copy(fd):  # else written over: the lines past it are not notes
                    self._take_foreign(os.fstat(fd).st_size)
                written = [stamped(e, self.next_seq + n) for n, e in enumerate(events)]
                data = _write_lines(fd, written)
                self._size += len(data)
                self._copy += data
                self._lines += len(written)
        except OSError as exc:  # not confirmed: the session tries again, or stops
            raise JournalRefused(exc, then=", then `liftkit resume` the session") from None
        self.next_seq += len(written)
        return written

    def foreign_events(self) -> list[JournalEvent]:
        """Events another process (`liftkit note`) appended since we last looked; those of a
        disk that cannot be read just now are taken when it can."""
        try:
            if self._fd is not None and os.fstat(self._fd).st_size > self._size:  # cheap idle
                with append_lock(self.path):
                    if self._holds_copy(self._fd):
                        self._take_foreign(os.fstat(self._fd).st_size)
        except OSError:
            pass  # the next write says what is wrong (NOT SAVED), if the disk still fails
        events, self._foreign = self._foreign, []
        return events

    def _take_foreign(self, upto: int) -> None:
        assert self._fd is not None
        if upto <= self._size:
            return
        complete, _ = _complete_lines(os.pread(self._fd, upto - self._size, self._size))
        read = parse_lines(self.path, complete, first_line=self._lines + 1)
        self._foreign.extend(read.events)
        self.next_seq = max(self.next_seq, read.last_seq + 1)
        self._size += len(complete)
        self._copy += complete
        self._lines += complete.count(b"\n")

    def _holds_copy(self, fd: int) -> bool:
        """Whether the file still holds the last bytes written and read where they were."""
        size = min(CHECKED_TAIL, self._size)
        return not size or os.pread(fd, size, self._size - size) == self._copy[-size:]

    def whereabouts(self) -> str | None:
        """None while the journal on disk is the file this session writes (two `stat`s);
        else what became of it: "folder deleted", "folder moved", "deleted", "moved" (the
        file is still linked somewhere, liftkit cannot know where), "replaced", or "cut":
        emptied or cut short in place (`: > journal.jsonl`, a sync tool), shorter than what
        has been written and read, which no writer does (`liftkit note` only appends, and a
        torn tail cut off is past what was read); or "written over": as long or longer, but
        not holding the last lines written and read where they were (`cat older-copy >
        journal.jsonl`)."""
        if self._fd is None:
            return None
        try:
            return self._whereabouts(self._fd)
        except OSError:
            return None  # cannot look (permissions, a failing disk): nothing says it is gone

    def _whereabouts(self, fd: int) -> str | None:
        try:
            there = os.stat(self.path)
        except (FileNotFoundError, NotADirectoryError):  # a file where the folder was
            # the file's links counted after the path was found gone: counted before, a
            # journal unlinked in between (an `rm -rf` under way) read as moved elsewhere
            how = "deleted" if os.fstat(fd).st_nlink == 0 else "moved"
            return how if self.path.parent.is_dir() else f"folder {how}"
        held = os.fstat(fd)
        if (there.st_ino, there.st_dev) != (held.st_ino, held.st_dev):
            return "replaced"
        if held.st_nlink == 0:
            return "deleted"
        if held.st_size < self._size:
            return "cut"
        return None if self._holds_copy(fd) else "written over"

    def write_again(self, aside: Path | None = None, cut: bool = False) -> bool:
        """Write the journal again at its path, byte for byte what the file held open holds
        (every line written, and those `liftkit note` added), through a temporary file and a
        rename; then append to it, under the session's lock. A file found in its place is
        moved to `aside` first (None: there is none). For a journal `cut` short or written
        over in place, what was written and read is written instead, and the file is moved
        to `aside` when it holds a line that is not of those; True when it was."""
        if self._fd is None:
            raise RuntimeError("journal is closed")
        old = self._fd
        partial = self.path.with_name(f".{self.path.name}.tmp")
        with append_lock(self.path):
            data = os.pread(old, os.fstat(old).st_size, 0)
            if cut:  # what is left goes aside if it holds more than lines of the copy
                copy = bytes(self._copy)
                ours = set(copy.splitlines())
                foreign = any(line not in ours for line in data.splitlines())
                aside = aside if foreign and not copy.startswith(data) else None
                data = copy
            if aside is not None and self.path.exists():
                os.replace(self.path, aside)
            if partial.exists():
                partial.unlink()
            fd = os.open(partial, os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_APPEND, 0o644)
            try:
                view = memoryview(data)
                while view:
                    view = view[os.write(fd, view) :]
                os.fsync(fd)
                _lock(fd, self.path)
                os.replace(partial, self.path)
            except BaseException:
                os.close(fd)
                partial.unlink(missing_ok=True)
                raise
        _fsync_dir(self.path.parent)
        self._fd = fd
        os.close(old)
        return aside is not None

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


def append_event(path: Path, event: JournalEvent) -> JournalEvent:
    """Append one event to an existing journal (e.g. `liftkit note`), even while a session runs."""
    fd = _open_to_append(path, "nothing was written")
    try:
        with append_lock(path):
            fd = _still_there(path, fd)
            try:
                cut = _cut_torn_tail(fd, path)
                complete, _ = _complete_lines(os.pread(fd, os.fstat(fd).st_size, 0))
                seq = max(parse_lines(path, complete).last_seq, cut) + 1
                written = stamped(event, seq)
                _write_lines(fd, [written])
            except OSError as exc:
                raise JournalRefused(exc, "nothing was written") from None
            return written
    finally:
        os.close(fd)


def _still_there(path: Path, fd: int) -> int:
    """`fd`, or the journal at `path` opened again: the running session may have written it
    again (a new file, `Journal.write_again`) before the append lock was taken."""
    try:
        there, held = os.stat(path), os.fstat(fd)
    except OSError:
        return fd
    if (there.st_ino, there.st_dev) == (held.st_ino, held.st_dev):
        return fd
    again = _open_to_append(path, "nothing was written")
    os.close(fd)
    return again


def _open_to_append(path: Path, kept: str) -> int:
    """The journal opened for appending; a folder that cannot be written (a read-only disk,
    its permissions) is one error line that says what was kept."""
    try:
        return os.open(path, os.O_RDWR | os.O_APPEND)
    except OSError as exc:
        if exc.errno not in (errno.EROFS, errno.EACCES, errno.EPERM):
            raise
        error = write_failed(path, exc, kept)
        raise LiftkitError(
            error.message,
            "make the session folder writable, or copy it to a disk that is and use the copy",
            EXIT_FAILURE,
        ) from None


@contextmanager
def append_lock(path: Path) -> Iterator[None]:
    """Held while a writer numbers and appends its lines: taken on the folder, which every
    writer can open, and waited for (an append takes milliseconds)."""
    import fcntl  # Unix only: readers of a journal (export, groups) do without it

    fd = os.open(path.parent, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


def _cut_torn_tail(fd: int, path: Path) -> int:
    """A writer that died mid-line left a torn tail: it was never confirmed, so it goes,
    before the next line is glued to it. A tail that is a whole event, the next in `seq`
    (an editor saved the journal without its final newline), is kept: its newline added.
    Whatever is cut off is first appended to TORN_ASIDE beside the journal: a tail need not
    be a crash's (a hand fix saved without its newline that is no valid event), and no
    byte of a journal goes without a copy. Returns the `seq` the tail cut off keeps for
    itself (`tail_seq`), 0 when none: the next line is numbered after it."""
    size = os.fstat(fd).st_size
    if size == 0 or os.pread(fd, 1, size - 1) == b"\n":
        return 0
    start = max(0, size - 1_048_576)
    while True:
        chunk = os.pread(fd, size - start, start)
        cut = chunk.rfind(b"\n")
        if cut >= 0 or start == 0:
            break
        start = max(0, start - 1_048_576)
    tail = chunk[cut + 1 :]
    kept = 0
    if whole_tail(tail, _seq_before(chunk[: cut + 1])):
        os.write(fd, b"\n")
    else:
        _keep_aside(path.with_name(TORN_ASIDE), tail)
        os.ftruncate(fd, start + cut + 1)
        kept = tail_seq(tail)
    os.fsync(fd)
    return kept


def _keep_aside(aside: Path, tail: bytes) -> None:
    """Append `tail` (and a newline) to `aside`, on disk before the journal is cut."""
    fd = os.open(aside, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    try:
        data = tail + b"\n"
        if os.write(fd, data) != len(data):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        os.fsync(fd)
    finally:
        os.close(fd)


def _seq_before(lines: bytes) -> int:
    """The `seq` of the last line of `lines` that has one (0 when none does)."""
    for raw in reversed(lines.split(b"\n")):
        try:
            seq = json.loads(raw.decode("utf-8")).get("seq") if raw.strip() else None
        except (UnicodeDecodeError, ValueError, AttributeError):
            continue
        if isinstance(seq, int) and not isinstance(seq, bool):
            return seq
    return 0


def _write_lines(fd: int, events: Sequence[JournalEvent]) -> bytes:
    """Write events as lines with one write(2) and fsync; return what was written. On an
    OSError they are not confirmed (and a full disk's part of a line is cut off)."""
    if any(e.wall is None for e in events):
        raise ValueError("journal events need their wall-clock time")
    data = b"".join(
        (json.dumps(to_record(e), ensure_ascii=False, separators=(",", ":")) + "\n").encode()
        for e in events
    )
    before = os.fstat(fd).st_size
    written = os.write(fd, data)
    if written != len(data):  # only when the disk is full: never leave half a line
        os.ftruncate(fd, before)
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    os.fsync(fd)
    return data


def _lock(fd: int, path: Path) -> None:
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        raise LiftkitError(
            f"{path.parent}: this session is running in another terminal",
            "carry on there, or stop it first (q)",
        ) from None


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
