"""Where `export -o` may write (issue 12): never over its own inputs, even with --force, and a
regular file under /dev/ is a file like any other (kept unless --force)."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
HOSTED = DATA / "sessions" / "2026-03-09-135958-hosted-community-event"
CHAT = DATA / "chat" / "zoom-two-line.txt"


@pytest.fixture
def session(tmp_path):
    folder = tmp_path / HOSTED.name
    shutil.copytree(HOSTED, folder)
    return folder


@pytest.fixture
def chat(tmp_path):
    path = tmp_path / "meeting_saved_chat.txt"
    shutil.copyfile(CHAT, path)
    return path


def contents(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


@pytest.mark.parametrize(
    "name",
    ["journal.jsonl", "agenda.toml", "attendees.csv", "attendees.txt", "attendees-from.txt",
     "groups.json", "start-at.txt"],
)  # fmt: skip
def test_force_never_writes_the_pack_over_a_session_file(cli, session, name):
    """Every file that `run`, `resume`, `view` or `export` reads from the folder."""
    if not (session / name).exists():
        (session / name).write_text("kept by the session\n")
    before = contents(session)
    result = cli("export", str(session), "-o", str(session / name), "--force")
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: {session / name}: is a file of the session {session}; writing there would "
        "overwrite it; write to another file\n"
    )
    assert contents(session) == before


def test_force_never_writes_the_pack_over_a_chat_log_it_reads(cli, session, chat):
    before = chat.read_bytes()
    result = cli("export", str(session), "--chat", str(chat), "-o", str(chat), "--force")
    assert result.exit_code == 2
    assert f"is the chat log {chat}; writing there would overwrite it" in result.stderr
    assert chat.read_bytes() == before


def test_a_link_to_an_input_is_the_input(cli, session, chat, tmp_path):
    soft = tmp_path / "pack.md"
    soft.symlink_to(session / "journal.jsonl")
    hard = tmp_path / "pack2.md"
    os.link(chat, hard)
    journal, log = (session / "journal.jsonl").read_bytes(), chat.read_bytes()
    for target, chats in ((soft, []), (hard, ["--chat", str(chat)])):
        result = cli("export", str(session), *chats, "-o", str(target), "--force")
        assert result.exit_code == 2
        assert "writing there would overwrite it" in result.stderr
    assert (session / "journal.jsonl").read_bytes() == journal and chat.read_bytes() == log


def test_force_still_replaces_an_earlier_pack_and_a_new_file_in_the_session_is_fine(
    cli, session, tmp_path
):
    earlier = tmp_path / "pack.md"
    earlier.write_text("last week\n")
    assert cli("export", str(session), "-o", str(earlier), "--force").exit_code == 0
    assert earlier.read_text().startswith("# ")
    inside = session / "event-pack.md"
    assert cli("export", str(session), "-o", str(inside)).exit_code == 0
    assert inside.read_text() == earlier.read_text()


def test_a_pack_written_into_the_session_folder_can_be_written_again(cli, session, chat):
    """An earlier pack in the folder is no part of the session: --force replaces it, where
    the second export was refused as 'a file of the session'."""
    pack = session / "extra.md"
    args = ("export", str(session), "--chat", str(chat), "-o", str(pack), "--force")
    assert cli(*args).exit_code == 0
    pack.write_text("last week's pack\n")
    again = cli(*args)
    assert again.exit_code == 0, again.stderr
    assert again.stderr.startswith(f"Wrote {pack}: ")
    assert pack.read_text().startswith("# ")
    kept = cli("export", str(session), "-o", str(pack))  # without --force, still kept
    assert kept.exit_code == 2
    assert f"{pack}: already exists; choose another path or add --force" in kept.stderr


@pytest.fixture
def shm_file():
    if not os.path.isdir("/dev/shm") or not os.access("/dev/shm", os.W_OK):
        pytest.skip("no writable /dev/shm here")
    path = Path(f"/dev/shm/liftkit-test-{os.getpid()}.md")
    path.write_text("keep me\n")
    yield path
    path.unlink(missing_ok=True)


def test_a_regular_file_under_dev_is_kept_unless_force(cli, session, shm_file):
    refused = cli("export", str(session), "-o", str(shm_file))
    assert refused.exit_code == 2
    assert f"{shm_file}: already exists; choose another path or add --force" in refused.stderr
    assert shm_file.read_text() == "keep me\n"
    forced = cli("export", str(session), "-o", str(shm_file), "--force")
    assert forced.exit_code == 0
    assert shm_file.read_text().startswith("# ")


def test_dev_stdout_redirected_to_a_file_is_written_through(session, tmp_path):
    out = tmp_path / "redirected.md"
    with open(out, "w") as handle:
        result = subprocess.run(
            [sys.executable, "-m", "liftkit", "export", str(session), "-o", "/dev/stdout"],
            stdout=handle,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    assert result.returncode == 0, result.stderr
    assert out.read_text().startswith("# ")


# --------------------------------------------------------------------------- written in pieces
# A big pack is written to its file as it is made (issue 12 point 9: memory), never held whole.


def test_a_pack_written_in_pieces_is_the_same_as_written_whole(cli, tmp_path, monkeypatch):
    from liftkit.core.report import markdown

    args = ("export", str(HOSTED), "--chat", str(CHAT), "--by", "sector")
    whole, pieces = tmp_path / "whole.md", tmp_path / "pieces.md"
    monkeypatch.setattr(markdown, "CHUNK_LINES", 1_000_000)
    assert cli(*args, "-o", str(whole)).exit_code == 0
    monkeypatch.setattr(markdown, "CHUNK_LINES", 3)  # a boundary every 3 lines
    assert cli(*args, "-o", str(pieces)).exit_code == 0
    text = pieces.read_text(encoding="utf-8")
    assert text.count("\n") > 100  # many boundaries between pieces
    assert text.endswith("\n") and not text.endswith("\n\n")  # one line end, as when whole
    assert pieces.read_bytes() == whole.read_bytes()
    assert cli(*args).stdout == text  # what goes to standard output, made whole


def test_an_html_pack_of_a_big_chat_is_never_held_whole(cli, tmp_path):
    """A webinar's chat of thousands of messages: the HTML pack was put together whole, and
    held several times over (the quotes' HTML, the page, its sections, their join, its
    bytes), so a chat of 150,000 messages peaked at 304 MB where the Markdown pack took 70.
    Now it is written as it is made: it takes no more memory than the Markdown pack, bar
    less than the size of the page itself."""
    import tracemalloc

    chat = tmp_path / "chat.txt"
    with open(chat, "w", encoding="utf-8") as out:
        for i in range(5000):
            at = 14 * 3600 + 10 + i * 4000 // 5000  # 14:00:10 to 15:06:50: in the segments
            clock = f"{at // 3600:02d}:{at // 60 % 60:02d}:{at % 60:02d}"
            out.write(f"{clock} From Person {i % 300} to Everyone:\n")
            out.write(f"\tmessage {i}: listening makes space to reflect\n")
    for fmt in ("md", "html"):  # what is imported once is no part of the figure
        assert cli("export", str(HOSTED), "-f", fmt, "-o", str(tmp_path / "warm")).exit_code == 0
        (tmp_path / "warm").unlink()
    peak = {}
    for fmt in ("md", "html"):
        tracemalloc.start()
        try:
            result = cli(
                "export", str(HOSTED), "--chat", str(chat), "-o", str(tmp_path / f"p.{fmt}")
            )
            peak[fmt] = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert result.exit_code == 0, result.stderr
        assert "5006 quotes" in result.stderr
    page = (tmp_path / "p.html").stat().st_size
    assert page > 300_000
    assert peak["html"] - peak["md"] < page, (peak, page)


def test_a_failure_while_the_pieces_come_leaves_the_earlier_file_and_no_other(tmp_path):
    from liftkit.core.files import write_atomic

    out = tmp_path / "pack.md"
    out.write_text("the earlier pack\n")

    def pieces():
        yield "# A new pack\n" * 1000
        raise RuntimeError("the report broke halfway")

    with pytest.raises(RuntimeError):
        write_atomic(out, pieces(), force=True)
    assert out.read_text() == "the earlier pack\n"
    assert [p.name for p in tmp_path.iterdir()] == ["pack.md"]


def test_a_file_made_while_the_pieces_come_is_kept_without_force(tmp_path):
    """Two exports to one path without --force: the later one to finish is refused and the
    pack already there kept, where both said "Wrote" and one silently replaced the other's
    (the check for an existing file comes before the slow work)."""
    from liftkit.core.errors import LiftkitError
    from liftkit.core.files import write_atomic

    out = tmp_path / "race.md"

    def pieces():
        yield "# The big session's pack\n" * 1000
        out.write_text("# The small session's pack\n")  # the other export finishes meanwhile
        yield "## More of the big one\n"

    with pytest.raises(LiftkitError) as refused:
        write_atomic(out, pieces(), force=False)
    assert str(refused.value).startswith(f"{out}: already exists")
    assert "force" in refused.value.hint
    assert out.read_text() == "# The small session's pack\n"
    assert [p.name for p in tmp_path.iterdir()] == ["race.md"]  # no temporary file left
    write_atomic(tmp_path / "new.md", pieces(), force=False)  # a new path is written whole
    assert (tmp_path / "new.md").read_text().count("big one") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.md", "race.md"]


# --------------------------------------------------------------------------- output folders
# liftkit makes no folder for an output: a missing one is named, before any work, and nothing
# is left behind (where `-o new/dir/pack.md` made the folders, and kept them when the write
# then failed).


def tree(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.fixture
def people(tmp_path):
    path = tmp_path / "people.txt"
    path.write_text("Ada Lovelace\nGrace Hopper\nAlan Turing\nKatherine Johnson\n")
    return path


def test_an_output_in_a_missing_folder_is_refused_and_no_folder_is_made(
    cli, session, people, tmp_path
):
    before = tree(tmp_path)
    for args, missing in (
        (("export", str(session), "-o"), tmp_path / "new" / "dir"),
        (("export", str(session), "-f", "html", "-o"), tmp_path / "new" / "dir"),
        (("export", str(session), "--new-narrative"), tmp_path / "new"),
        (("groups", str(people), "--seed", "1", "-o"), tmp_path / "nonexistent" / "dir"),
        (("new",), tmp_path / "new" / "dir"),
    ):
        path = missing / "out.md"
        result = cli(*args, str(path))
        assert result.exit_code == 2, result.stderr
        assert result.stderr == (
            f"Error: {path}: the folder {missing} does not exist; create it first "
            f"(mkdir -p {missing}), or write elsewhere\n"
        )
        assert tree(tmp_path) == before


def test_groups_to_a_folder_is_refused_before_the_split(cli, people, tmp_path):
    """Said at once, where it came after the whole split (and its 'Seed:' line)."""
    result = cli("groups", str(people), "-o", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: {tmp_path}: is a folder; give a file name, e.g. -o groups.csv\n"
    )
    slash = cli("groups", str(people), "-o", f"{tmp_path}/rooms/")
    assert slash.exit_code == 2
    assert slash.stderr.startswith(f"Error: {tmp_path}/rooms/: names a folder, not a file;")
    assert not (tmp_path / "rooms").exists()
