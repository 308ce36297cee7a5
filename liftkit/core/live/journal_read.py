"""Reading a journal: each whole line into a typed event, or a warning that names the line
(liftkit.core.live.journal writes it)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from liftkit.core.errors import EXIT_FAILURE, LiftkitError
from liftkit.core.live.events import JournalEvent
from liftkit.core.live.records import BadField, parse_record
from liftkit.core.live.unreadable import unreadable


@dataclass
class JournalRead:
    events: list[JournalEvent]
    warnings: list[str] = field(default_factory=list)
    torn_bytes: int = 0  # bytes after the last complete line (a crash mid-write)
    last_seq: int = 0  # the highest `seq` of any line, readable or not


# Beside the journal: each last line a writer cut off (torn by a crash, or a hand fix saved
# without its newline that is not a valid event), appended before it was cut, never lost.
TORN_ASIDE = "journal-torn.txt"


def read_journal(path: Path) -> JournalRead:
    """Read every complete event; a torn last line and unreadable lines become warnings."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise LiftkitError(
            f"{path}: no journal here", "name a session folder made by `liftkit run`"
        ) from None
    except PermissionError:  # a host's umask 077, a co-host reading as another user
        raise unreadable(path, path.parent) from None
    except OSError as exc:
        raise LiftkitError(
            f"{path}: cannot read: {exc.strerror}", "check the disk, then try again", EXIT_FAILURE
        ) from None
    complete, tail = complete_lines(data)
    check_encoding(path, data)
    result = parse_lines(path, complete)
    if whole_tail(tail, result.last_seq):  # only its newline is missing (an editor's save)
        result = parse_lines(path, data + b"\n")
    elif tail.strip():
        result.torn_bytes = len(tail)
        result.warnings.append(torn_warning(path, tail))
        result.last_seq = max(result.last_seq, tail_seq(tail))
    return result


def seq_in(raw: bytes) -> int:
    """The `seq` a line that cannot be read still shows (0 when none): a writer numbers
    after it, so that the line, once fixed by hand, does not repeat a later line's."""
    found = re.search(rb'"seq"\s*:\s*([0-9]{1,15})\b', raw)
    return int(found.group(1)) if found else 0


def hand_edited(tail: bytes) -> bool:
    """Whether a last line without its newline is more than a crash can leave: that is the
    beginning of a line being written, which JSON reads to its very end before it runs out
    (`{"seq":3,"type":"refl`, `…"mono":12.`), never confirmed, its `seq` free to use again.
    A line that goes wrong before its end (`"author":nul,"tags":[]}`) or is whole JSON was
    written otherwise: by hand."""
    for trim in range(4):  # a crash may cut a character in its middle
        try:
            text = tail[: len(tail) - trim].decode("utf-8")
            break
        except UnicodeDecodeError:
            continue
    else:
        return True
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        ran_out = exc.msg.startswith("Unterminated string") or _TOKEN_BEGUN.match(text, exc.pos)
        return not ran_out
    except ValueError:  # a number too long to read
        return True
    return True


# What is left where JSON stopped reading a line that ran out: nothing, or the beginning of
# a `true`, `false`, `null` or a number that was being written.
_TOKEN_BEGUN = re.compile(
    r"(t(r(ue?)?)?|f(a(l(se?)?)?)?|n(u(ll?)?)?|-?[0-9]*(\.[0-9]*)?([eE][-+]?[0-9]*)?)\Z"
)


def tail_seq(tail: bytes) -> int:
    """The `seq` a torn last line keeps for itself (0: none)."""
    return seq_in(tail) if hand_edited(tail) else 0


def torn_warning(path: Path, tail: bytes) -> str:
    """The warning for a last line without its newline that is not a whole event: torn by a
    crash (a prefix of a line being written), or a hand fix saved without its newline."""
    what = (
        "the last line is not a valid event and has no newline (edited by hand?)"
        if hand_edited(tail)
        else "the last line was cut off (a crash while writing?)"
    )
    return (
        f"{path}: {what}: its {len(tail)} bytes are not read; the next `liftkit note` or "
        f"`liftkit resume` moves them to {path.with_name(TORN_ASIDE)} before it writes (to "
        "keep a hand fix: make it a valid line, end it with a newline)"
    )


def check_encoding(path: Path, data: bytes) -> None:
    """Refuse a journal that is not UTF-8 as a whole, rather than skip its lines one by one
    (and write UTF-8 lines into it): a Windows editor re-saved it as UTF-16 ("Unicode") or
    in its own code page ("ANSI"). Only whole lines are checked: a crash may cut the last in
    the middle of a character."""
    complete, _ = complete_lines(data)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in complete:
        what = 'UTF-16 text (saved as "Unicode" by an editor?)'
    else:
        try:
            complete.decode("utf-8")
            return
        except UnicodeDecodeError as exc:
            line = complete.count(b"\n", 0, exc.start) + 1
            what = f'not UTF-8 text from line {line} on (saved as "ANSI" by an editor?)'
    raise LiftkitError(
        f"{path}: the journal is {what}; liftkit reads and writes journals only as UTF-8, "
        "and did not write to it",
        "open it in a text editor and save it again with the encoding UTF-8 (in Notepad: "
        "File > Save as, Encoding: UTF-8)",
    )


def whole_tail(tail: bytes, last_seq: int) -> bool:
    """Whether `tail`, the bytes after the journal's last newline, is a whole event all the
    same, the next after `last_seq` (the highest before it): an editor that saved a hand fix
    without the final newline left it, not a writer that died mid-line. It is kept (a
    writer adds the newline), not cut off with the torn tails."""
    if not tail.strip():
        return False
    try:
        record = json.loads(tail.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return False
    if not isinstance(record, dict) or record.get("seq") != last_seq + 1:
        return False
    try:
        return parse_record(record, "the last line") is not None
    except BadField:
        return False


def complete_lines(data: bytes) -> tuple[bytes, bytes]:
    cut = data.rfind(b"\n") + 1
    return data[:cut], data[cut:]


def parse_lines(path: Path, data: bytes, first_line: int = 1) -> JournalRead:
    """The events of whole lines; a line that is not a valid event is skipped with a warning."""
    records: list[tuple[str, object]] = []
    for number, raw in enumerate(data.split(b"\n"), start=first_line):
        if number == 1 and raw.startswith(BOM):  # an editor's mark at the start of the file
            raw = raw[len(BOM) :]
        if not raw.strip():
            continue
        try:
            records.append((f"{path}:{number}", json.loads(raw.decode("utf-8"))))
        except UnicodeDecodeError:
            records.append((f"{path}:{number}", NotJson("it is not UTF-8 text", raw)))
        except ValueError as exc:
            records.append((f"{path}:{number}", NotJson(_json_problem(exc), raw, BOM in raw)))
    return read_records(records)


BOM = b"\xef\xbb\xbf"  # the UTF-8 byte order mark some editors write


def _json_problem(exc: ValueError) -> str:
    if not isinstance(exc, json.JSONDecodeError):  # a number too long to read
        return f"not valid JSON: {exc}"
    return f"not valid JSON at column {exc.colno}: {exc.msg[:1].lower()}{exc.msg[1:]}"


@dataclass(frozen=True)
class NotJson:
    """A line that is not JSON: why, and what it held (to say which event is left out)."""

    problem: str
    raw: bytes
    bom: bool = False  # a byte order mark in it (an editor's), where JSON cannot have one

    def warning(self, where: str) -> str:
        if self.bom:
            return (
                f"{where}: journal line skipped: it holds a byte order mark (BOM, written by "
                "an editor); remove it"
            )
        kind = re.search(rb'"type"\s*:\s*"([a-z_]{1,40})"', self.raw)
        name = kind.group(1).decode() if kind else ""
        what = {"": "an event", "reflection": "a reflection", "poll": "a poll's counts"}.get(
            name, f"the {name} event"
        )
        return (
            f"{where}: journal line skipped: {self.problem}; {what} is left out of the pack "
            'and the session until the line is fixed in a text editor (a " inside a text is '
            'written \\")'
        )


def read_records(records: Iterable[tuple[str, object]]) -> JournalRead:
    """Typed events from decoded journal lines, each named by where it was read (for the
    warnings); a line that is not a valid event is skipped with a warning."""
    result = JournalRead(events=[])
    seen: dict[int, str] = {}  # each seq read, and the line that has it
    for where, record in records:
        if isinstance(record, NotJson):
            result.warnings.append(record.warning(where))
            result.last_seq = max(result.last_seq, seq_in(record.raw))
            continue
        seq = record.get("seq") if isinstance(record, dict) else None
        if isinstance(seq, int) and not isinstance(seq, bool):
            result.last_seq = max(result.last_seq, seq)
            if seq in seen:  # a line copied by hand: the pack would quote it twice
                result.warnings.append(
                    f"{where}: journal line skipped: its seq {seq} is that of {seen[seq]} "
                    "already (a line copied by hand?); the first is read: remove the line "
                    "that should not be there"
                )
                continue
        try:
            event = parse_record(record, where)
        except BadField as problem:
            kind = record.get("type") if isinstance(record, dict) else None
            what = f"{kind} event" if isinstance(kind, str) else "journal line"
            result.warnings.append(f"{where}: {what} skipped: {problem}")
            continue
        if event is None:
            assert isinstance(record, dict)
            result.warnings.append(f"{where}: unknown event type {record['type']!r} skipped")
            continue
        result.events.append(event)
        if event.seq is not None:
            seen[event.seq] = where
    return result
