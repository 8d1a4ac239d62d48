"""Longest tests first: under pytest-xdist the two workers take tests one at a time from a queue in
collection order, so a minute-long test collected last keeps one worker busy while the other
has nothing left to do. The tests named in longest.txt (their wall time on a quiet machine,
longest first) are moved to the front; everything else keeps its order."""

from __future__ import annotations

from pathlib import Path

import pytest

LONGEST = Path(__file__).with_name("longest.txt")


def prefixes(text: str) -> list[str]:
    """Node id prefixes of longest.txt, in its order (comments and blank lines left out)."""
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return [line for line in lines if line]


def rank(nodeid: str, order: list[str]) -> int:
    """The position of the first prefix naming `nodeid`; len(order) when none does."""
    return next((i for i, p in enumerate(order) if nodeid.startswith(p)), len(order))


class LongestFirst:
    """Registered by conftest.py; runs after pytest grouped tests by their shared fixtures."""

    @pytest.hookimpl(trylast=True)
    def pytest_collection_modifyitems(self, items: list[pytest.Item]) -> None:
        order = prefixes(LONGEST.read_text())
        items.sort(key=lambda item: rank(item.nodeid, order))  # stable: the rest keep their order
