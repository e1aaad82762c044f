"""Argument types shared by the crawl command's option groups: argparse reports their
`ArgumentTypeError` message as ``argument --flag: <message>`` (exit status 2)."""

from __future__ import annotations

import argparse


def count(text: str) -> int:
    """A whole number ≥ 0."""
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"expected a whole number ≥ 0, not {text!r}")
    return int(text)


def at_least_one(text: str) -> int:
    """A whole number ≥ 1."""
    value = count(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number ≥ 1, not {text!r}")
    return value


def number(text: str) -> float:
    """A number ≥ 0 (seconds, megabytes)."""
    return _non_negative(text, "a number")


def seconds(text: str) -> float:
    """A number of seconds ≥ 0."""
    return _non_negative(text, "a number of seconds")


def _non_negative(text: str, what: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected {what}, not {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected a number ≥ 0, not {text!r}")
    return value
