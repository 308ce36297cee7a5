"""u after `liftkit resume`: the rooms before the last reshuffle are kept by the journal (its
`groups` events say which reshuffle made them, or which u put back), so a host whose window
closed after a reshuffle can still put it back. Recounted here from the journal's rooms."""

import subprocess

from support.tmux import Tmux
from test_live_terminal import LIFTKIT, journal, quit_run
from test_reshuffle_message import cafe_toml, latest_rooms
from test_run_plain import env, run_plain

SIXTEEN = "name,email\n" + "".join(f"P{i},p{i}@x.org\n" for i in range(16))


def resume_plain(tmp_path, commands):
    return subprocess.run(
        [*LIFTKIT, "resume", "latest", "--sessions", "s", "--plain"], input=commands,
        capture_output=True, text=True, cwd=tmp_path, env=env(), timeout=60,
    )  # fmt: skip


def reshuffled_then_quit(tmp_path):
    """Three breakouts of 16 people at 4 tables, reshuffled in the first, then quit: the
    rooms as the session opened and as the reshuffle left them."""
    (tmp_path / "people.csv").write_text(SIXTEEN)
    proc = run_plain(tmp_path, cafe_toml(3, 4), "g\ny\nq\ny\n", "--attendees", "people.csv")
    assert proc.returncode == 0, proc.stderr
    assert "Groups reshuffled" in proc.stdout
    made = [e for e in journal(tmp_path) if e["type"] == "groups"]
    opened = latest_rooms(made[:3])
    assert latest_rooms(made) != opened
    return opened, latest_rooms(made)


def test_a_reshuffle_is_put_back_after_a_resume_once(tmp_path):
    opened, _ = reshuffled_then_quit(tmp_path)
    resumed = resume_plain(tmp_path, "undo\ny\nq\ny\n")
    assert resumed.returncode == 0, resumed.stderr
    assert "Rooms put back as they were before the reshuffle." in resumed.stdout
    assert latest_rooms(journal(tmp_path)) == opened
    causes = [(e.get("cause"), e.get("reshuffle"), e.get("round"))
              for e in journal(tmp_path) if e["type"] == "groups"]  # fmt: skip
    assert causes[:3] == [(None, None, None)] * 3  # as the session opened
    assert set(causes[3:]) == {("reshuffle", 1, 1), ("undo", 1, None)}
    # one step: put back, it is gone, after another resume as well
    again = resume_plain(tmp_path, "undo\nq\ny\n")
    assert "Nothing to put back: u undoes the last reshuffle" in again.stdout
    assert latest_rooms(journal(tmp_path)) == opened


def test_after_a_resume_undo_is_still_only_in_the_segment_reshuffled(tmp_path):
    _, reshuffled = reshuffled_then_quit(tmp_path)
    resumed = resume_plain(tmp_path, "n\nundo\nq\ny\n")
    assert "the last reshuffle was in another segment" in resumed.stdout
    assert latest_rooms(journal(tmp_path)) == reshuffled


def test_a_second_reshuffle_is_the_one_put_back(tmp_path):
    _, first = reshuffled_then_quit(tmp_path)
    resumed = resume_plain(tmp_path, "g\ny\nq\ny\n")
    assert "Groups reshuffled" in resumed.stdout
    second = latest_rooms(journal(tmp_path))
    assert second != first
    undone = resume_plain(tmp_path, "undo\ny\nq\ny\n")
    assert "Rooms put back as they were before the reshuffle." in undone.stdout
    assert latest_rooms(journal(tmp_path)) == first


def test_the_legend_offers_u_after_a_resume_and_u_puts_the_rooms_back(tmp_path):
    (tmp_path / "a.toml").write_text(cafe_toml(2, 4, "30m"))
    (tmp_path / "people.csv").write_text(SIXTEEN)
    term = Tmux(100, 30, cwd=str(tmp_path))
    try:
        term.run([*LIFTKIT, "run", "a.toml", "--sessions", "s", "--attendees", "people.csv"])
        term.wait_for("running")
        opened = latest_rooms(journal(tmp_path))
        term.keys("g")
        term.wait_for("Room 1 (")
        term.keys("s")
        term.wait_for("Reshuffle the breakout groups?")
        term.keys("y")
        term.wait_for("u  undo")
        assert latest_rooms(journal(tmp_path)) != opened
        quit_run(term)
        term.run([*LIFTKIT, "resume", "latest", "--sessions", "s"])
        term.wait_for("running")
        term.keys("g")
        term.wait_for("u  undo")
        term.keys("u")
        term.wait_for("Put back the rooms as they were before the reshuffle?")
        term.keys("y")
        term.wait_for("Rooms put back as they were before the reshuffle.")
        assert "u  undo" not in term.screen()
        quit_run(term)
    finally:
        term.close()
    assert latest_rooms(journal(tmp_path)) == opened
