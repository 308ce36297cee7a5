"""`SESSIONS/latest` given as the session: the error says how to ask for the newest session
in that folder."""

import pytest


@pytest.mark.parametrize("command", ["export", "note", "view", "resume"])
def test_latest_under_a_folder_is_hinted_as_latest_with_sessions(cli, tmp_path, monkeypatch,
                                                                 command):  # fmt: skip
    monkeypatch.chdir(tmp_path)
    (tmp_path / "s2").mkdir()
    args = [command, "s2/latest", *(["a reflection"] if command == "note" else [])]
    result = cli(*args)
    assert result.exit_code == 2, result.output
    assert result.stderr.strip() == (
        "Error: s2/latest: no such session folder; for the newest session in s2, give "
        "latest --sessions s2"
    )
    # a folder that is not there either: the usual hint
    result = cli(command, "nowhere/latest", *args[2:])
    assert result.stderr.strip().endswith("name a folder made by `liftkit run`, or latest")
