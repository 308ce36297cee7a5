"""A pack exported while `liftkit run` still has the session: the pack itself says so."""

import json

from test_run_plain import OPEN_ENDED, start_plain, wait_for_event

CLOSE = '[[segments]]\ntitle = "Close"\nduration = "5m"\n'


def test_a_pack_made_while_the_session_runs_says_so_in_itself(tmp_path, cli):
    """Only standard error said 'still running: the pack is of it so far'; the Markdown read
    'Time: 08:38 to 08:39' and 'This segment was not run.' for segments still to come, and
    the JSON had no flag. Now the pack says it was written while the session ran, a JSON
    `running` says so, and segments to come have 'not run yet'."""
    proc = start_plain(tmp_path, OPEN_ENDED + CLOSE)
    try:
        wait_for_event(tmp_path / "s", "segment_start")
        folder = next((tmp_path / "s").glob("*/"))
        md = cli("export", str(folder), "-o", str(tmp_path / "pack.md"))
        assert md.exit_code == 0, md.output
        as_json = cli("export", str(folder), "--format", "json")
        html = cli("export", str(folder), "--format", "html")
    finally:
        proc.kill()
        proc.communicate()
    pack = (tmp_path / "pack.md").read_text()
    lines = pack.splitlines()
    assert lines[2] == (
        "*Written while the session was still running: this is the pack of it so far, its "
        "end time the time the pack was made.*"
    )
    assert "This segment has not run yet." in pack and "was not run" not in pack
    assert "| 2 | Close |" in pack and "not run yet" in pack.split("| 2 | Close |")[1]
    assert json.loads(as_json.stdout)["running"] is True
    assert "Written while the session was still running" in html.stdout
    stopped = cli("export", str(folder), "--format", "json")  # killed: no longer running
    assert json.loads(stopped.stdout)["running"] is False
