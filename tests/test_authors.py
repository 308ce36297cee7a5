"""Names only for people: a "Label:" prefix is an author only when it is a person."""

import json
from datetime import UTC, datetime

import pytest

from liftkit.core.agenda.model import load_agenda
from liftkit.core.live.capture import parse_reflection, session_people
from liftkit.core.live.controller import LIVE, PLAIN, Controller
from liftkit.core.live.journal import JOURNAL_NAME
from liftkit.core.live.session import Clock, new_session

PEOPLE = ["Ada Lovelace", "Grace Hopper", "Ada Byron", "Bo Li (she/her)", "Vincent van Gogh"]


@pytest.mark.parametrize(
    "typed",
    [
        "Top themes: relationships, pressure",
        "Reminder: send the slides",
        "Question: how do we scale this?",
        "Top Themes: listening",
        "Next steps: meet monthly",
        "Key point: trust first",
        "Summary: a good hour",
        "NHS: waiting lists",
        "Room 3: we agreed",
        "Breakout room: quiet",
        "Table Four: we agreed",  # a World Café table, not a walk-in named Table
        "Tables: three ideas",
    ],
)
def test_labels_stay_part_of_the_text(typed):
    for people in (None, PEOPLE):
        parsed = parse_reflection(typed, people)
        assert (parsed.author, parsed.text) == (None, typed)


def test_without_a_list_a_lower_case_label_is_not_read_as_a_name():
    typed = "ada: in a hurry"
    assert parse_reflection(typed).author is None
    assert parse_reflection(typed, PEOPLE).author == "ada"  # on the list, in any case


@pytest.mark.parametrize(
    ("typed", "author"),
    [
        ("Ada Lovelace: listen with fascination", "Ada Lovelace"),
        ("Bo: protect lunch", "Bo"),
        ("Vincent van Gogh: colour", "Vincent van Gogh"),
        ("Jean-Luc O'Brien: make it so", "Jean-Luc O'Brien"),
        ("Zoë: more silence", "Zoë"),
    ],
)
def test_without_a_list_a_label_that_looks_like_a_name_is_the_author(typed, author):
    parsed = parse_reflection(typed)
    assert parsed.author == author
    assert parsed.text == typed.split(": ", 1)[1]


@pytest.mark.parametrize(
    ("typed", "author"),
    [
        ("grace hopper: ships are safe in harbour", "Grace Hopper"),  # as on the list
        ("Grace: first name only", "Grace Hopper"),  # one Grace: her full name
        ("Ada: two people are called Ada", "Ada"),  # a person, but which one is unclear
        ("Bo Li: Zoom display name", "Bo Li (she/her)"),
        ("Zed Quinn: not on the list", None),  # looks like a name, but not an attendee
    ],
)
def test_with_a_list_only_someone_on_it_is_the_author(typed, author):
    parsed = parse_reflection(typed, PEOPLE)
    assert parsed.author == author
    if author is None:
        assert parsed.text == typed


@pytest.mark.parametrize(
    ("typed", "author"),
    [
        ("Tomas Nunez: rotas are where kindness is tested", "Tomás Núñez"),  # no accents
        ("tomas: first name, no accent", "Tomás Núñez"),
        ("Lucia: two Lucías", "Lucia"),  # a person, but which one is unclear
        ("Lucía Fernández: as on the list", "Lucía Fernández"),
    ],
)
def test_a_name_typed_without_its_accents_is_the_attendee_s(typed, author):
    # E2E QA: "Tomas Nunez: …" was kept as text ("not on the attendee list") though Tomás
    # Núñez was on it, and the pack then quoted the name; the rooms view's find read it.
    people = ["Tomás Núñez", "Lucía Fernández", "Lucía Núñez", "Ada Lovelace"]
    assert parse_reflection(typed, people).author == author


def make_session(tmp_path, attendees: str | None):
    (tmp_path / "a.toml").write_text('title = "T"\n[[segments]]\ntitle = "Only"\nduration = "5m"\n')
    clock = Clock(mono=lambda: 0.0, wall=lambda: datetime(2026, 3, 9, 14, 0, tzinfo=UTC))
    extra = {}
    if attendees is not None:
        (tmp_path / "people.txt").write_text(attendees)
        extra["attendees.txt"] = tmp_path / "people.txt"
    agenda = load_agenda(tmp_path / "a.toml")
    session = new_session(agenda, tmp_path / "a.toml", "a", tmp_path / "s", clock, extra)
    session.start()
    return session


def test_live_and_plain_capture_use_the_sessions_attendee_list(tmp_path):
    session = make_session(tmp_path, "Grace Hopper\nAda Lovelace\n")
    try:
        assert session_people(session.folder) == ["Grace Hopper", "Ada Lovelace"]
        live = Controller(session, mode=LIVE)
        for key in ["r", *"Grace: keep it small #scale", "ENTER"]:  # the input line
            live.press(key)
        assert "Saved reflection from Grace Hopper" in live.ui.message(session.now())
        plain = Controller(session, mode=PLAIN)
        plain.command("r Reminder: book the room")
        plain.command("r Zed Quinn: a walk-in")
    finally:
        session.close()
    lines = (session.folder / JOURNAL_NAME).read_text().splitlines()
    reflections = [json.loads(line) for line in lines if '"reflection"' in line]
    assert [(r["author"], r["text"], r["source"]) for r in reflections] == [
        ("Grace Hopper", "keep it small #scale", "live"),
        (None, "Reminder: book the room", "plain"),
        (None, "Zed Quinn: a walk-in", "plain"),
    ]


def test_live_and_plain_say_when_a_name_is_not_on_the_attendee_list(tmp_path):
    # "Zed Quinn: a walk-in" was saved as text with only "Saved reflection": the host did not
    # know the pack would quote the name, as note now says.
    session = make_session(tmp_path, "Grace Hopper\nAda Lovelace\n")
    try:
        live = Controller(session, mode=LIVE)
        for key in ["r", *"Zed Quinn: a walk-in", "ENTER"]:
            live.press(key)
        said = live.ui.message(session.now())
        assert "'Zed Quinn:' is kept as text: not on the attendee list" in said
        for key in ["r", *"Reminder: book the room", "ENTER"]:  # a label, not a name
            live.press(key)
        assert live.ui.message(session.now()) == "Saved reflection (2 so far)."
        plain = Controller(session, mode=PLAIN)
        plain.command("r Zed Quinn: another")  # the event's line says it was saved
        assert plain.ui.message(session.now()) == (
            "'Zed Quinn:' is kept as text: not on the attendee list."
        )
    finally:
        session.close()


def test_note_keeps_a_label_as_text_and_credits_a_name(cli, tmp_path):
    session = make_session(tmp_path, None)
    session.close()
    folder = str(session.folder)
    result = cli("note", folder, "Top themes: relationships, pressure")
    assert result.exit_code == 0, result.output
    assert "Added a reflection to segment 1" in result.stdout and "from" not in result.stdout
    result = cli("note", folder, "Ada Lovelace: listen with fascination")
    assert "Added a reflection from Ada Lovelace" in result.stdout
    lines = (session.folder / JOURNAL_NAME).read_text().splitlines()
    reflections = [json.loads(line) for line in lines if '"reflection"' in line]
    assert [(r["author"], r["text"]) for r in reflections] == [
        (None, "Top themes: relationships, pressure"),
        ("Ada Lovelace", "listen with fascination"),
    ]


def test_note_reads_its_text_from_stdin_for_a_dash(cli, tmp_path):
    # CLI QA: `echo words | liftkit note latest -` saved the quote "-", and the pack
    # published it; `-` means standard input wherever the command line takes a file.
    session = make_session(tmp_path, None)
    session.close()
    folder = str(session.folder)
    result = cli("note", folder, "-", input="Ada Lovelace: piped words #pipes\n")
    assert result.exit_code == 0, result.output
    assert "Added a reflection from Ada Lovelace" in result.stdout
    lines = (session.folder / JOURNAL_NAME).read_text().splitlines()
    (reflection,) = [json.loads(line) for line in lines if '"reflection"' in line]
    assert (reflection["author"], reflection["text"], reflection["tags"]) == (
        "Ada Lovelace",
        "piped words #pipes",
        ["pipes"],
    )
    empty = cli("note", folder, "-", input="")
    assert empty.exit_code == 2 and "the reflection is empty" in empty.stderr


def test_note_from_stdin_reads_past_notepad_s_byte_order_mark(cli, tmp_path):
    # QA terminals: a reflection piped from Notepad kept its BOM, "\ufeffAda Lovelace: …"
    # was credited to no one, and the pack quoted the name it should not publish
    session = make_session(tmp_path, None)
    session.close()
    folder = str(session.folder)
    piped = "\ufeffAda Lovelace: hello from notepad\r\n".encode()
    result = cli("note", folder, "-", input=piped)
    assert result.exit_code == 0, result.output
    lines = (session.folder / JOURNAL_NAME).read_text().splitlines()
    (reflection,) = [json.loads(line) for line in lines if '"reflection"' in line]
    assert (reflection["author"], reflection["text"]) == ("Ada Lovelace", "hello from notepad")
    pack = cli("export", folder, "-o", "-").stdout
    assert "hello from notepad" in pack and "Ada Lovelace" not in pack


def test_note_says_when_a_name_is_not_on_the_attendee_list(cli, tmp_path):
    # "Zed Quinn: ..." stays text (Zed is not on the list): the host is told, since the
    # pack would otherwise quote the name, unasked, in a pack that names no one
    session = make_session(tmp_path, "Grace Hopper\nAda Lovelace\n")
    session.close()
    folder = str(session.folder)
    result = cli("note", folder, "Zed Quinn: watched the recording")
    assert result.exit_code == 0, result.output
    assert "Added a reflection to segment 1" in result.stdout
    assert result.stderr.strip() == (
        "Note: 'Zed Quinn' is not on the session's attendee list, so the name stays part of "
        "the text (and of the quote in the pack); --by 'Zed Quinn' credits it"
    )
    for typed in ("Top themes: trust", "Grace: keep it small", "Zed Quinn: again"):
        extra = ("--by", "Zed Quinn") if typed.endswith("again") else ()
        assert cli("note", folder, typed, *extra).stderr == ""


def test_the_attendee_list_is_read_once_for_many_reflections_and_again_once_changed(
    tmp_path, monkeypatch
):
    # A webinar of 5,000 people: the list was read again for each reflection, a third of a
    # second the host waited at each Enter.
    from liftkit.core.files import write_atomic
    from liftkit.core.people import reader

    reads = []
    real = reader.read_people

    def read_people(path, *args, **kwargs):
        reads.append(path.name)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(reader, "read_people", read_people)
    session = make_session(tmp_path, "Grace Hopper\nAda Lovelace\n")
    try:
        plain = Controller(session, mode=PLAIN)
        for i in range(20):
            plain.command(f"r Grace: point {i}")
        # a reshuffle read the list again, with a late joiner, and kept the new copy
        copy = session.folder / "attendees.txt"
        write_atomic(copy, "Grace Hopper\nAda Lovelace\nZed Quinn\n")
        plain.command("r Zed Quinn: joined late")
        plain.command("r Ada: last word")
    finally:
        session.close()
    lines = (session.folder / JOURNAL_NAME).read_text().splitlines()
    authors = [json.loads(line)["author"] for line in lines if '"reflection"' in line]
    assert authors == ["Grace Hopper"] * 20 + ["Zed Quinn", "Ada Lovelace"]
    assert reads == ["attendees.txt", "attendees.txt"]  # once, and once more when it changed


PRIVATE_NOTES = [
    "Private: speaker fee invoice pending",
    "Confidential: the venue may change",
    "Personal: I found this hard",
    "Anonymous: my manager never listens",
]


@pytest.mark.parametrize("attendees", [None, "Grace Hopper\nAda Lovelace\n"])
def test_a_note_marked_private_is_no_name_and_keeps_its_words(cli, tmp_path, attendees):
    # "Private: speaker fee invoice pending" was read as a reflection by someone called
    # Private (without a list) or as a walk-in ("'Private' is not on the session's attendee
    # list"), and the --anonymous pack, which leaves out a walk-in's name, quoted "speaker
    # fee invoice pending".
    session = make_session(tmp_path, attendees)
    session.close()
    folder = str(session.folder)
    for typed in PRIVATE_NOTES:
        result = cli("note", folder, typed)
        assert result.exit_code == 0, result.output
        assert "from" not in result.stdout and result.stderr == "", typed
    lines = (session.folder / JOURNAL_NAME).read_text().splitlines()
    reflections = [json.loads(line) for line in lines if '"reflection"' in line]
    assert [(r["author"], r["text"]) for r in reflections] == [(None, t) for t in PRIVATE_NOTES]
    for flags in ((), ("--anonymous",), ("--names",)):
        pack = cli("export", folder, *flags).stdout
        quoted = [q for q in PRIVATE_NOTES if f"- “{q}”" in pack]
        assert quoted == PRIVATE_NOTES[3:], flags  # Anonymous: is for publishing, unnamed


def test_a_note_marked_private_is_left_out_of_the_pack_with_a_warning(cli, tmp_path):
    # "Private: speaker fee invoice pending", added with `liftkit note latest`, was published
    # in the pack (with --anonymous too) without a word.
    session = make_session(tmp_path, None)
    session.close()
    folder = str(session.folder)
    for typed in [*PRIVATE_NOTES, "A good hour", "personal : my own view"]:
        assert cli("note", folder, typed).exit_code == 0
    for flags in ((), ("--anonymous",), ("--format", "json"), ("--format", "html")):
        result = cli("export", folder, *flags)
        assert result.exit_code == 0, result.output
        assert "A good hour" in result.stdout and "my manager never listens" in result.stdout
        for private in ("speaker fee", "the venue may change", "found this hard", "my own view"):
            assert private not in result.stdout, (flags, private)
        warning = [line for line in result.stderr.splitlines() if "marked private" in line]
        assert len(warning) == 1, result.stderr
        assert "4 reflections marked private" in warning[0]
        assert "'Private: speaker fee invoice pending' (Only)" in warning[0]
        assert "and 1 more" in warning[0] and "without the mark" in warning[0]
