"""Breakout groups: the split, its search and constructions, breakouts, output formats."""
