"""What counts as text in an attendee file: UTF-16 without a byte-order mark, stray control
characters, and random bytes, which must never become a person."""

import io
import random
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from liftkit.core.errors import LiftkitError
from liftkit.core.people.reader import read_people

DATA = Path(__file__).parent / "data" / "people"


def names(result):
    return [p.name for p in result.people]


def test_utf16_little_endian_without_a_byte_order_mark():
    result = read_people(DATA / "utf16le-no-bom.csv")
    assert names(result) == ["Zoë Ådams", "Grace Hopper"]
    assert result.people[0].attributes["Organisation"] == "Ørsted"
    assert result.warnings == []


def test_utf16_big_endian_without_a_byte_order_mark(tmp_path):
    path = tmp_path / "people.txt"
    path.write_bytes("Ada Lovelace\nGrace Hopper\n".encode("utf-16-be"))
    assert names(read_people(path)) == ["Ada Lovelace", "Grace Hopper"]


def test_a_stray_nul_in_a_long_export_is_dropped_from_the_name():
    rows = "".join(f"Person {i},p{i}@example.org\n" for i in range(20))
    data = ("name,email\n" + rows + "B\x00 Two,b2@example.org\n").encode()
    result = read_people("-", stdin=io.BytesIO(data))
    assert names(result)[-1] == "B Two"


@pytest.mark.parametrize("seed", range(20))
@pytest.mark.parametrize("size", [16, 64, 300, 4096])
def test_random_bytes_on_stdin_are_not_text(seed, size):
    data = random.Random(seed).randbytes(size)
    with pytest.raises(LiftkitError, match="stdin: not a text file"):
        read_people("-", stdin=io.BytesIO(data))


@settings(max_examples=500, deadline=None)
@given(st.binary(max_size=300))
def test_whatever_bytes_come_in_names_hold_no_control_characters(data):
    try:
        result = read_people("-", stdin=io.BytesIO(data))
    except LiftkitError as error:
        assert error.exit_code == 2 and error.message.startswith("stdin: ")
        return
    for person in result.people:
        # Format characters (right-to-left marks, U+0600) are text; control characters not.
        assert not any(unicodedata.category(ch) == "Cc" for ch in person.name)
        assert person.name.strip() == person.name and any(ch.isalnum() for ch in person.name)


def _placed(stdout: str) -> list[str]:
    import csv

    return [row["name"] for row in csv.DictReader(io.StringIO(stdout))]


def test_windows_1250_with_letters_windows_1252_lacks_is_read(cli, tmp_path):
    # "ť", "Ť" and "Ź" are bytes 0x9D, 0x8D and 0x8F, which Windows-1252 has no character
    # for: the list was refused as "not a text file (byte 3 is not UTF-8)".
    text = (
        "Imię i nazwisko;Adres e-mail\r\nPaweł Źródłowski;pz@x.pl\r\nJán Šťastný;js@x.sk\r\n"
        "Zofia Kowalska;zk@x.pl\r\nŤahan Ťažký;tt@x.sk\r\n"
    )
    path = tmp_path / "pl.csv"
    path.write_bytes(text.encode("cp1250"))
    result = cli("groups", str(path), "--seed", "1", "-f", "csv")
    assert result.exit_code == 0, result.output
    rows = [line.split(";")[0] for line in text.splitlines()[1:]]
    assert sorted(_placed(result.stdout)) == sorted(rows) and len(rows) == 4
    assert "line 1); read as Windows-1250 (Central European)" in result.stderr


def test_an_excel_for_mac_csv_is_read_as_mac_roman(cli, tmp_path):
    # Excel for Mac's "CSV (Macintosh)": Mac Roman, lines ending in \r. It was read as
    # Windows-1252 ("JosŽ Garc’a"), with its warning on line 1, \r not counted as a line end.
    text = "Name,Email\rAda Lovelace,ada@x.org\rJosé García,jg@x.org\rBo Ng,bo@x.org\r"
    path = tmp_path / "mac.csv"
    path.write_bytes(text.encode("mac_roman"))
    result = cli("groups", str(path), "--seed", "1", "-f", "csv")
    assert result.exit_code == 0, result.output
    rows = [line.split(",")[0] for line in text.split("\r")[1:-1]]
    assert sorted(_placed(result.stdout)) == sorted(rows) and "José García" in rows
    line = text.split("\r").index("José García,jg@x.org") + 1
    assert f"not UTF-8 (line {line}); read as Mac Roman (Excel for Mac)" in result.stderr
    # The same names saved on Windows stay Windows-1252
    path.write_bytes(text.replace("\r", "\r\n").encode("cp1252"))
    result = cli("groups", str(path), "--seed", "1", "-f", "csv")
    assert sorted(_placed(result.stdout)) == sorted(rows)
    assert "read as Windows-1252" in result.stderr


@pytest.mark.parametrize("end", ["\r", "\n", "\r\n"])
def test_mac_roman_with_a_letter_no_windows_code_page_has_is_read_whatever_its_line_ends(
    cli, tmp_path, end
):
    # "Å" is byte 0x81 in Mac Roman, a byte Windows-1252 and -1250 have no character for: a
    # list with it was read as Mac Roman with lines ending in \r alone, and refused as "not
    # a text file (byte 11 is not UTF-8)" with \n, as Excel for Mac and editors also save it.
    rows = ["Åsa Lindqvist", "José García", "Zoë Brontë", "Ada Lovelace"]
    text = end.join(["name,email", *(f"{name},{name[:3]}@x.org" for name in rows)]) + end
    path = tmp_path / "mac.csv"
    path.write_bytes(text.encode("mac_roman"))
    result = cli("groups", str(path), "--seed", "1", "-f", "csv")
    assert result.exit_code == 0, result.output
    assert sorted(_placed(result.stdout)) == sorted(rows)
    assert "not UTF-8 (line 2); read as Mac Roman (Excel for Mac)" in result.stderr
