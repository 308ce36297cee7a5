"""What a script passes to liftkit's functions (split_groups, render_groups, the readers,
the report): a wrong type, a string where a list goes, a person listed twice. Each is a
LiftkitError naming the argument (or does what the script meant), never a TypeError from
deep inside."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

import liftkit

PEOPLE = (
    Path(__file__).resolve().parent
    / "data"
    / "sessions"
    / "2026-03-09-135958-hosted-community-event"
    / "attendees.csv"
)
NAMES = ["Ada", "Bo", "Cy", "Di", "Ed", "Flo", "Gus", "Hal"]


def rooms(split: liftkit.Split) -> list[list[list[str]]]:
    return [[[m.name for m in g.members] for g in r.groups] for r in split.rounds]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ({"size": "4"}, "`size` '4': not a whole number"),
        ({"size": 4.5}, "`size` 4.5: not a whole number"),
        ({"count": "2"}, "`count` '2': not a whole number"),
        ({"rounds": "2"}, "`rounds` '2': not a whole number"),
        ({"seed": "x"}, "`seed` 'x': not a whole number"),
        ({"previous": 42}, "`previous` 42: not a split"),
        ({"people": "Ada,Bo,Cy"}, "`people` 'Ada,Bo,Cy': not a list of people"),
        ({"people": None}, "`people` None: not a list of people"),
        ({"people": [1, 2, 3]}, "`people` item 1 (1): not a name or a Person"),
        ({"people": ["Ada", " ", "Bo"]}, "`people` item 2 (' '): not a name or a Person"),
        ({"people": []}, "`people` is empty: no one to split"),
    ],
    ids=lambda value: (
        next(iter(value)) + "=" + repr(next(iter(value.values())))
        if isinstance(value, dict)
        else ""
    ),
)
def test_an_argument_of_the_wrong_type_is_an_error_naming_it(call, message):
    arguments = {"people": NAMES, "seed": 1} | call
    people = arguments.pop("people")
    with pytest.raises(liftkit.LiftkitError) as caught:
        liftkit.split_groups(people, **arguments)
    assert caught.value.message == message
    assert caught.value.fields[0] == next(iter(call))
    assert caught.value.exit_code == 2


def test_one_text_alone_is_one_item_not_a_list_of_its_letters():
    people = liftkit.read_attendees(PEOPLE).people
    names = [p.name for p in people]
    one = {"size": 3, "rounds": 2, "seed": 4}
    assert rooms(liftkit.split_groups(people, balance="sector", **one)) == rooms(
        liftkit.split_groups(people, balance=["sector"], **one)
    )
    apart = f"{names[0]},{names[1]}"
    assert rooms(liftkit.split_groups(people, apart=apart, **one)) == rooms(
        liftkit.split_groups(people, apart=[apart], **one)
    )
    assert rooms(liftkit.split_groups(people, together=apart, **one)) == rooms(
        liftkit.split_groups(people, together=[apart], **one)
    )
    assert rooms(liftkit.split_groups(people, facilitators=names[0], **one)) == rooms(
        liftkit.split_groups(people, facilitators=[names[0]], **one)
    )


def test_a_person_listed_twice_is_an_error_as_two_people_of_one_name_are_not():
    people = liftkit.read_attendees(PEOPLE).people
    with pytest.raises(liftkit.LiftkitError) as caught:
        liftkit.split_groups([*people, people[0]], seed=1)
    assert caught.value.message == (
        f"`people` item 13 ({people[0].label}): repeats item 1 ({people[0].label})"
    )
    assert caught.value.hint == "list each person once"
    with pytest.raises(
        liftkit.LiftkitError, match=r"`people` item 3 \(ada\): repeats item 1 \(Ada\)"
    ):
        liftkit.split_groups(["Ada", "Bo", "ada", "Cy"], seed=1)
    twins = [liftkit.Person("Sam Lee", "sam@a.org"), liftkit.Person("Sam Lee", "sam@b.org")]
    split = liftkit.split_groups([*twins, "Bo", "Cy"], size=2, seed=1)
    assert sorted(m.email or "" for g in split.rounds[0].groups for m in g.members) == [
        "",
        "",
        "sam@a.org",
        "sam@b.org",
    ]


def test_the_tickets_of_one_order_read_from_a_file_are_split_as_the_command_splits_them(
    tmp_path, cli
):
    # Eventbrite: one buyer's email on each ticket of the order. read_attendees keeps every
    # ticket holder; split_groups refused them ("Carlos Lopez is item 1 and item 2").
    tickets = tmp_path / "tickets.csv"
    tickets.write_text(
        "Order #,Attendee #,First Name,Last Name,Email\n"
        "100,1,Maria,Lopez,mlopez@x.example\n100,2,Carlos,Lopez,mlopez@x.example\n"
        "101,3,Ben,Ng,ben@x.example\n102,4,Cy,Oh,cy@x.example\n"
    )
    people = liftkit.read_attendees(tickets).people
    split = liftkit.split_groups(people, size=2, seed=1)
    placed = [m.name for g in split.rounds[0].groups for m in g.members]
    assert sorted(placed) == ["Ben Ng", "Carlos Lopez", "Cy Oh", "Maria Lopez"]
    listed = cli("groups", str(tickets), "--size", "2", "--seed", "1", "-f", "json")
    assert (
        json.loads(listed.stdout)["rounds"]
        == json.loads(liftkit.render_groups(split, "json"))["rounds"]
    )
    with pytest.raises(
        liftkit.LiftkitError, match=r"item 5 \(Carlos Lopez <mlopez@x.example>\): repeats item 2"
    ):
        liftkit.split_groups([*people, people[1]], size=2, seed=1)


def test_a_zoom_round_is_checked_as_the_command_line_checks_it():
    split = liftkit.split_groups(liftkit.read_attendees(PEOPLE).people, rounds=2, seed=1)
    with pytest.raises(liftkit.LiftkitError) as caught:
        liftkit.render_groups(split, "zoom", round=0)  # not round 1
    assert caught.value.message == "`round` 0: the split has rounds 1 to 2"
    with pytest.raises(liftkit.LiftkitError, match=r"^`round` '1': not a whole number$"):
        liftkit.render_groups(split, "zoom", round="1")
    with pytest.raises(liftkit.LiftkitError, match=r"^`split` 'groups.json': not a split$"):
        liftkit.render_groups("groups.json", "md")


def test_build_report_takes_one_chat_log_or_one_question_as_text(monkeypatch):
    data = PEOPLE.parent.parent.parent
    monkeypatch.chdir(data)  # the event pack names its chat logs as given
    session = PEOPLE.parent.relative_to(data)
    question = "If this event could answer one question, what would it be?"
    community = session.parent / "2026-03-10-122958-community-conversation"
    listed = liftkit.build_report(community, ["chat/zoom-community.txt"], questions=[question])
    alone = liftkit.build_report(community, "chat/zoom-community.txt", questions=question)
    assert liftkit.render_markdown(alone) == liftkit.render_markdown(listed)
    assert liftkit.build_report(session, Path("chat/zoom-two-line.txt")).segments == (
        liftkit.build_report(session, [Path("chat/zoom-two-line.txt")]).segments
    )


@pytest.mark.parametrize("facilitators", ["", [""], " ", ["Ada", "  "]], ids=repr)
def test_an_empty_facilitator_names_nobody_in_the_library_as_on_the_command_line(
    cli, tmp_path, facilitators
):
    # split_groups took it silently, and split with no facilitator; the command refused it.
    with pytest.raises(liftkit.LiftkitError) as caught:
        liftkit.split_groups(NAMES[:4], facilitators=facilitators, seed=1)
    assert caught.value.message == '`facilitators` "": an empty name names nobody'
    assert caught.value.fields == ("facilitators",)
    assert caught.value.exit_code == 2
    listed = [facilitators] if isinstance(facilitators, str) else facilitators
    flags = [word for name in listed for word in ("--facilitator", name)]
    result = cli("groups", str(tmp_path / "not-read.csv"), *flags)  # refused before reading
    assert result.exit_code == 2
    assert result.stderr == (
        'Error: --facilitator "": an empty name names nobody; give the facilitator\'s name or '
        "email, or leave out --facilitator\n"
    )


@pytest.mark.parametrize(
    ("argument", "flag"),
    [("by", "--by"), ("roles", "--roles"), ("organisations", "--organisations"),
     ("questions", "--question")],
)  # fmt: skip
def test_a_column_the_attendee_file_lacks_is_named_by_its_argument(cli, argument, flag):
    session = PEOPLE.parent
    with pytest.raises(liftkit.LiftkitError) as caught:
        liftkit.build_report(session, **{argument: "Job"})
    assert caught.value.message == (
        f"`{argument}` Job: attendees.csv has no such column; its columns: Sector, Organisation"
    )
    assert caught.value.fields == (argument,)
    result = cli("export", str(session), flag, "Job")
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: {flag} Job: attendees.csv has no such column; its columns: Sector, "
        "Organisation; give one of those columns\n"
    )


def test_a_chat_start_that_is_no_clock_time_is_an_error_naming_it():
    for wrong in (1400, 14.0):
        with pytest.raises(liftkit.LiftkitError) as caught:
            liftkit.build_report(PEOPLE.parent, chat_start=wrong)
        assert caught.value.message == f"`chat_start` {wrong}: not a clock time"
    with pytest.raises(liftkit.LiftkitError) as caught:
        liftkit.build_report(PEOPLE.parent, chat_start="25:99")
    assert caught.value.message == '`chat_start`: "25:99" is not a clock time'
    from datetime import time

    assert liftkit.build_report(PEOPLE.parent, chat_start=time(14)) == liftkit.build_report(
        PEOPLE.parent, chat_start="14:00"
    )


class Int64:
    """A whole number of another library (numpy's int64): not an int, but an index."""

    def __init__(self, value: int) -> None:
        self.value = value

    def __index__(self) -> int:
        return self.value


def test_a_generator_a_whole_number_of_another_library_and_a_datetime_are_taken():
    # A generator was read twice (the second time empty: the facilitators forgotten), an
    # int64 size refused, and a datetime as chat_start refused, where it had been taken.
    from datetime import datetime

    wanted = liftkit.split_groups(NAMES, size=3, seed=1, facilitators=["Ada", "Bo"])
    given = liftkit.split_groups(
        NAMES, size=Int64(3), seed=Int64(1), facilitators=(n for n in ["Ada", "Bo"])
    )
    assert rooms(given) == rooms(wanted)
    heads = [g.members[0].name for g in given.rounds[0].groups]
    assert "Ada" in heads and "Bo" in heads  # facilitators, each first in a room of their own
    assert liftkit.build_report(
        PEOPLE.parent, chat_start=datetime(2026, 3, 9, 14, 0)
    ) == liftkit.build_report(PEOPLE.parent, chat_start="14:00")


def test_apart_and_together_of_the_wrong_type_are_errors_naming_them():
    for field in ("apart", "together"):
        with pytest.raises(liftkit.LiftkitError) as caught:
            liftkit.split_groups(NAMES, seed=1, **{field: 5})
        assert caught.value.fields[0] == field
        none = liftkit.split_groups(NAMES, seed=1, **{field: None})  # None: none, as ()
        assert rooms(none) == rooms(liftkit.split_groups(NAMES, seed=1))


def report() -> liftkit.Report:
    return liftkit.build_report(PEOPLE.parent)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: liftkit.parse_chat(None), "`data` None: not text"),
        (lambda: liftkit.parse_chat(b"x", source=5), "`source` 5: not text"),
        (lambda: liftkit.parse_agenda({}), "`text` {}: not text"),
        (lambda: liftkit.load_agenda(None), "`agenda` None: not a path"),
        (lambda: liftkit.read_attendees(None), "`path` None: not a path"),
        (lambda: liftkit.read_chat(5), "`path` 5: not a path"),
        (lambda: liftkit.build_report(None), "`session` None: not a path"),
        (lambda: liftkit.build_report(PEOPLE.parent, chats=5), "`chats` 5: not a chat log"),
        (lambda: liftkit.build_report(PEOPLE.parent, chats=[None]), "`chats` None: not a path"),
        (lambda: liftkit.build_report(PEOPLE.parent, host=5), "`host` 5: not a list of text"),
        (lambda: liftkit.build_report(PEOPLE.parent, by=[1]), "`by` [1]: not a list of text"),
        (lambda: liftkit.build_report(PEOPLE.parent, roles=5), "`roles` 5: not text"),
        (lambda: liftkit.build_report(PEOPLE.parent, narrative=5), "`narrative` 5: not a path"),
        (lambda: liftkit.build_report("latest", sessions=5), "`sessions` 5: not a path"),
        # "no" from a settings file or an environment variable read as yes: names published
        (lambda: liftkit.build_report(PEOPLE.parent, names="no"), "`names` 'no': not True"),
        (lambda: liftkit.build_report(PEOPLE.parent, anonymous=0), "`anonymous` 0: not True"),
        (lambda: liftkit.build_report(PEOPLE.parent, groups="x"), "`groups` 'x': not True"),
        (
            lambda: liftkit.build_report(PEOPLE.parent, include_private="False"),
            "`include_private` 'False': not True",
        ),
        (lambda: liftkit.render_markdown(None), "`report` None: not a report"),
        (lambda: liftkit.render_html("pack.md"), "`report` 'pack.md': not a report"),
        (lambda: liftkit.render_json(report().segments), "`report` "),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_the_readers_and_the_report_name_an_argument_of_the_wrong_type(call, message):
    # Each was an AttributeError or a TypeError from deep inside: "'NoneType' object has
    # no attribute 'replace'", "expected str, bytes or os.PathLike object, not int".
    with pytest.raises(liftkit.LiftkitError) as caught:
        call()
    assert caught.value.message.startswith(message)
    assert caught.value.fields[0] == message.split("`")[1]


def test_the_chat_reader_names_its_own_argument_for_a_missing_file(tmp_path):
    with pytest.raises(liftkit.LiftkitError) as caught:
        liftkit.read_chat(tmp_path / "chat.txt")
    assert caught.value.message == f"{tmp_path / 'chat.txt'}: no such file"
    assert caught.value.hint == "check the path given to `path`"  # read_chat(path), not `chat`
    good = liftkit.parse_chat(bytearray(b"10:00:01 From Ada to Everyone: hello\n"))
    assert [m.text for m in good.messages] == ["hello"]


def test_a_missing_chat_log_of_a_report_is_named_by_its_argument(tmp_path):
    with pytest.raises(liftkit.LiftkitError) as caught:
        liftkit.build_report(PEOPLE.parent, [tmp_path / "chat.txt"])
    assert caught.value.message == f"{tmp_path / 'chat.txt'}: no such file"
    assert caught.value.hint == "check the path given to `chats`"  # not read_chat's `path`
    assert caught.value.fields == ("chats",)


@pytest.mark.parametrize(
    ("person", "message"),
    [
        (liftkit.Person(None), "`people` item 1 (Person(name=None"),
        (liftkit.Person("Ada", 5), "`people` item 1 (Ada): email 5 is not text"),
        (
            liftkit.Person("Ada", attributes=None),
            "`people` item 1 (Ada): attributes None: not a table of columns",
        ),
        (
            liftkit.Person("Ada", attributes={"band": 2}),
            "`people` item 1 (Ada): attribute 'band' 2: not text",
        ),
    ],
    ids=["name None", "email 5", "attributes None", "a number in a column"],
)
def test_a_person_a_script_made_of_the_wrong_types_is_an_error_naming_it(person, message):
    # Each was a TypeError or an AttributeError from deep inside ("'int' object has no
    # attribute 'strip'" when balancing on a column of numbers).
    with pytest.raises(liftkit.LiftkitError) as caught:
        liftkit.split_groups([person, "Bo", "Cy"], balance="band" if "band" in message else ())
    assert caught.value.message.startswith(message)
    assert caught.value.fields[0] == "people"


@pytest.mark.parametrize("call", [liftkit.parse_agenda, liftkit.parse_chat])
def test_a_source_that_is_not_text_is_asked_for_as_a_file_name(call):
    # the hint asked for "a column name", the words of build_report's columns
    with pytest.raises(liftkit.LiftkitError) as caught:
        call("text", source=5)
    assert caught.value.message == "`source` 5: not text"
    assert caught.value.hint == "give `source` as text, e.g. the file name"


def test_an_empty_path_is_said_to_be_empty_not_a_folder():
    # read_attendees("") said ".: is a folder, not an attendee list; give the file inside it"
    for call, field in [(liftkit.read_attendees, "path"), (liftkit.load_agenda, "agenda")]:
        with pytest.raises(liftkit.LiftkitError) as caught:
            call("")
        assert caught.value.message == f"`{field}` '': is empty"


def test_a_wrong_argument_is_named_by_its_type_and_start_not_written_out_whole():
    # A PeopleRead of 100,000 people passed where a path or a split goes made a message of
    # its whole repr (10 MB), and build_report(attendees=[...]) asked for a path alone
    many = liftkit.PeopleRead([liftkit.Person(f"Person {i}") for i in range(100_000)], [])
    calls = {
        "path": lambda: liftkit.read_attendees(many),
        "split": lambda: liftkit.render_groups(many, "md"),
        "report": lambda: liftkit.render_markdown(many),
        "previous": lambda: liftkit.split_groups(NAMES, previous=many),
        "agenda": lambda: liftkit.render_agenda(many),
        "people": lambda: liftkit.split_groups([many]),
    }
    for field, call in calls.items():
        with pytest.raises(liftkit.LiftkitError) as caught:
            call()
        said = caught.value.message
        assert caught.value.fields[0] == field
        assert len(said) < 200 and "\n" not in said, (field, len(said))
        assert "PeopleRead(people=[Person(name='Person 0'" in said, said
    with pytest.raises(liftkit.LiftkitError) as caught:
        liftkit.build_report(PEOPLE.parent, attendees=many.people)
    assert caught.value.message.startswith("`attendees` [Person(name='Person 0', ...), ")
    assert len(caught.value.message) < 200
    assert "the PeopleRead of read_attendees" in caught.value.hint
    again = liftkit.build_report(PEOPLE.parent, attendees=liftkit.read_attendees(PEOPLE))
    assert again.attendance is not None


def test_a_split_a_script_builds_is_checked_and_takes_plain_names():
    # Split((), Score(0, 0, 0)) was an IndexError in Zoom's format; Group("R1", ("Ada",
    # "Bo")) an AttributeError in every format; Ada in two rooms of a round was written
    # twice, silently (a Zoom CSV listing her twice)
    from liftkit import Group, Round, Score, Split

    empty = Split((), Score(0, 0, 0))
    with pytest.raises(liftkit.LiftkitError) as caught:
        liftkit.render_groups(empty, "zoom")
    assert caught.value.message == "`split`: has no rounds"
    named = Split(
        (Round(1, (Group("R1", ("Ada", "Bo")), Group("R2", ("Cy", "Di")))),), Score(0, 0, 0)
    )
    for format in liftkit.GROUP_FORMATS:
        if format != "zoom":  # Zoom needs emails: it leaves out people without one
            text = liftkit.render_groups(named, format)
            assert all(name in text for name in ("Ada", "Bo", "Cy", "Di")), format
    back = json.loads(liftkit.render_groups(named, "json"))["rounds"][0]["groups"]
    assert [[m["name"] for m in g["members"]] for g in back] == [["Ada", "Bo"], ["Cy", "Di"]]
    twice = Split(
        (Round(1, (Group("R1", ("Ada", "Bo")), Group("R2", ("Cy", "Ada")))),), Score(0, 0, 0)
    )
    for format in liftkit.GROUP_FORMATS:
        with pytest.raises(liftkit.LiftkitError) as caught:
            liftkit.render_groups(twice, format)
        assert caught.value.message == "`split`: round 1: Ada is in both R1 and R2"
        assert caught.value.fields == ("split",)
    with pytest.raises(liftkit.LiftkitError) as caught:
        liftkit.split_groups(NAMES, previous=twice)
    assert caught.value.message == "`previous`: round 1: Ada is in both R1 and R2"


def test_a_chat_start_of_the_wrong_type_is_refused_and_one_with_a_zone_is_converted(
    monkeypatch,
):
    # timedelta(hours=14) was turned into text ("14:00:00") and read as a clock time; an
    # aware datetime lost its zone: 16:00+02:00 was read as 16:00 in a session held in UTC
    from datetime import datetime, time, timedelta, timezone

    monkeypatch.chdir(PEOPLE.parent.parent.parent)  # tests/data: the golden pack's names
    session = PEOPLE.parent.relative_to(PEOPLE.parent.parent.parent)
    sbv = Path("chat") / "meet.sbv"
    for wrong in (timedelta(hours=14), 14 * 3600, [14, 0]):
        with pytest.raises(liftkit.LiftkitError) as caught:
            liftkit.build_report(session, [sbv], chat_start=wrong)
        assert caught.value.message.startswith("`chat_start` ")
        assert caught.value.message.endswith(": not a clock time")
        assert "a datetime" in caught.value.hint

    def pack(start: object) -> str:
        return liftkit.render_markdown(liftkit.build_report(session, [sbv], chat_start=start))

    golden = Path(__file__).resolve().parent / "golden" / "hosted-meet-sbv.md"
    expected = liftkit.render_markdown(
        liftkit.build_report(session, [sbv], chat_start="14:00:00", anonymous=True)
    )
    assert expected == golden.read_text(encoding="utf-8")  # the session's zone is UTC
    two_hours_east = timezone(timedelta(hours=2))
    assert pack(datetime(2026, 3, 9, 16, 0, tzinfo=two_hours_east)) == pack("14:00:00")
    assert pack(time(16, 0, tzinfo=two_hours_east)) == pack("14:00:00")
    assert pack("16:00:00") != pack("14:00:00")  # read as 16:00 it was another pack


def test_a_line_break_in_a_name_path_or_source_is_shown_escaped_on_one_line(tmp_path):
    # A column, path or source holding a line break made a message of several lines
    calls = {
        "`by` Sec\\ntor: attendees.csv has no such column": lambda: liftkit.build_report(
            PEOPLE.parent, by="Sec\ntor"
        ),
        "`balance` Sec\\ntor: no such column": lambda: liftkit.split_groups(
            liftkit.read_attendees(PEOPLE), balance="Sec\ntor"
        ),
        f"{tmp_path}/no\\nsuch.csv: no such file": lambda: liftkit.read_attendees(
            tmp_path / "no\nsuch.csv"
        ),
        "my\\tchat: empty, not a chat log": lambda: liftkit.parse_chat("", source="my\tchat"),
    }
    for said, call in calls.items():
        with pytest.raises(liftkit.LiftkitError) as caught:
            call()
        assert caught.value.message.startswith(said), caught.value.message
        assert "\n" not in caught.value.message and "\t" not in caught.value.message
    from liftkit.core.chat import EmptyChat

    with pytest.raises(EmptyChat):  # of its own kind still: build_report leaves it out
        liftkit.parse_chat("", source="my\nchat")
    with pytest.raises(liftkit.AgendaError) as caught:  # one line a problem, as ever
        liftkit.parse_agenda('title = 5\n[[segments]]\ntitle = "A"\n', source="my\nagenda")
    lines = str(caught.value).splitlines()
    assert len(lines) == len(caught.value.problems) >= 2
    assert all(line.startswith("my\\nagenda") for line in lines)
    assert caught.value.source == "my\\nagenda"


def test_library_hints_name_its_functions_and_arguments_not_commands(tmp_path, monkeypatch):
    # The core's hints are the command line's words: "`groups_file` FILE" (the command line
    # shows --groups-file FILE), "run `liftkit agenda list`", and a session folder asked
    # for "as a file path"
    community = PEOPLE.parent.with_name("2026-03-10-122958-community-conversation")
    asked = {
        "check the path, or call agenda_templates() for templates": lambda: liftkit.load_agenda(
            tmp_path / "missing.toml"
        ),
        "(see agenda_templates())": lambda: liftkit.load_agenda("no-such-template"),
        "give a groups file with `groups_file`=path, or leave out `groups`": lambda: (
            liftkit.build_report(community, groups=True)
        ),
        "give `sessions` as a folder path, text or a Path": lambda: liftkit.build_report(
            "latest", sessions=5
        ),
        "give `session` as a folder path": lambda: liftkit.build_report(" "),
    }
    for hint, call in asked.items():
        with pytest.raises(liftkit.LiftkitError) as caught:
            call()
        assert hint in caught.value.hint, caught.value.hint
        assert "liftkit agenda list" not in caught.value.hint
    monkeypatch.chdir(PEOPLE.parent.parent.parent)
    warnings = liftkit.build_report(community, [Path("chat") / "zoom-two-line.txt"]).warnings
    [outside] = [w for w in warnings if "within the session" in w]
    assert outside.endswith('(for transcripts, `chat_start`="HH:MM:SS")')


def test_a_file_named_dash_is_read_as_dot_slash_dash_and_only_dash_is_standard_input(tmp_path):
    # read_attendees("./-") and read_chat("./-") read standard input: Path("./-") is "-",
    # where `liftkit groups ./-` reads the file
    chat = Path(__file__).resolve().parent / "data" / "chat" / "zoom-two-line.txt"
    (tmp_path / "-").write_text("Name\nAda\nBo\nCy\n", encoding="utf-8")
    script = (
        "import sys, pathlib, liftkit\n"
        "given = sys.argv[2] if sys.argv[1] == 'text' else pathlib.Path(sys.argv[2])\n"
        "read = liftkit.read_attendees(given)\n"
        "print(len(read.people), read.source)\n"
    )
    for kind, given in [("text", "./-"), ("path", "./-"), ("path", "-"), ("text", "-")]:
        shown = subprocess.run(
            [sys.executable, "-c", script, kind, given], input=b"Name\nDee\n",
            capture_output=True, cwd=tmp_path, timeout=60,
        )  # fmt: skip
        assert shown.returncode == 0, shown.stderr
        from_stdin = (kind, given) == ("text", "-")
        count, source = shown.stdout.decode().split()
        assert (count, source == "stdin") == (("1", True) if from_stdin else ("3", False))
    (tmp_path / "-").write_bytes(chat.read_bytes())
    script = (
        "import sys, liftkit\n"
        "log = liftkit.read_chat(sys.argv[1])\n"
        "print(len(log.messages), log.source)\n"
    )
    for given in ["./-", "-"]:
        shown = subprocess.run(
            [sys.executable, "-c", script, given], input=b"",
            capture_output=True, cwd=tmp_path, timeout=60,
        )  # fmt: skip
        if given == "-":  # standard input, empty: no chat log
            assert shown.returncode != 0 and "stdin" in shown.stderr.decode()
        else:
            assert shown.returncode == 0, shown.stderr
            count = len(liftkit.read_chat(chat).messages)
            assert shown.stdout.decode().split() == [str(count), "-"]  # the file's name


@pytest.mark.parametrize(
    ("numbers", "message", "hint"),
    [
        ((2, 5), "`split` round 2: number 5 does not follow round 1's number 2",
         "number the rounds one after another: 3 for round 2"),
        ((1, 1), "`split` round 2: number 1 does not follow round 1's number 1",
         "number the rounds one after another: 2 for round 2"),
        ((3, 4, 3), "`split` round 3: number 3 does not follow round 2's number 4",
         "number the rounds one after another: 5 for round 3"),
    ],
)  # fmt: skip
def test_a_split_whose_round_numbers_do_not_follow_one_another_is_refused(numbers, message, hint):
    # rounds 2 and 5 were taken, and round 5 was headed "round 5 (rounds 2 to 3)"; two
    # rounds numbered 1 were taken too
    rounds = tuple(
        liftkit.Round(number, (liftkit.Group("Room 1", (f"Ada {at}", f"Bo {at}")),))
        for at, number in enumerate(numbers)
    )
    score = liftkit.split_groups(["Ada", "Bo"], size=2, seed=1).score
    built = liftkit.Split(rounds, score)
    for call in (
        lambda: liftkit.render_groups(built, "md", round=numbers[-1]),
        lambda: liftkit.split_groups(["Ada 0", "Bo 0"], previous=built),
    ):
        with pytest.raises(liftkit.LiftkitError) as caught:
            call()
        field = caught.value.fields[0]
        assert caught.value.message == message.replace("`split`", f"`{field}`")
        assert caught.value.hint == hint
    carried = liftkit.Split(rounds[:1], score)  # one round, numbered from 2 or 3: taken
    assert "round" in liftkit.render_groups(carried, "md", round=numbers[0])


def test_one_round_of_a_plan_from_week_3_is_headed_round_3_alone(tmp_path, cli):
    # "round 3 (rounds 3 to 3)" and "Score of all 1 rounds", in the library and on the
    # command line
    names = [f"Person {n}" for n in range(1, 13)]
    plan = liftkit.split_groups(names, size=4, rounds=3, seed=1)
    week = tmp_path / "week-3.json"
    week.write_text(liftkit.render_groups(plan, "json", round=3), encoding="utf-8")
    again = liftkit.split_groups(names, previous=week, seed=1)
    assert [r.number for r in again.rounds] == [3]
    lines = liftkit.render_groups(again, "md", round=3).splitlines()
    assert lines[2] == "12 people in 3 groups, round 3, seed 1."
    assert "## Score" in lines and not any("Score of all" in line for line in lines)
    people = tmp_path / "people.csv"
    people.write_text("Name\n" + "\n".join(names) + "\n", encoding="utf-8")
    for fmt in ("md", "table"):
        shown = cli("groups", str(people), "--previous", str(week), "--round", "3", "--seed", "1",
                    "--format", fmt)  # fmt: skip
        assert shown.exit_code == 0, shown.output
        assert "12 people in 3 groups, round 3, seed 1" in shown.stdout
        assert "rounds 3 to 3" not in shown.stdout and "all 1 rounds" not in shown.stdout
    four = liftkit.render_groups(plan, "md", round=2).splitlines()[2]
    assert four == "12 people in 3 groups, round 2 of 3, seed 1."  # a plan of more: as before
