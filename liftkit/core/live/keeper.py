"""Keeping the session folder on disk while a session runs.

A cloud-sync tool, a host tidying folders or an `rm -rf` may delete or move the session
folder (or delete or replace its journal) in the middle of a call. The running session then
still holds the old journal open: every line written to it would be lost when liftkit stops,
and `resume` and `export` could not find the session. So the session checks, before each
write and at least each second, that the journal on disk is the file it writes
(`Journal.whereabouts`), and if not writes the folder again: the journal byte for byte as
written so far (`Journal.write_again`) and the session's other files as last seen here. A
journal emptied or cut short in place (`: > journal.jsonl`, a sync tool) is the same file,
shorter than what was written, and one written over in place with a longer file (`cat
older-copy > journal.jsonl`) no longer holds the last lines written where they were: either
is written again from the copy the journal keeps.
"""

from __future__ import annotations

import os
from pathlib import Path

from liftkit.core.errors import EXIT_FAILURE, LiftkitError
from liftkit.core.files import write_atomic, write_failed
from liftkit.core.live.folders import SESSION_FILES
from liftkit.core.live.journal import JOURNAL_NAME, Journal
from liftkit.core.live.refused import session_fix

ASIDE = "journal-replaced.jsonl"  # a file put in the journal's place, kept rather than lost
HELD = "liftkit holds everything captured so far"  # while it cannot write the folder again

# What became of the journal (`Journal.whereabouts`), in a host's words.
_WHAT = {
    "folder deleted": "The session folder was deleted",
    "folder moved": "The session folder was moved or renamed (liftkit cannot know where)",
    "deleted": "The journal was deleted",
    "moved": "The journal was moved or renamed (liftkit cannot know where)",
    "replaced": f"The journal was replaced by another file (kept as {ASIDE})",
    "cut": "The journal was emptied or cut short by another program",
    "written over": "The journal was written over by another program",
}


class CannotWriteBack(LiftkitError):
    """The session folder is gone and cannot be written again (permissions, a full disk):
    the session tries again each second."""


class Keeper:
    """The session's files besides the journal, as last seen, to write back when gone."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._seen: dict[str, tuple[tuple[int, int, int], bytes]] = {}
        # joined once: look() runs before every write (a resume writes many at once)
        self._paths = [(name, folder / name) for name in SESSION_FILES if name != JOURNAL_NAME]

    def look(self) -> None:
        """Note each session file that changed since last seen (a `stat` each, when not)."""
        for name, path in self._paths:
            try:
                st = os.stat(path)
                key = (st.st_ino, st.st_size, st.st_mtime_ns)
                if name not in self._seen or self._seen[name][0] != key:
                    self._seen[name] = (key, path.read_bytes())
            except OSError:
                continue  # not there (or not now): what was seen is kept

    def keep(self, journal: Journal) -> str:
        """Write the folder again when the journal on disk is no longer the one written;
        return what the host should be told then (else "")."""
        what = journal.whereabouts()
        if what is None:
            self.look()
            return ""
        in_place = what in ("deleted", "replaced", "cut", "written over")  # the folder is there
        where = self.folder / JOURNAL_NAME if in_place else self.folder
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            for name, (_, data) in self._seen.items():
                if not (self.folder / name).exists():
                    write_atomic(self.folder / name, data)
            aside = self.folder / ASIDE if what in ("replaced", "cut", "written over") else None
            put_aside = journal.write_again(aside, cut=what in ("cut", "written over"))
        except OSError as exc:  # in the words of any other write that failed (files.py)
            in_the_way = _file_in_the_way(self.folder)
            if in_the_way is not None:  # `touch` where the folder was: no permission fixes it
                raise CannotWriteBack(
                    f"{_WHAT[what]} and liftkit cannot write it again: {in_the_way}: a file "
                    f"is in the way, where a folder was; {HELD}",
                    "move that file elsewhere (or rename it)",
                    EXIT_FAILURE,
                ) from None
            failed = write_failed(exc.filename or self.folder, exc, HELD)
            raise _cannot(what, failed, exc.errno) from None
        except LiftkitError as error:  # a file of the folder (write_atomic): in those words
            raise _cannot(what, error, None) from None
        self.look()
        back = "where it was, " if "moved" in what else ""
        said = _WHAT[what]
        if put_aside and what == "cut":
            said += f", and other lines written in it (kept as {ASIDE})"
        elif put_aside and what == "written over":
            said += f" (kept as {ASIDE})"
        return f"{said}; liftkit wrote it again {back}with everything captured: {where}"


def _file_in_the_way(folder: Path) -> Path | None:
    """The file (not a folder) at `folder` or at a folder it is in, if any."""
    for path in (folder, *folder.parents):
        if path.exists() and not path.is_dir():
            return path
    return None


def _cannot(what: str, error: LiftkitError, code: int | None) -> CannotWriteBack:
    """The folder cannot be written again, for the reason `error` gives (errno `code`)."""
    message = f"{_WHAT[what]} and liftkit cannot write it again: {error.message}"
    return CannotWriteBack(message, session_fix(code), EXIT_FAILURE)
