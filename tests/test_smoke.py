import subprocess
import sys


def test_python_m_liftkit_help_lists_every_command():
    out = subprocess.run(
        [sys.executable, "-m", "liftkit", "--help"], capture_output=True, text=True, check=True
    ).stdout
    for command in ("agenda", "new", "run", "resume", "groups", "note", "export"):
        assert command in out


def test_show_gives_clock_times(cli):
    result = cli("agenda", "show", "community-conversation", "--start", "14:00")
    assert result.exit_code == 0
    for clock in ("14:00", "14:05", "14:10", "14:40", "14:55", "15:00"):
        assert clock in result.output
