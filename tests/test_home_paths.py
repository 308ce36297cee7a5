"""Paths liftkit reads and makes. A `~` the shell left as it is (quoted in `export
LIFTKIT_SESSIONS="~/liftkit"`, or after `=` in `--output=~/pack.md`) is the home folder, as
it would be typed unquoted: liftkit made a folder named ~ in the current one, and advised
`mkdir -p '~'`. A session folder's name keeps the letters of an accented title, and spells
the Latin letters that are not a letter and an accent (`Straße Œuvre` made stra-e-uvre,
`Łódź` odz)."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
HOSTED = DATA / "sessions" / "2026-03-09-135958-hosted-community-event"
LIFTKIT = [sys.executable, "-m", "liftkit"]


@pytest.fixture
def home(tmp_path):
    (tmp_path / "home").mkdir()
    (tmp_path / "here").mkdir()
    return tmp_path / "home"


def liftkit(home: Path, *args: str, sessions: str | None = None, stdin: str = ""):
    env = {**os.environ, "HOME": str(home)}
    env.pop("LIFTKIT_SESSIONS", None)
    if sessions is not None:
        env["LIFTKIT_SESSIONS"] = sessions
    return subprocess.run(
        [*LIFTKIT, *args], cwd=home.parent / "here", env=env, input=stdin,
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip


def no_tilde_folder(home: Path) -> bool:
    return not any(path.name == "~" for path in home.parent.rglob("*"))


def test_liftkit_sessions_with_a_quoted_tilde_is_in_the_home_folder(home):
    result = liftkit(home, "run", "1-2-4-all", "--plain", sessions="~/liftkit", stdin="q\ny\n")
    assert result.returncode == 0, result.stderr
    (folder,) = (home / "liftkit").iterdir()
    assert (folder / "journal.jsonl").is_file()
    assert f"session folder: {folder}" in result.stdout
    assert "~" not in result.stdout + result.stderr
    assert no_tilde_folder(home)
    # and `latest` finds it there
    again = liftkit(home, "export", "latest", sessions="~/liftkit")
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith("# 1-2-4-All\n")


@pytest.mark.parametrize(
    "option",
    ["--output=~/pack.md", "-o~/pack.md"],
)
def test_an_output_after_equals_is_written_in_the_home_folder(home, option):
    result = liftkit(home, "export", str(HOSTED), option)
    assert result.returncode == 0, result.stderr
    assert (home / "pack.md").read_text(encoding="utf-8").startswith("# Hosted community")
    assert f"Wrote {home / 'pack.md'}" in result.stderr
    assert no_tilde_folder(home)


def test_sessions_chat_and_narrative_options_read_from_the_home_folder(home):
    shutil.copytree(HOSTED, home / "y" / HOSTED.name)
    shutil.copy(DATA / "chat" / "zoom-two-line.txt", home / "chat.txt")
    (home / "words.md").write_text("## Opening\n\nWe met at home.\n", encoding="utf-8")
    result = liftkit(
        home, "export", "latest", "--sessions=~/y", "--chat=~/chat.txt", "--narrative", "~/words.md"
    )
    assert result.returncode == 0, result.stderr
    assert "We met at home." in result.stdout
    assert "Dundee" in result.stdout  # a message of the chat log


def test_an_output_in_a_missing_tilde_folder_never_advises_making_it(home):
    # ~nosuchuser is no one's home: it stays as typed, and no `mkdir -p '~…'` is offered
    result = liftkit(home, "export", str(HOSTED), "-o", "~nosuchuser-liftkit/pack.md")
    assert result.returncode == 2
    assert "mkdir" not in result.stderr
    assert "is a folder named ~nosuchuser-liftkit here, not your home folder" in result.stderr


def test_a_session_folder_keeps_the_letters_of_an_accented_title(home):
    # `Café Día` made a folder ending in caf-d-a
    agenda = home / "Café Día.toml"
    agenda.write_text('title = "Café Día"\n[[segments]]\ntitle = "Talk"\nduration = "5m"\n')
    result = liftkit(home, "run", str(agenda), "--plain", "--sessions", str(home / "s"),
                     stdin="q\ny\n")  # fmt: skip
    assert result.returncode == 0, result.stderr
    (folder,) = (home / "s").iterdir()
    assert folder.name.endswith("-cafe-dia"), folder.name


@pytest.mark.parametrize(
    ("title", "ending"),
    [("Straße Œuvre", "-strasse-oeuvre"), ("Łódź", "-lodz"), ("Køge møde", "-koge-mode"),
     ("Æblegrød", "-aeblegrod"), ("Þórsdóttir Đurić Işık", "-thorsdottir-duric-isik")],
)  # fmt: skip
def test_a_session_folder_spells_the_latin_letters_that_have_no_accent_to_strip(
    home, title, ending
):
    agenda = home / f"{title}.toml"
    agenda.write_text(f'title = "{title}"\n[[segments]]\ntitle = "Talk"\nduration = "5m"\n')
    result = liftkit(home, "run", str(agenda), "--plain", "--sessions", str(home / "s"),
                     stdin="q\ny\n")  # fmt: skip
    assert result.returncode == 0, result.stderr
    (folder,) = (home / "s").iterdir()
    assert folder.name.endswith(ending), folder.name
