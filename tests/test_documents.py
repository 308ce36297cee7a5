"""Lists, chats and agendas kept in documents rather than text files: one line saying what the
file is and how to get its text out (exit 2), where a PDF's first line became a person named
"%PDF-1.4", a list typed in TextEdit (rich text, its default) one person named
"{\\rtf1\\ansi …", and a Word document was called a spreadsheet."""

import zipfile
from pathlib import Path

import pytest

SESSION = Path(__file__).parent / "data" / "sessions" / "2026-03-09-135958-hosted-community-event"
NAMES = ["Ada Lovelace", "Grace Hopper", "Alan Turing", "Mary Jackson"]


def zipped(path: Path, names: list[str], mimetype: str = "") -> None:
    """A zip holding `names` as an office suite writes them (an OpenDocument file opens with
    its mimetype, stored)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        if mimetype:
            archive.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        for name in names:
            archive.writestr(name, "<x>" + "\n".join(NAMES) + "</x>")


def rich_text(path: Path) -> None:
    """What TextEdit saves for a list typed into a new document."""
    body = "\\\n".join(NAMES)
    path.write_text(
        "{\\rtf1\\ansi\\ansicpg1252\\cocoartf2761\n"
        "{\\fonttbl\\f0\\fswiss\\fcharset0 Helvetica;}\n"
        "\\pard\\tx720\\pardirnatural\\partightenfactor0\n\n"
        f"\\f0\\fs24 \\cf0 {body}}}\n"
    )


def pdf(path: Path) -> None:
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")


def web_page(path: Path) -> None:
    rows = "".join(f"<tr><td>{name}</td></tr>" for name in NAMES)
    path.write_text(f"<!DOCTYPE html>\n<html><body><table>{rows}</table></body></html>\n")


DOCUMENTS = {
    "people.xlsx": (
        lambda p: zipped(p, ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml"]),
        "a spreadsheet workbook (.xlsx)",
        "save it as CSV (CSV UTF-8)",
    ),
    "people.docx": (
        lambda p: zipped(p, ["[Content_Types].xml", "_rels/.rels", "word/document.xml"]),
        "a Word document (.docx)",
        "save it as plain text (.txt)",
    ),
    "people.ods": (
        lambda p: zipped(p, ["content.xml"], "application/vnd.oasis.opendocument.spreadsheet"),
        "a spreadsheet (.ods)",
        "save it as CSV (CSV UTF-8)",
    ),
    "people.rtf": (rich_text, "a rich-text document (.rtf)", "Format > Make Plain Text"),
    "people.pdf": (pdf, "a PDF document", "copy its text into a plain text file"),
    "people.html": (web_page, "a web page (HTML)", "download the list as CSV"),
}


def one_error(result) -> str:
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    return lines[0]


@pytest.mark.parametrize("name", DOCUMENTS)
def test_groups_of_a_list_kept_in_a_document_says_what_it_is(cli, tmp_path, name):
    make, what, fix = DOCUMENTS[name]
    make(tmp_path / name)
    out = tmp_path / "rooms.csv"
    result = cli("groups", str(tmp_path / name), "--seed", "1", "-o", str(out))
    assert result.exit_code == 2
    line = one_error(result)
    assert line.startswith(f"Error: {tmp_path / name}: looks like {what}, not a text file; ")
    assert fix in line
    assert not out.exists()


@pytest.mark.parametrize("name", ["chat.docx", "chat.rtf", "chat.pdf", "chat.odt"])
def test_export_of_a_chat_kept_in_a_document_says_what_it_is(cli, tmp_path, name):
    path = tmp_path / name
    if name == "chat.odt":
        zipped(path, ["content.xml"], "application/vnd.oasis.opendocument.text")
        what = "an OpenDocument text (.odt)"
    else:
        make, what, _ = DOCUMENTS[f"people{path.suffix}"]
        make(path)
    out = tmp_path / "pack.md"
    result = cli("export", str(SESSION), "--chat", str(path), "-o", str(out))
    assert result.exit_code == 2
    assert one_error(result).startswith(f"Error: {path}: looks like {what}, not a chat log; ")
    assert not out.exists()


@pytest.mark.parametrize("name", ["agenda.rtf", "agenda.pdf", "agenda.docx"])
def test_an_agenda_kept_in_a_document_says_what_it_is(cli, tmp_path, name):
    make, what, _ = DOCUMENTS[f"people{Path(name).suffix}"]
    make(tmp_path / name)
    result = cli("agenda", "check", str(tmp_path / name))
    assert result.exit_code == 2
    assert f"looks like {what}, not an agenda" in result.stderr
    assert "liftkit new agenda.toml" in result.stderr


def test_a_list_that_only_mentions_such_names_is_still_read(cli, tmp_path):
    """Text that merely starts like a tag or a word is still a list."""
    path = tmp_path / "people.txt"
    path.write_text("PDF Team Lead\n<Ada Lovelace> ada@example.org\nGrace Hopper\n")
    result = cli("groups", str(path), "--seed", "1", "-f", "json")
    assert result.exit_code == 0, result.stderr
