"""The keys liftkit reads from a terminal, without a screen: the decoder (keys.py) fed what
a terminal sends, read by read, and the reader (terminal.py) on a pseudo-terminal pair."""

import os
import threading

import pytest

from liftkit.cli.live.terminal import KeyReader, Signals


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
