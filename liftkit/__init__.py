"""liftkit: a terminal companion for hosts of timed online community conversations.

The Python API (docs/api.md) loads on first use: every command imports this file, so it
imports nothing (liftkit.api.PUBLIC lists the names; __init__.pyi gives their types).
"""

__version__ = "0.1.0"


def __getattr__(name: str) -> object:
    from liftkit.api import public_attribute

    value = globals()[name] = public_attribute(name)
    return value
