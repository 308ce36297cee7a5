"""The keys liftkit reads from a terminal, without a screen: the decoder (keys.py) fed what
a terminal sends, read by read, and the reader (terminal.py) on a pseudo-terminal pair."""

import os
import threading
import time

import pytest

from liftkit.cli.live.keys import KeyDecoder, decode_keys
from liftkit.cli.live.terminal import KeyReader, Signals
from liftkit.core.live.controls import pasted


@pytest.fixture
def pty_reader():
    """A KeyReader on the secondary side of a new pseudo-terminal, and the primary side's fd
    (what the terminal emulator writes to)."""
    primary, secondary = os.openpty()
    with Signals() as signals, KeyReader(secondary, signals, "utf-8") as reader:
        yield reader, primary
    os.close(primary)
    os.close(secondary)


def test_a_paste_that_fills_a_read_is_read_whole_before_it_is_decoded(pty_reader):
    # 1,024 bytes ending on a line break, then the rest a moment later, as a terminal
    # writes a long paste: one read of keys, so that its last line is text, not keys.
    reader, terminal = pty_reader
    head = ("x" * 99 + "\r") * 10 + "y" * 23 + "\r"
    assert len(head) == 1024
    os.write(terminal, head.encode())
    later = threading.Timer(0.03, os.write, (terminal, b"Thanks all, see you next time"))
    later.start()
    keys = reader.read(1.0)
    later.join()
    assert keys.count("ENTER") == 11
    assert "".join(k for k in keys if k != "ENTER").endswith("yThanks all, see you next time")


def test_a_paste_start_marker_cut_between_two_reads_still_starts_a_paste():
    # QA over a slow link: ESC[20 in one read, 0~text ESC[201~ in the next; the marker's
    # start was dropped and the text ran as keys ("0~Grace Hopper: …" with a line open).
    keys = KeyDecoder()
    assert keys.feed("\x1b[20") == []
    [paste] = keys.feed("0~Grace Hopper: pasted over a slow link\x1b[201~")
    assert pasted(paste) == "Grace Hopper: pasted over a slow link"
    assert keys.feed("\x1b") == [] and keys.feed("[201") == []  # any sequence, cut anywhere
    assert keys.feed("~n") == ["n"]  # a stray end marker is no key
    assert keys.feed("x\x1bO") == ["x"] and keys.feed("C") == ["RIGHT"]


def test_a_lone_esc_is_the_esc_key_once_nothing_follows_it_at_once():
    keys = KeyDecoder()
    assert keys.feed("abc\x1b") == ["a", "b", "c"]
    assert keys.flush() == []  # its rest may still come
    assert 0 < keys.due_in() <= KeyDecoder.ESC_WAIT
    keys.ESC_WAIT = 0
    assert keys.flush() == ["ESC"] and keys.due_in() is None
    assert keys.feed("\x1b") == [] and keys.feed("n") == ["ESC", "n"]  # Esc, then n: not Alt-n
    assert keys.feed("\x1b") == [] and keys.feed("[D") == ["LEFT"]
    keys.SEQUENCE_WAIT = 0
    assert keys.feed("\x1b[") == [] and keys.flush() == []  # Alt-[ does nothing, as before


def test_esc_ends_a_read_cut_short_on_the_pty_and_comes_back_as_esc(pty_reader):
    reader, terminal = pty_reader
    os.write(terminal, b"ok\x1b")
    assert reader.read(1.0) == ["o", "k"]
    started = time.monotonic()
    assert reader.read(5.0) == ["ESC"]  # within a tenth of a second, not five
    assert time.monotonic() - started < 1.0


def test_ctrl_h_is_backspace_and_alt_ctrl_h_deletes_a_word():
    from liftkit.cli.live.keys import decode_keys

    assert decode_keys("ab\x08\x7f") == ["a", "b", "BACKSPACE", "BACKSPACE"]
    assert decode_keys("\x1b\x08") == ["ALT_BACKSPACE"]


def test_esc_before_an_arrow_s_sequence_is_alt_with_the_arrow():
    # PuTTY and rxvt send Alt+Right as ESC ESC [ C: it was Esc, then Right.
    assert decode_keys("\x1b\x1b[C\x1b\x1b[D\x1b\x1bOA") == ["ALT+RIGHT", "ALT+LEFT", "ALT+UP"]
    assert decode_keys("\x1b\x1b[15~x") == ["x"]  # Alt+F5: no key liftkit has
    assert decode_keys("\x1b\x1bn") == ["ESC", "ALT+n"]  # Esc, then Alt+n
    keys = KeyDecoder()
    assert keys.feed("a\x1b\x1b[") == ["a"] and keys.feed("C") == ["ALT+RIGHT"]


def test_the_linux_console_s_function_keys_are_no_keys():
    # F1 to F5 there are ESC [ [ A to ESC [ [ E: they were read as A to E.
    assert decode_keys("\x1b[[A\x1b[[B\x1b[[Cx\x1b[[D\x1b[[E") == ["x"]
    keys = KeyDecoder()
    assert keys.feed("y\x1b[[") == ["y"] and keys.feed("B") == []
