"""Nothing liftkit prints from a file can drive the host's terminal (issue 12): escape
sequences (ESC, C1 controls) and bidi overrides in agendas, chat logs, attendee lists and
journals are shown escaped by every command that prints them."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from liftkit.core.errors import quoted
from liftkit.core.text import terminal_safe

DATA = Path(__file__).parent / "data"
HOSTED = DATA / "sessions" / "2026-03-09-135958-hosted-community-event"

CLEAR = "\x1b[2J"  # clear the screen
CLIPBOARD = "\x1b]52;c;cm0gLXJmIH4=\x07"  # OSC 52: write to the clipboard
CSI_8BIT = "\x9b31m"  # C1 CSI: colour on terminals that read 8-bit controls
RLO = "\u202e"  # right-to-left override: the rest reads backwards
HOSTILE = (CLEAR, CLIPBOARD, CSI_8BIT, RLO)


def toml_escaped(text: str) -> str:
    """As an agenda holds them: TOML allows no raw control characters, only \\u escapes."""
    return "".join(f"\\u{ord(c):04x}" if c in "\x1b\x07\x9b\u202e" else c for c in text)


AGENDA = toml_escaped(f"""
title = "Call{CLEAR}"
description = "About{CLIPBOARD}"
[[segments]]
title = "Welcome{CSI_8BIT}"
duration = "5m"
prompt = "Say hi{RLO}"
[[segments]]
title = "Talk{CLIPBOARD}"
duration = "10m"
""")


def assert_safe(text: str) -> None:
    for raw in ("\x1b", "\x9b", "\x07", RLO):
        assert raw not in text, repr(text)


def test_terminal_safe_escapes_what_a_terminal_would_obey_and_keeps_the_rest():
    assert terminal_safe(f"a{CLEAR}b") == "a\\x1b[2Jb"
    assert terminal_safe(CLIPBOARD) == "\\x1b]52;c;cm0gLXJmIH4=\\x07"
    assert terminal_safe(CSI_8BIT) == "\\x9b31m"
    assert terminal_safe(f"{RLO}txt.exe") == "\\u202etxt.exe"
    assert terminal_safe("over\rwrite\x7f") == "over\\x0dwrite\\x7f"
    kept = "Zoë 李 \u200fשלום\u200e\tcolumn\nnext line 👍"  # marks RTL names need stay
    assert terminal_safe(kept) == kept


def test_quoted_text_in_messages_escapes_bidi_overrides_too():
    assert quoted(f"{RLO}gpj.exe") == '"\\u202egpj.exe"'
    assert quoted(CLEAR) == '"\\u001b[2J"'


@pytest.fixture
def agenda(tmp_path):
    path = tmp_path / "hostile.toml"
    path.write_text(AGENDA)
    return path


@pytest.mark.parametrize(
    "args",
    [("agenda", "check"), ("agenda", "show"), ("agenda", "show", "--json")],
    ids=" ".join,
)
def test_agenda_commands_show_hostile_titles_escaped(cli, agenda, args):
    result = cli(*args, str(agenda))
    assert result.exit_code == 0, result.stderr
    assert_safe(result.stdout + result.stderr)
    assert "Call\\x1b[2J" in result.stdout or "Call\\u001b[2J" in result.stdout


def test_agenda_show_json_still_reads_back_as_the_same_text(cli, agenda):
    payload = json.loads(cli("agenda", "show", "--json", str(agenda)).stdout)
    assert payload["title"] == f"Call{CLEAR}"
    assert payload["segments"][0]["title"] == f"Welcome{CSI_8BIT}"


def test_a_problem_in_a_hostile_agenda_is_escaped(cli, tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text(AGENDA.replace('duration = "10m"', 'duration = "\\u001b[2J"'))
    result = cli("agenda", "check", str(path))
    assert result.exit_code == 2
    assert_safe(result.stderr)
    assert '"duration": cannot read "\\u001b[2J" as a duration' in result.stderr


def test_new_from_a_hostile_agenda_says_its_title_escaped(cli, agenda, tmp_path):
    result = cli("new", str(tmp_path / "copy.toml"), "--from", str(agenda))
    assert result.exit_code == 0, result.stderr
    assert_safe(result.stdout + result.stderr)


def test_a_chat_line_that_fits_no_layout_is_echoed_escaped(cli, tmp_path):
    chat = tmp_path / "meeting_saved_chat.txt"
    chat.write_text(
        "14:10:01 From Ada Lovelace to Everyone:\n\thello\n"
        f"{CLIPBOARD}not a chat line{CLEAR}\n"
        f"14:11:00 From Grace{RLO} Hopper to Everyone:\n\tbye{CSI_8BIT}\n"
    )
    result = cli("export", str(HOSTED), "--chat", str(chat), "-o", str(tmp_path / "pack.md"))
    assert result.exit_code == 0, result.stderr
    assert_safe(result.stdout + result.stderr)


def test_groups_table_notes_and_warnings_are_escaped(cli, tmp_path):
    people = tmp_path / "people.csv"
    # A list with more than 1% control characters is refused as binary: pad it.
    names = [f"Eve{CLEAR}", f"Eve{CSI_8BIT}", f"Mallory{RLO}", f"Trudy{CLIPBOARD}"]
    names += [f"Person {i}" for i in range(60)]
    rows = ["name,email", *[f"{n},{i}@example.org" for i, n in enumerate(names)]]
    rows.append(f"Eve{CSI_8BIT},dup@example.org")  # a duplicate: warned about, by name
    people.write_text("\n".join(rows) + "\n")
    for fmt in ("table", "md", "zoom"):
        result = cli("groups", str(people), "--size", "8", "--seed", "3", "--format", fmt)
        assert result.exit_code == 0, result.stderr
        assert_safe(result.stderr)
        if fmt == "table":
            assert_safe(result.stdout)
            assert "Mallory\\u202e" in result.stdout


def test_note_says_a_hostile_segment_title_escaped(cli, tmp_path):
    folder = tmp_path / HOSTED.name
    shutil.copytree(HOSTED, folder)
    agenda = folder / "agenda.toml"
    hostile = agenda.read_text().replace('title = "', f'title = "{toml_escaped(CLEAR)}', 2)
    agenda.write_text(hostile)
    # the journal says the segment ran under that title, as it would have
    journal = folder / "journal.jsonl"
    ran = json.dumps({"title": f"{CLEAR}Welcome and introductions"}, separators=(",", ":"))
    journal.write_text(
        journal.read_text().replace('"title":"Welcome and introductions"', ran[1:-1])
    )
    result = cli("note", str(folder), "Ada: a thought", "--segment", "1")
    assert result.exit_code == 0, result.stderr
    assert_safe(result.stdout + result.stderr)


def test_run_plain_prints_hostile_titles_and_prompts_escaped(agenda, tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "liftkit", "run", str(agenda), "--plain", "--sessions",
         str(tmp_path / "s")],
        input="r Ada: hi\x1b[2J there\nq\ny\n",
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert "Welcome\\x9b31m" in result.stdout, result.stdout + result.stderr
    assert_safe(result.stdout + result.stderr)


@given(st.text())
def test_terminal_safe_text_holds_nothing_a_terminal_obeys_and_safe_text_is_kept(text):
    shown = terminal_safe(text)
    assert not any(c in shown for c in "\x1b\x07\x9b\x0d\x00\u202e\u2066")

    def obeyed(c: str) -> bool:
        code = ord(c)
        return (
            (code < 32 and c not in "\t\n")
            or 0x7F <= code <= 0x9F
            or 0x202A <= code <= 0x202E
            or 0x2066 <= code <= 0x2069
        )

    if not any(obeyed(c) for c in text):
        assert shown == text
    else:
        assert len(shown) > len(text)  # shown escaped, never dropped


def test_the_full_screen_view_renders_hostile_text_escaped():
    import io
    from datetime import datetime

    from rich.console import Console

    from liftkit.cli.live.frame import Frame
    from liftkit.cli.live.fullscreen import safe_screen
    from liftkit.core.agenda.model import parse_agenda
    from liftkit.core.live.controls import Ui
    from liftkit.core.live.engine import Engine
    from liftkit.core.live.screen import GroupsSummary, build_screen

    agenda = parse_agenda(AGENDA)
    engine = Engine(agenda)
    for event in engine.start(0.0):
        engine.apply(event)
    screen = build_screen(
        engine.view(1.0),
        Ui(),
        title=agenda.title,
        now_wall=datetime(2026, 1, 1, 10, 0),
        session_start_wall=datetime(2026, 1, 1, 10, 0),
        rate=1.0,
        now=1.0,
        groups=GroupsSummary(f"Rooms{RLO}", [("Room 1", [f"Eve{CLEAR}", "Bob"])]),
    )
    out = io.StringIO()
    Console(file=out, width=100, height=40, color_system=None).print(
        Frame().render(safe_screen(screen), 100, 40)
    )
    assert_safe(out.getvalue())
    assert "Say hi\\u202e" in out.getvalue()


def test_a_stream_that_cannot_write_the_symbols_writes_stand_ins_of_the_same_width():
    import io

    from rich.cells import cell_len

    from liftkit.cli.encoding import use_stand_ins

    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="ascii")
    use_stand_ins(stream)
    shown = "██░ ▲ 1 MIN LEFT · 3 mins behind… ×10 Concepción 观象台"
    stream.write(shown)
    stream.flush()
    out = raw.getvalue().decode("ascii")
    assert out == "##- ^ 1 MIN LEFT - 3 mins behind. x10 Concepcion ??????"
    assert cell_len(out) == cell_len(shown)  # the screen keeps its layout
    utf8 = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    use_stand_ins(utf8)
    assert utf8.errors == "strict"  # a UTF-8 terminal writes everything as it is


def test_typed_text_is_utf_8_else_the_terminals_encoding_and_waits_for_a_cut_character():
    from liftkit.cli.live.keys import TypedText

    latin = TypedText("latin-1")
    assert latin.decode("café".encode("latin-1")) == "café"  # é alone is not UTF-8
    assert latin.decode("café 观".encode()) == "café 观"  # a UTF-8 terminal, a Latin-1 locale
    utf8 = TypedText("utf-8")
    first, second = "观".encode()[:2], "观".encode()[2:]
    assert (utf8.decode(first), utf8.decode(second)) == ("", "观")  # cut between two reads
    # not UTF-8 where the locale says UTF-8: Windows-1252, as `liftkit note -` reads it
    assert utf8.decode(b"caf\xe9!") == "café!" and utf8.guessed
    assert TypedText("ascii").decode("é".encode()) == "é"  # an ASCII locale reads UTF-8
