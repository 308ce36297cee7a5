"""A name whose accents are saved decomposed (NFD: "e" and a combining accent, as macOS and
some web forms save text) is the same name typed (NFC), through `liftkit groups`: for
--apart, for duplicates and for --previous. Recounted from the JSON written."""

import json
import unicodedata


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


NAMES = ["José Núñez", "Tom Ek", "Ana Brandão", "Bo Ng"]


def rooms(stdout: str) -> list[dict[str, int]]:
    """Each round's room number by name, as written."""
    data = json.loads(stdout)
    return [
        {m["name"]: i for i, g in enumerate(r["groups"]) for m in g["members"]}
        for r in data["rounds"]
    ]


def test_apart_finds_a_name_the_list_saved_decomposed(cli, tmp_path):
    # "'José Núñez' is not in the attendee list; did you mean 'José Núñez'?", exit 2
    path = tmp_path / "people.csv"
    path.write_text("Name\n" + "\n".join(nfd(n) for n in NAMES) + "\n", encoding="utf-8")
    assert nfd("José Núñez") != "José Núñez"
    result = cli("groups", str(path), "--count", "2", "--seed", "1", "-f", "json",
                 "--apart", "José Núñez,Tom Ek", "--facilitator", "Ana Brandão")  # fmt: skip
    assert result.exit_code == 0, result.output
    placed = rooms(result.stdout)[0]
    assert sorted(placed) == sorted(NAMES)  # shown as typed (NFC)
    assert placed["José Núñez"] != placed["Tom Ek"]


def test_one_name_in_both_forms_on_two_rows_is_one_person(cli, tmp_path):
    path = tmp_path / "people.csv"
    rows = [*NAMES, nfd("José Núñez")]
    path.write_text("Name\n" + "\n".join(rows) + "\n", encoding="utf-8")
    result = cli("groups", str(path), "--count", "2", "--seed", "1", "-f", "json")
    assert result.exit_code == 0, result.output
    assert sorted(rooms(result.stdout)[0]) == sorted(NAMES)
    assert f"line {len(rows) + 1}: José Núñez duplicates line 2" in result.stderr


def test_previous_plan_and_list_in_two_forms_are_the_same_people(cli, tmp_path):
    # The plan typed (NFC), the list saved decomposed: "added 1 late joiner: José Núñez"
    # and "dropped 1 no-show: José Núñez", the same person
    typed, saved = tmp_path / "typed.csv", tmp_path / "saved.csv"
    typed.write_text("Name\n" + "\n".join(NAMES) + "\n", encoding="utf-8")
    saved.write_text(nfd(typed.read_text(encoding="utf-8")), encoding="utf-8")
    plan = tmp_path / "plan.json"
    first = cli("groups", str(typed), "--count", "2", "--rounds", "2", "--seed", "1",
                "-o", str(plan))  # fmt: skip
    assert first.exit_code == 0, first.output
    plan_nfd = tmp_path / "plan-nfd.json"
    plan_nfd.write_text(nfd(plan.read_text(encoding="utf-8")), encoding="utf-8")
    for listed, earlier in ((saved, plan), (typed, plan_nfd)):
        result = cli("groups", str(listed), "--count", "2", "--rounds", "2", "--seed", "1",
                     "--previous", str(earlier), "-f", "json")  # fmt: skip
        assert result.exit_code == 0, result.output
        assert "late joiner" not in result.stderr and "no-show" not in result.stderr
        assert rooms(result.stdout) == rooms(plan.read_text(encoding="utf-8"))
