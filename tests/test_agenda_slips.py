"""Slips a host makes typing or pasting an agenda, and the one line `agenda check` says for
each: what is wrong, where, and what to write instead (the QA pass's agenda repros). The
broken files beside the expected messages are in tests/data/agendas/broken/; these are the
variants of them."""

import pytest

TOP = 'title = "Team call"\n\n[[segments]]\ntitle = "Close"\nduration = "5m"\n'


def check(cli, tmp_path, monkeypatch, text: str):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.toml").write_text(text, encoding="utf-8")
    return cli("agenda", "check", "a.toml")


def refused(cli, tmp_path, monkeypatch, text: str) -> str:
    result = check(cli, tmp_path, monkeypatch, text)
    assert result.exit_code == 2 and result.stdout == ""
    (line,) = result.stderr.splitlines()
    return line


# ----------------------------------------------------------------------- quotes inside quotes


@pytest.mark.parametrize(
    ("line", "said"),
    [
        (
            "prompt = 'Sam's call'",
            "Error: a.toml:6:14: TOML syntax error: a ' inside the quoted text ends it early; "
            'write it as ’, or put double quotes around the text, like prompt = "It\'s on"',
        ),
        (
            'prompt = "Share: " One step"',
            'Error: a.toml:6:18: TOML syntax error: a " inside the quoted text ends it early; '
            'write it as \\" or curly “ ”, or put single quotes around the text, like '
            "prompt = 'Say \"hello\"'",
        ),
    ],
)
def test_a_quote_inside_quoted_text_is_said_to_end_it(cli, tmp_path, monkeypatch, line, said):
    assert refused(cli, tmp_path, monkeypatch, TOP + line + "\n") == said


def test_the_quotes_the_advice_gives_are_read(cli, tmp_path, monkeypatch):
    for prompt in (
        'prompt = "In the chat: \\"One step\\""',
        'prompt = "In the chat: “One step”"',
        "prompt = 'In the chat: \"One step\"'",
    ):
        result = check(cli, tmp_path, monkeypatch, TOP + prompt + "\n")
        assert result.exit_code == 0, result.stderr
