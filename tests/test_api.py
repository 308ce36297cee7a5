"""The public Python API (`import liftkit`): the README example runs, the library and the command
line give the same results, and the library's errors name arguments where the CLI names flags."""

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import liftkit
import liftkit.api
from liftkit.cli.flags import as_flags, flag_names
from liftkit.core.errors import LiftkitError

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
SESSION = DATA / "sessions" / "2026-03-09-135958-hosted-community-event"
PEOPLE = SESSION / "attendees.csv"
CHAT = DATA / "chat"
GOLDEN = ROOT / "tests" / "golden"


def readme_example() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Using liftkit from Python\n", 1)[1].split("\n## ", 1)[0]
    [code] = re.findall(r"```python\n(.*?)```", section, re.DOTALL)
    return code


def names_in(path: Path) -> list[str]:
    """The names in an attendee CSV, read here without liftkit."""
    import csv

    with path.open(encoding="utf-8") as handle:
        return [row["Name"] for row in csv.DictReader(handle)]


# --------------------------------------------------------------------------- the README


def test_the_readme_example_runs_and_does_what_it_says(tmp_path, monkeypatch, capsys, cli):
    shutil.copy(PEOPLE, tmp_path / "people.csv")
    shutil.copytree(SESSION, tmp_path / "liftkit-sessions" / SESSION.name)
    shutil.copy(CHAT / "zoom-two-line.txt", tmp_path / "meeting_saved_chat.txt")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("LIFTKIT_SESSIONS", raising=False)

    exec(compile(readme_example(), "README.md", "exec"), {"__name__": "readme"})
    printed = capsys.readouterr().out.splitlines()

    agenda = liftkit.load_agenda(ROOT / "agendas" / "community-conversation.toml")
    assert printed[0] == (
        f"{agenda.title}: {len(agenda.segments)} segments, {agenda.total // 60} minutes"
    )
    assert printed[2] == ("`size` 1: a group needs at least 2 people; use `size` 2 or more")
    # groups.json holds everyone once in each of the 2 rounds, and the seed it says.
    written = json.loads(Path("groups.json").read_text())
    for round_ in written["rounds"]:
        members = [m["name"] for g in round_["groups"] for m in g["members"]]
        assert sorted(members) == sorted(names_in(PEOPLE))
    assert len(written["rounds"]) == 2
    assert printed[1].startswith(f"seed {written['seed']}: ")
    # The event pack is the one the command line writes from the same files.
    exported = cli("export", "latest", "--chat", "meeting_saved_chat.txt", "--by", "sector")
    assert exported.exit_code == 0, exported.output
    assert Path("event-pack.md").read_text() == exported.stdout


# --------------------------------------------------------------------------- import liftkit


def loaded_after(code: str) -> set[str]:
    script = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return set(json.loads(result.stdout.splitlines()[-1]))


def test_import_liftkit_loads_nothing_until_a_name_is_used():
    loaded = loaded_after("import liftkit")
    assert sorted(m for m in loaded if m.startswith("liftkit")) == ["liftkit"]
    assert "typing" not in loaded  # every command imports liftkit: it must stay free
    run = "from liftkit.cli.main import main\ntry:\n    main({})\nexcept SystemExit:\n    pass"
    for args in (["--version"], ["agenda", "list"]):  # the commands bench/startup.py times
        loaded = loaded_after(run.format(args))
        assert not {"liftkit.api", "liftkit.cli.flags"} & loaded, args
    loaded = loaded_after("import liftkit\nliftkit.LiftkitError")
    assert "liftkit.core.errors" in loaded
    assert not {"liftkit.core.groups.split", "liftkit.core.report", "random"} & loaded


def test_the_type_stub_offers_each_public_name_from_where_it_is_defined():
    import ast

    stub = ast.parse((ROOT / "liftkit" / "__init__.pyi").read_text(encoding="utf-8"))
    imported = {
        alias.name: node.module
        for node in stub.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    assert imported == liftkit.api.PUBLIC
    [listed] = [n.value for n in stub.body if isinstance(n, ast.Assign)]
    assert set(ast.literal_eval(listed)) == set(liftkit.__all__)


def test_every_public_name_resolves_and_is_documented():
    public = set(liftkit.__all__) - {"__version__"}
    doc = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    for name in sorted(public):
        value = getattr(liftkit, name)
        if callable(value) and not isinstance(value, type):
            assert value.__doc__, name
            assert f"### `liftkit.{name}(" in doc, f"docs/api.md lacks a section on {name}"
        else:
            assert f"`{name}`" in doc, f"docs/api.md does not mention {name}"
    with pytest.raises(AttributeError, match="no attribute 'nonsense'"):
        _ = liftkit.nonsense
    star: dict[str, object] = {}
    exec("from liftkit import *", star)
    assert set(star) - {"__builtins__"} == set(liftkit.__all__)


# --------------------------------------------------------------------------- agendas, chat


def test_an_agenda_loads_by_template_name_or_path_and_problems_are_listed(tmp_path):
    assert "community-conversation" in liftkit.agenda_templates()
    by_name = liftkit.load_agenda("community-conversation")
    by_path = liftkit.load_agenda(ROOT / "agendas" / "community-conversation.toml")
    assert by_name == by_path
    bad = tmp_path / "bad.toml"
    bad.write_text('title = "x"\n\n[[segments]]\ntitle = "A"\nduration = "soon"\n')
    with pytest.raises(liftkit.AgendaError) as caught:
        liftkit.load_agenda(bad)
    assert [p.line for p in caught.value.problems] == [5]
    assert str(bad) in str(caught.value)
    with pytest.raises(liftkit.LiftkitError, match="unknown template"):
        liftkit.load_agenda("no-such-template")


def test_chat_logs_read_from_a_file_or_from_text():
    from_file = liftkit.read_chat(CHAT / "teams.vtt")
    from_text = liftkit.parse_chat((CHAT / "teams.vtt").read_bytes(), "teams.vtt")
    assert from_file.messages == from_text.messages
    # One message per turn: a speaker's consecutive cues are one message.
    speakers = re.findall(r"<v ([^>]+)>", (CHAT / "teams.vtt").read_text(encoding="utf-8"))
    turns = [name for i, name in enumerate(speakers) if i == 0 or speakers[i - 1] != name]
    assert [m.author for m in from_file.messages] == turns
    with pytest.raises(liftkit.LiftkitError, match="not a chat log"):
        liftkit.parse_chat("", "empty.txt")


# --------------------------------------------------------------------------- groups


def test_one_seed_gives_the_split_the_command_line_gives(cli):
    people = liftkit.read_attendees(PEOPLE).people
    split = liftkit.split_groups(people, size=3, rounds=2, balance=["sector"], seed=11)
    result = cli("groups", str(PEOPLE), "--size", "3", "--rounds", "2", "--balance", "sector",
                 "--seed", "11", "--format", "json")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert json.loads(liftkit.render_groups(split, "json")) == json.loads(result.stdout)
    assert split.seed == 11


def test_people_who_left_the_meeting_get_no_room_as_on_the_command_line(cli):
    # split_groups(read_attendees(F).people) gave rooms to people whose last row in a Teams
    # per-event report is "Left", where `liftkit groups F` leaves them out, noting it
    report = DATA / "people" / "teams-per-event-comma.csv"
    read = liftkit.read_attendees(report)
    last_row: dict[str, str] = {}
    import csv

    with report.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            last_row[row["Full Name"]] = row["User Action"]
    left = sorted(name for name, action in last_row.items() if action == "Left")
    assert len(left) == 2 and sorted(read.gone) == left
    assert [p.name for p in read.present] == [p.name for p in read.people if p.name not in left]
    split = liftkit.split_groups(read, seed=1)
    result = cli("groups", str(report), "--seed", "1", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(liftkit.render_groups(split, "json")) == json.loads(result.stdout)
    placed = [m.name for g in split.rounds[0].groups for m in g.members]
    assert sorted(placed) == sorted(p.name for p in read.present)
    notes = [line for line in result.stderr.splitlines() if "had left" in line]
    assert notes == [f"Note: {split.notes[0]}"]
    assert split.notes[0].endswith(f"get no room: {left[0]}; {left[1]}")


def test_a_session_folder_gives_the_rooms_that_met_in_it_as_on_the_command_line(cli):
    # split_groups(previous=SESSION) was refused ("is a folder, not a groups file") where
    # `liftkit groups --previous SESSION` plans from the rooms that met in the call
    people = liftkit.read_attendees(PEOPLE).people  # nobody left this call
    split = liftkit.split_groups(people, previous=SESSION, seed=3)
    result = cli("groups", str(PEOPLE), "--previous", str(SESSION), "--seed", "3",
                 "--format", "json")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert json.loads(liftkit.render_groups(split, "json")) == json.loads(result.stdout)
    events = [json.loads(line) for line in (SESSION / "journal.jsonl").read_text().splitlines()]
    (made,) = [e for e in events if e["type"] == "groups"]
    met = {g["name"]: [m["name"] for m in g["members"]] for g in made["rounds"][0]["groups"]}
    kept = {g.name: [m.name for m in g.members] for g in split.rounds[0].groups}
    assert {room: kept[room][: len(names)] for room, names in met.items()} == met
    assert any("round 1 as held" in note for note in split.notes)


def test_split_groups_always_sets_a_seed_even_after_a_file_that_holds_none(tmp_path):
    # Split.seed is `int | None` (docs/api.md): a groups file read back may hold no seed
    # (liftkit's CSV, a hand-written file); split_groups, though, always sets one.
    names = [f"P{i}" for i in range(8)]
    hand = tmp_path / "hand.toml"
    hand.write_text('[[rounds]]\n[[rounds.groups]]\nname = "Room 1"\nmembers = ["P0", "P1"]\n')
    plan = tmp_path / "plan.csv"
    plan.write_text(liftkit.render_groups(liftkit.split_groups(names, seed=3), "csv"))
    for previous in (hand, plan):
        split = liftkit.split_groups(names, previous=previous)
        assert isinstance(split.seed, int)
        assert json.loads(liftkit.render_groups(split, "json"))["seed"] == split.seed


def test_without_a_seed_the_chosen_one_repeats_the_split():
    names = [f"Person {i}" for i in range(10)]
    split = liftkit.split_groups(names, count=3)
    assert split.seed is not None
    assert liftkit.split_groups(names, count=3, seed=split.seed).rounds == split.rounds
    placed = [m.name for g in split.rounds[0].groups for m in g.members]
    assert sorted(placed) == sorted(names)


def test_apart_and_together_take_lists_of_names():
    names = ["Ada", "Bo", "Cy", "Di", "Ed", "Flo", "Gus", "Hal"]
    split = liftkit.split_groups(
        names, size=4, rounds=2, seed=3, apart=[["Ada", "Bo"]], together=["Cy,Di"]
    )
    for round_ in split.rounds:
        group_of = {m.name: g.name for g in round_.groups for m in g.members}
        assert group_of["Ada"] != group_of["Bo"]
        assert group_of["Cy"] == group_of["Di"]


def test_a_previous_split_is_read_from_its_file(tmp_path):
    names = [f"Person {i}" for i in range(9)]
    first = liftkit.split_groups(names, size=3, seed=5)
    saved = tmp_path / "groups.json"
    saved.write_text(liftkit.render_groups(first, "json"))
    again = liftkit.split_groups(names, seed=6, previous=saved)
    rooms = lambda split: {m.name: g.name for g in split.rounds[0].groups for m in g.members}  # noqa: E731
    assert rooms(again) == rooms(first)


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("call", "args", "library", "command_line"),
    [
        ({"balance": ["sectr"]}, ["--balance", "sectr"],
         "`balance` sectr: no such column", "--balance sectr: no such column"),
        ({"facilitators": ["Zed"]}, ["--facilitator", "Zed"],
         "`facilitators`: 'Zed' is not in the attendee list",
         "--facilitator: 'Zed' is not in the attendee list"),
        ({"apart": ["Ada Lovelace"]}, ["--apart", "Ada Lovelace"],
         "`apart` Ada Lovelace: needs two or more different people",
         "--apart Ada Lovelace: needs two or more different people"),
        ({"count": 2, "apart": [names_in(PEOPLE)[:3]]}, ["--count", "2", "--apart",
         ",".join(names_in(PEOPLE)[:3])], "but there are only 2 groups; use more, smaller "
         "groups (`size` or `count`) or a shorter `apart` list", "but there are only 2 groups; "
         "use more, smaller groups (--size or --count) or a shorter --apart list"),
    ],
    ids=["balance", "facilitator", "apart", "apart-too-many"],
)  # fmt: skip
def test_the_library_names_arguments_and_the_command_line_names_flags(
    cli, call, args, library, command_line
):
    people = liftkit.read_attendees(PEOPLE).people
    with pytest.raises(liftkit.LiftkitError) as caught:
        liftkit.split_groups(people, seed=1, **call)
    assert library in f"{caught.value}; {caught.value.hint}"
    assert "--" not in f"{caught.value}{caught.value.hint}"
    result = cli("groups", str(PEOPLE), "--seed", "1", *args)
    assert result.exit_code == 2
    assert command_line in result.stderr
    assert "`" not in result.stderr


def test_the_groups_formats_name_their_arguments():
    split = liftkit.split_groups(["Ada", "Bo", "Cy", "Di"], size=2, seed=1)
    with pytest.raises(liftkit.LiftkitError, match=r"^`format` pdf: unknown format$"):
        liftkit.render_groups(split, "pdf")
    with pytest.raises(liftkit.LiftkitError, match=r"^`round` 3: the split has one round$"):
        liftkit.render_groups(split, "zoom", round=3)
    with pytest.raises(liftkit.LiftkitError, match=r"^`round` 2: the split has one round$"):
        liftkit.render_groups(split, "md", round=2)


def test_an_error_lists_the_fields_it_names():
    error = LiftkitError("`size` 5: too big for `count` 3", "see `liftkit groups --help`")
    assert error.fields == ("size", "count")


def test_a_command_shows_the_fields_it_declares_as_flags_and_no_others():
    @flag_names("chat_start", facilitators="--facilitator")
    def command() -> None:
        assert as_flags("`chat_start` and `facilitators`") == "--chat-start and --facilitator"
        raise LiftkitError("`chat_start` 25:00 in `group_size`", "leave out `facilitators`")

    with pytest.raises(LiftkitError) as caught:
        command()
    # An agenda key (`group_size`) is no flag of this command: it keeps its backticks.
    assert caught.value.message == "--chat-start 25:00 in `group_size`"
    assert caught.value.hint == "leave out --facilitator"
    assert as_flags("`chat_start`") == "`chat_start`"  # outside the command: as written


# --------------------------------------------------------------------------- reports


COMMUNITY = DATA / "sessions" / "2026-03-10-122958-community-conversation"
PACK = {
    "narrative": "narratives/community-conversation.md",
    "by": "Sector",
    "roles": "Role",
    "organisations": "Organisation",
    "questions": ["If this event could answer one question, what would it be?"],
    "host": ["Sam Okafor", "Priya Shah"],
}


@pytest.mark.parametrize(
    ("golden", "session", "chats", "options"),
    [
        ("hosted-zoom-two-line.md", SESSION, ["zoom-two-line.txt"],
         {"by": "Sector", "groups": True, "names": True}),
        ("hosted-meet-sbv.md", SESSION, ["meet.sbv"],
         {"chat_start": "14:00:00", "anonymous": True}),
        ("hosted-zoom-two-line.json", SESSION, ["zoom-two-line.txt"],
         {"by": "sector", "groups": True}),
        ("community-conversation.html", COMMUNITY, ["zoom-community.txt"], PACK),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)  # fmt: skip
def test_a_report_built_in_python_is_the_golden_event_pack(
    golden, session, chats, options, monkeypatch
):
    """The same options as tests/test_export_golden.py gives the command line."""
    monkeypatch.chdir(DATA)  # the event pack names its chat logs as given
    logs = [Path("chat") / name for name in chats]
    report = liftkit.build_report(session.relative_to(DATA), logs, **options)
    expected = (GOLDEN / golden).read_text(encoding="utf-8")
    if golden.endswith(".json"):
        assert json.loads(liftkit.render_json(report)) == json.loads(expected)
    elif golden.endswith(".html"):
        assert liftkit.render_html(report) == expected
    else:
        assert liftkit.render_markdown(report) == expected


def test_report_errors_name_arguments(tmp_path):
    with pytest.raises(liftkit.LiftkitError) as caught:
        liftkit.build_report(SESSION, by="nope")
    assert str(caught.value).startswith("`by` nope: attendees.csv has no such column")
    with pytest.raises(liftkit.LiftkitError, match="is not a clock time"):
        liftkit.build_report(SESSION, chat_start="25:99")
    with pytest.raises(liftkit.LiftkitError, match="no sessions in"):
        liftkit.build_report("latest", sessions=tmp_path)


def test_an_attendee_list_is_given_to_a_report_as_to_the_export(tmp_path, cli):
    # build_report said "give the attendee list with `attendees` FILE" and had no such
    # argument: a script could not do what `liftkit export --attendees` does
    session = tmp_path / "s"
    shutil.copytree(COMMUNITY, session)
    (session / "attendees.csv").unlink()
    with pytest.raises(LiftkitError) as caught:
        liftkit.build_report(session, by="Sector")
    assert "give the attendee list with `attendees`=path" in caught.value.hint
    people = tmp_path / "people.csv"
    people.write_text("Name,Sector\nAda,Health\nBo,Health\nCy,Charity\n")
    report = liftkit.build_report(session, by="Sector", attendees=people)
    exported = cli("export", str(session), "--by", "Sector", "--attendees", str(people))
    assert liftkit.render_markdown(report) == exported.stdout
    assert "### By Sector\n\nHealth 67% and Charity 33%." in exported.stdout
    again = liftkit.build_report(session, by="Sector", attendees=liftkit.read_attendees(people))
    assert liftkit.render_markdown(again) == exported.stdout


def test_the_live_session_shows_the_fields_it_names_as_flags_of_run(tmp_path):
    """The core's message during a session names `attendees`; the host reads --attendees."""
    proc = subprocess.run(
        [sys.executable, "-m", "liftkit", "run", "1-2-4-all", "--plain", "--sessions", tmp_path],
        input="g\nn\ng\nq\ny\n",  # g on the silence, then on the pairs' breakout
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    said = [line for line in proc.stdout.splitlines() if "  No " in line]
    assert said[0].endswith("No groups here: groups are for breakout segments.")
    # said at once, not after "Reshuffle the breakout groups? y to confirm"
    assert said[1].endswith("No groups here: breakouts get them from --attendees FILE or "
                            "--groups FILE.")  # fmt: skip
    assert "Reshuffle" not in proc.stdout


def test_a_report_warns_of_the_reflections_a_full_disk_left_in_a_rescue_file(
    tmp_path, monkeypatch, cli
):
    # `liftkit export` warned that the pack lacked what liftkit could not save (a file in
    # $TMPDIR); build_report said nothing, and a script published a pack without it
    import tempfile

    session = tmp_path / COMMUNITY.name
    shutil.copytree(COMMUNITY, session)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(elsewhere))  # what $TMPDIR gives
    before = liftkit.build_report(session).warnings
    rescued = elsewhere / f"liftkit-unsaved-{session.name}.txt"
    rescued.write_text(
        "# liftkit could not save these\n12:50:00\tsegment 3\tRoom 1: a lost reflection\n"
    )
    added = liftkit.build_report(session).warnings[len(before) :]
    assert len(added) == 1
    assert added[0].startswith(f"{rescued} holds what could not be saved during this session")
    exported = cli("export", str(session))
    assert exported.exit_code == 0, exported.output
    said = [line for line in exported.stderr.splitlines() if line.startswith("Warning: ")]
    assert said == [f"Warning: {message}" for message in [*before, *added]]


def test_an_empty_chat_log_is_a_warning_of_the_report_as_of_the_export(tmp_path, monkeypatch, cli):
    # build_report raised EmptyChat for a chat saved before anyone wrote, where `liftkit
    # export --chat` warns and makes the pack without it
    shutil.copy(CHAT / "zoom-community.txt", tmp_path / "chat.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    monkeypatch.chdir(tmp_path)
    report = liftkit.build_report(COMMUNITY, ["empty.txt", "chat.txt"])
    exported = cli("export", str(COMMUNITY), "--chat", "empty.txt", "--chat", "chat.txt")
    assert exported.exit_code == 0, exported.output
    said = [line for line in exported.stderr.splitlines() if line.startswith("Warning: ")]
    assert said[0] == "Warning: empty.txt: the chat log is empty; the pack is made without it"
    assert [f"Warning: {message}" for message in report.warnings] == said
    assert liftkit.render_markdown(report) == exported.stdout


def test_read_chat_reads_standard_input_for_a_dash_as_read_attendees_does(tmp_path):
    # read_attendees("-") read standard input and read_chat("-") said "-: no such file"
    script = (
        "import sys, liftkit\n"
        "log = liftkit.read_chat('-') if sys.argv[1] == 'chat' else None\n"
        "read = liftkit.read_attendees('-') if sys.argv[1] == 'people' else None\n"
        "print(log.source, len(log.messages)) if log else print(len(read.people))\n"
    )
    chat = CHAT / "zoom-two-line.txt"
    for kind, source, expected in [
        ("chat", chat, f"stdin {len(liftkit.read_chat(chat).messages)}"),
        ("people", PEOPLE, str(len(names_in(PEOPLE)))),
    ]:
        shown = subprocess.run(
            [sys.executable, "-c", script, kind], input=source.read_bytes(),
            capture_output=True, cwd=tmp_path, timeout=60,
        )  # fmt: skip
        assert shown.returncode == 0, shown.stderr
        assert shown.stdout.decode().strip() == expected
    with pytest.raises(liftkit.LiftkitError, match="standard input can be read only once"):
        liftkit.build_report(COMMUNITY, ["-", "-"])


@pytest.mark.parametrize("given", ["16:00:00+02:00", "16:00+02:00", "14:00:00Z", "08:30:00-0530"])
def test_chat_start_given_with_its_offset_is_converted_to_the_sessions_zone(
    given, monkeypatch, cli
):
    # "`chat_start`: "14:40:00+02:00" is not a clock time", though docs/api.md shows
    # 16:00+02:00 and a datetime.time with that tzinfo was taken (the session is in UTC)
    monkeypatch.chdir(DATA)
    chat = Path("chat") / "meet.sbv"
    golden = (GOLDEN / "hosted-meet-sbv.md").read_text(encoding="utf-8")  # from 14:00:00
    report = liftkit.build_report(SESSION, [chat], chat_start=given, anonymous=True)
    assert liftkit.render_markdown(report) == golden
    exported = cli("export", str(SESSION), "--chat", str(chat), "--chat-start", given,
                   "--anonymous")  # fmt: skip
    assert exported.exit_code == 0, exported.output
    assert exported.stdout == golden


@pytest.mark.parametrize("given", ["14:00:00+25:00", "14:00:00+", "14:00Z+02:00", "Z"])
def test_a_chat_start_with_no_offset_there_is_is_refused(given):
    with pytest.raises(liftkit.LiftkitError) as caught:
        liftkit.build_report(SESSION, chat_start=given)
    assert caught.value.message == f'`chat_start`: "{given}" is not a clock time'
    assert caught.value.hint.endswith("or with its offset from UTC: 14:05:30+02:00, 12:05:30Z")


def test_a_missing_groups_file_or_narrative_names_the_argument_that_gave_it(tmp_path, cli):
    # "nope.json: no such file; give a file from liftkit groups" with fields=(), for
    # `previous` and `groups_file`; "nope.md: no such file; check the path" for `narrative`
    missing = tmp_path / "nope.json"
    calls = {
        "previous": lambda: liftkit.split_groups(["Ada", "Bo"], previous=missing),
        "groups_file": lambda: liftkit.build_report(SESSION, groups_file=missing),
        "narrative": lambda: liftkit.build_report(SESSION, narrative=tmp_path / "nope.md"),
    }
    for field, call in calls.items():
        with pytest.raises(liftkit.LiftkitError) as caught:
            call()
        error = caught.value
        assert error.fields[0] == field, (field, error.message, error.hint)
        assert "no such file" in error.message
        assert "--" not in f"{error.message} {error.hint}"
    with pytest.raises(liftkit.LiftkitError) as caught:
        liftkit.build_report(SESSION, groups_file=missing)
    assert caught.value.hint == (
        "check the path given to `groups_file`: the JSON, TOML or CSV written by render_groups "
        "(or liftkit groups)"
    )
    # the command line names its flags
    said = cli("export", str(SESSION), "--groups-file", str(missing))
    assert said.stderr == (
        f"Error: {missing}: no such file; check the path given to --groups-file: the JSON, "
        "TOML or CSV written by liftkit groups\n"
    )
    said = cli("export", str(SESSION), "--narrative", str(tmp_path / "nope.md"))
    assert said.stderr.endswith("no such file; check the path given to --narrative\n")


def test_an_attendee_list_given_as_the_agenda_is_pointed_to_read_attendees(tmp_path, cli):
    # load_agenda("people.csv") said "… and the list with `liftkit run AGENDA --attendees
    # people.csv`", a command, to a script
    people = tmp_path / "people.csv"
    shutil.copy(PEOPLE, people)
    with pytest.raises(liftkit.AgendaError) as caught:
        liftkit.load_agenda(people)
    said = str(caught.value)
    assert said.startswith(f"{people}: looks like an attendee list")
    assert said.endswith(
        "give an agenda: a template name (agenda_templates()) or a .toml file, and the list "
        "with read_attendees(path)"
    )
    assert "liftkit run" not in said
    with pytest.raises(liftkit.AgendaError) as caught:
        liftkit.load_agenda(CHAT / "zoom-two-line.txt")
    assert str(caught.value).endswith("a chat log goes into the event pack: "
                                      "build_report(session, chats)")  # fmt: skip
    ran = cli("run", str(people), "--plain")
    assert ran.exit_code == 2
    assert f"--attendees {people}`" in ran.stderr  # the command line's words stay its own


def test_one_person_who_left_the_meeting_gets_no_room_in_words_that_agree(tmp_path):
    # "1 person had left the meeting (their last row says so) and get no room"
    report = tmp_path / "teams.csv"
    report.write_text(
        "Full Name,User Action,Timestamp\n"
        'Ada,Joined,"9/4/2020, 11:57:51 AM"\nBo,Joined,"9/4/2020, 11:58:00 AM"\n'
        'Cy,Joined,"9/4/2020, 11:58:10 AM"\nCy,Left,"9/4/2020, 12:10:00 PM"\n'
        'Dee,Joined,"9/4/2020, 11:59:00 AM"\n',
        encoding="utf-8",
    )
    read = liftkit.read_attendees(report)
    assert read.gone == ["Cy"]
    split = liftkit.split_groups(read, size=2, seed=1)
    assert split.notes[0] == (
        f"{report}: 1 person had left the meeting (their last row says so) and gets no room: Cy"
    )
