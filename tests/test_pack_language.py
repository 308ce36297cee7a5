"""An agenda's `language` (a BCP 47 tag) is the HTML pack's `lang`, so that a screen reader
reads a Welsh, French or Gaelic pack in its own language; a malformed tag is one line."""

import shutil
import sys
from html.parser import HTMLParser
from pathlib import Path
from subprocess import run

import pytest

HOSTED = Path(__file__).parent / "data" / "sessions" / "2026-03-09-135958-hosted-community-event"
LIFTKIT = [sys.executable, "-m", "liftkit"]


def liftkit(*args, cwd):
    return run([*LIFTKIT, *args], capture_output=True, text=True, cwd=cwd)


class Lang(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.lang: list[str | None] = []

    def handle_starttag(self, tag, attrs):
        if tag == "html":
            self.lang.append(dict(attrs).get("lang"))


def html_lang(page: str) -> list[str | None]:
    parser = Lang()
    parser.feed(page)
    return parser.lang


def session_in(tmp_path: Path, language_line: str) -> Path:
    """The hosted session, its agenda given `language_line` at the top."""
    folder = tmp_path / HOSTED.name
    shutil.copytree(HOSTED, folder)
    agenda = folder / "agenda.toml"
    text = agenda.read_text(encoding="utf-8")
    at = text.index("\ntitle") + 1
    agenda.write_text(text[:at] + language_line + "\n" + text[at:], encoding="utf-8")
    return folder


@pytest.mark.parametrize(("line", "lang"), [("", "en"), ('language = "cy"', "cy")])
def test_the_html_pack_is_in_the_agendas_language(tmp_path, line, lang):
    """Every pack said <html lang="en">: a Welsh pack was read with English pronunciation."""
    folder = session_in(tmp_path, line)
    done = liftkit("export", str(folder), "--format", "html", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert html_lang(done.stdout) == [lang]


def test_a_malformed_language_is_one_line_naming_the_file_and_line(tmp_path):
    (tmp_path / "a.toml").write_text(
        'title = "Sgwrs"\nlanguage = "Welsh language"\n[[segments]]\ntitle = "A"\nduration = "5m"\n'
    )
    done = liftkit("agenda", "check", "a.toml", cwd=tmp_path)
    assert done.returncode != 0 and "Traceback" not in done.stderr
    (line,) = [ln for ln in done.stderr.splitlines() if "language" in ln]
    assert line.startswith('Error: a.toml:2: "language": "Welsh language" is not a language tag')
    assert '"cy"' in line


@pytest.mark.parametrize("tag", ["cy", "gd-GB", "fr-CA", "zh-Hant-TW", "sl-rozaj"])
def test_a_language_is_checked_and_kept_by_liftkit_new(tmp_path, tag):
    (tmp_path / "a.toml").write_text(
        f'title = "Sgwrs"\nlanguage = "{tag}"\n[[segments]]\ntitle = "A"\nduration = "5m"\n'
    )
    checked = liftkit("agenda", "check", "a.toml", cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr
    made = liftkit("new", "b.toml", "--from", "a.toml", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    assert f'language = "{tag}"' in (tmp_path / "b.toml").read_text().splitlines()
    again = liftkit("agenda", "check", "b.toml", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
