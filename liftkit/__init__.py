"""liftkit: a terminal companion for hosts of timed online community conversations."""

__version__ = "0.1.0"
