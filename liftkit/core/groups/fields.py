"""Finite fields GF(p^e) on the integers 0..q-1, for the constructions of designs.py."""

from __future__ import annotations

import functools
from dataclasses import dataclass


def prime_power(q: int) -> tuple[int, int] | None:
    """(p, e) with q == p**e for a prime p, or None."""
    if q < 2:
        return None
    for p in range(2, int(q**0.5) + 1):
        if q % p == 0:
            e = 0
            while q % p == 0:
                q //= p
                e += 1
            return (p, e) if q == 1 else None
    return (q, 1)


@dataclass(frozen=True)
class Field:
    """GF(p^e) on the integers 0..q-1 (base-p digits are polynomial coefficients)."""

    p: int
    e: int
    exp: tuple[int, ...]  # powers of a primitive element (e > 1 only)
    log: tuple[int, ...]

    @property
    def q(self) -> int:
        return int(self.p**self.e)

    def add(self, a: int, b: int) -> int:
        if self.e == 1:
            return (a + b) % self.p
        if self.p == 2:
            return a ^ b
        out, place = 0, 1
        while a or b:
            out += ((a % self.p + b % self.p) % self.p) * place
            a, b, place = a // self.p, b // self.p, place * self.p
        return out

    def mul(self, a: int, b: int) -> int:
        if self.e == 1:
            return a * b % self.p
        if a == 0 or b == 0:
            return 0
        return self.exp[(self.log[a] + self.log[b]) % (self.q - 1)]


@functools.cache  # the same few fields again for each construction tried, and each divisor
def make_field(q: int) -> Field | None:
    pe = prime_power(q)
    if pe is None:
        return None
    p, e = pe
    if e == 1:
        return Field(p, 1, (), ())
    for poly in range(q, 2 * q):  # monic polynomials of degree e, as base-p digits
        powers = _powers_of_x(p, e, poly)
        if powers is not None:
            log = [0] * q
            for i, value in enumerate(powers):
                log[value] = i
            return Field(p, e, tuple(powers), tuple(log))
    return None  # pragma: no cover - a primitive polynomial always exists


def _powers_of_x(p: int, e: int, poly: int) -> list[int] | None:
    """x^0..x^(q-2) modulo `poly`, when x is primitive (all distinct and nonzero)."""
    q = p**e
    low = [(poly // p**i) % p for i in range(e)]  # x^e == -(low) modulo poly
    value = [1] + [0] * (e - 1)
    seen: list[int] = []
    marks = [False] * q
    for _ in range(q - 1):
        as_int = sum(c * p**i for i, c in enumerate(value))
        if as_int == 0 or marks[as_int]:
            return None
        marks[as_int] = True
        seen.append(as_int)
        top = value[-1]
        value = [0, *value[:-1]]
        value = [(v - top * c) % p for v, c in zip(value, low, strict=True)]
    return seen
