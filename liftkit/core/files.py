"""Writing files so that a reader never sees half of one."""

from __future__ import annotations

import contextlib
import errno
import os
import shlex
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from liftkit.core.errors import EXIT_FAILURE, LiftkitError
from liftkit.core.typed import utf_8

# Links to a stream this process holds open (they may lead to a redirected file, which must be
# written through, not replaced).
_OPEN_STREAMS = ("/dev/stdout", "/dev/stderr", "/dev/fd/", "/proc/")


def is_stream(path: Path) -> bool:
    """A path to write into, never to replace: a device, a pipe or a socket, and the
    /dev/stdout, /dev/fd/N and /proc/self/fd/N links to open streams.

    A regular file under /dev/ (/dev/shm/pack.md) is a file like any other: replacing it
    needs --force, and it is replaced whole.
    """
    absolute = os.path.abspath(path)
    if absolute in _OPEN_STREAMS[:2] or absolute.startswith(_OPEN_STREAMS[2:]):
        return True
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False  # nothing there yet (or a dangling link): a new file
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def replaces_a_file(path: Path | str) -> bool:
    """Whether writing to `path` would replace a file that is already there."""
    target = Path(path)
    return target.is_file() and not is_stream(target)


def refuse_to_overwrite_inputs(target: Path, inputs: Iterable[tuple[str, Path]]) -> None:
    """An output must never replace what the command reads, even when replacing is allowed:
    `target` naming one of the `inputs` (what it is, where), or a link to it, is refused."""
    if not target.is_file():
        return  # a new file, or a device: nothing of the inputs can be lost
    for what, source in inputs:
        try:
            same = os.path.samefile(target, source)
        except OSError:
            continue  # an input that is not there is reported where it is read
        if same:
            raise LiftkitError(
                f"{target}: is {what}; writing there would overwrite it",
                "write to another file",
            )


def check_output(path: Path | str, example: str = "") -> None:
    """Refuse an output path that cannot become a file, before any work is done for it: a
    folder (`example` is a file name to suggest), or a file in a folder that does not exist
    or is a file. No folder is ever made for an output: a mistyped path would leave new
    folders behind, and empty ones when the write then failed."""
    target = Path(path)
    if is_stream(target):
        return
    if target.is_dir() or str(path).endswith(("/", os.sep)):
        raise LiftkitError(
            f"{path}: is a folder" if target.is_dir() else f"{path}: names a folder, not a file",
            f"give a file name, e.g. {example}" if example else "give a file name",
        )
    folder = target.parent
    for parent in (folder, *folder.parents):
        if parent.exists():
            if not parent.is_dir():
                raise LiftkitError(f"{parent}: is a file, not a folder", "choose another path")
            break
    if not folder.is_dir():
        # a leading ~ that no shell expanded is not the home folder: a folder named ~ made
        # here on our word would be one `rm -rf ~` away from the home folder's end
        first = folder.parts[0] if folder.parts else ""
        if first.startswith("~"):
            raise LiftkitError(
                f"{path}: the folder {folder} does not exist ({first} is a folder named "
                f"{first} here, not your home folder)",
                "give the full path",
            )
        raise LiftkitError(
            f"{path}: the folder {folder} does not exist",
            f"create it first (mkdir -p {shlex.quote(str(folder))}), or write elsewhere",
        )


def write_atomic(
    path: Path | str, data: str | bytes | Iterable[str], *, force: bool = True
) -> None:
    """Write a file through a temporary file in the same folder and a rename.

    With force=False an existing file is kept and an error says how to replace it. A device
    or a pipe (/dev/null, /dev/stdout, a FIFO) is written into, since renaming over it would
    replace it with a plain file; a symbolic link to a file keeps its link and the file it
    leads to is replaced. `data` may come in pieces of text (written as they come, so that a
    big file is never held whole); a failure while they come leaves nothing written.
    """
    target = Path(path)
    payload = utf_8(data) if isinstance(data, str) else data
    check_output(target)
    if is_stream(target):
        try:
            with open(target, "wb") as stream:
                _write(stream, payload)
        except OSError as exc:
            raise write_failed(target, exc, "part of it may have been written") from None
        return
    if not force and target.exists():
        raise LiftkitError(f"{target}: already exists", "choose another path or add `force`")
    if target.is_symlink():
        target = Path(os.path.realpath(target))
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise write_failed(target, exc, _kept(target)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            _write(handle, payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        if force:
            os.replace(tmp, target)
        else:
            _put_new(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):  # never leave half a file behind
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise write_failed(target, exc, _kept(target)) from None
        raise


# What os.link says where a file system has no hard links (FAT, some network drives).
_NO_HARD_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV}


def _put_new(tmp: str, target: Path) -> None:
    """Put the written file `tmp` at `target` only if nothing is there yet.

    The check before the work leaves a gap: another writer (a second export to the same
    path) may create the file meanwhile, and a rename would silently replace it. A hard link
    fails when the path exists, so the later writer is refused instead. Where hard links are
    not supported, the file is renamed into place as before: a file made in that gap is
    replaced.
    """
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise LiftkitError(
            f"{target}: already exists", "choose another path or add `force`"
        ) from None
    except OSError as exc:
        if exc.errno not in _NO_HARD_LINKS:
            raise
        os.replace(tmp, target)
        return
    with contextlib.suppress(OSError):  # the file is in place; a stray name is harmless
        os.unlink(tmp)


def _write(handle: BinaryIO, data: bytes | Iterable[str]) -> None:
    if isinstance(data, bytes):
        handle.write(data)
        return
    for piece in data:
        handle.write(utf_8(piece))  # a name not in UTF-8 shown as \xe9


def _kept(target: Path) -> str:
    if target.exists():
        return "nothing was written; the file already there is unchanged"
    return "nothing was written"


DISK_FIX = "check the disk, or reconnect the network drive it is on"
# What an error from writing means to a host, and what they can do about it.
_TROUBLE = {
    errno.ENOSPC: ("the disk is full", "free some space, or write to another disk"),
    errno.EDQUOT: ("your disk quota is used up", "free some space, or write to another disk"),
    errno.EROFS: ("the disk is read-only", "write to another folder"),
    errno.EACCES: ("permission denied", "check the folder's permissions, or write elsewhere"),
    errno.EPERM: ("permission denied", "check the folder's permissions, or write elsewhere"),
    # a failing disk, or a network drive (sshfs, NFS) that dropped for a moment
    errno.EIO: ("the disk could not be read or written (input/output error)", DISK_FIX),
    errno.ESTALE: ("the network drive lost track of it (stale file handle)", DISK_FIX),
    errno.ENOTCONN: ("the network drive is disconnected", DISK_FIX),
}


def trouble(exc: OSError) -> str:
    """Why a write failed, in a host's words ("the disk is full"), else in the system's."""
    return _TROUBLE.get(exc.errno or 0, (exc.strerror or str(exc), ""))[0]


def write_failed(path: Path | str, exc: OSError, kept: str) -> LiftkitError:
    """One line for a write that failed: where, why in a host's words, what was kept, the fix.

    `kept` says what is still there ("nothing was written; the file already there is
    unchanged"), so that a host knows whether anything was lost.
    """
    fix = _TROUBLE.get(exc.errno or 0, ("", "check the folder exists and is writable"))[1]
    return LiftkitError(f"{path}: cannot write: {trouble(exc)}; {kept}", fix, EXIT_FAILURE)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def read_input(path: Path | str, what: str, hint: str, folder_hint: str = "") -> bytes:
    """The bytes of a file the user named, or one error line that says what to do.

    `what` names the kind of file with its article ("an attendee list", "a chat log");
    `hint` is the fix offered when it is missing, `folder_hint` when it is a folder.
    """
    target = Path(path)
    try:
        return target.read_bytes()
    except FileNotFoundError:
        if str(path) == "-":  # where standard input is not read ("-: no such file")
            raise LiftkitError(
                f"-: {what} cannot come from standard input here", "give its file name"
            ) from None
        raise LiftkitError(f"{target}: no such file", hint) from None
    except IsADirectoryError:
        raise LiftkitError(
            f"{target}: is a folder, not {what}", folder_hint or "give the file inside it"
        ) from None
    except OSError as exc:
        raise LiftkitError(
            f"{target}: cannot read: {exc.strerror}", "check its permissions"
        ) from None
