"""How pytest-xdist deals the tests to its two workers.

xdist_group marks: pytest-xdist 3.8 puts a test in its group by appending `@group` to
`item._nodeid`, which pytest 9 no longer reads (a node's id is `item._id`): every group's tests
were dealt to both workers, and each worker built the group's module fixtures again. Here the
group is appended to the id pytest 9 reads (when nothing appended it yet).

Longest tests first: the workers take tests one at a time from a queue in collection order,
so a minute-long test collected last keeps one worker busy while the other has nothing left
to do. The tests named in longest.txt (longest first) are moved to the front; everything else
keeps its order."""

from __future__ import annotations

from pathlib import Path

import pytest
from _pytest.nodeid import NodeId

LONGEST = Path(__file__).with_name("longest.txt")


def prefixes(text: str) -> list[str]:
    """Node id prefixes of longest.txt, in its order (comments and blank lines left out)."""
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return [line for line in lines if line]


def rank(nodeid: str, order: list[str]) -> int:
    """The position of the first prefix naming `nodeid`; len(order) when none does."""
    return next((i for i, p in enumerate(order) if nodeid.startswith(p)), len(order))


def in_group(item: pytest.Item) -> None:
    """Append the item's xdist_group names to its node id, as pytest-xdist's loadgroup reads them."""
    names = {
        str(m.args[0] if m.args else m.kwargs.get("name", "default"))
        for m in item.iter_markers("xdist_group")
    }
    if names and "@" not in item.nodeid.rsplit("]", 1)[-1]:
        item._id = NodeId.parse(f"{item.nodeid}@{'_'.join(sorted(names))}")  # type: ignore[attr-defined]


class LongestFirst:
    """Registered by conftest.py; runs after pytest grouped tests by their shared fixtures."""

    @pytest.hookimpl(trylast=True)
    def pytest_collection_modifyitems(self, config: pytest.Config, items: list[pytest.Item]) -> None:
        if getattr(config.option, "loadgroup", False):  # a pytest-xdist worker under --dist loadgroup
            for item in items:
                in_group(item)
        order = prefixes(LONGEST.read_text())
        items.sort(key=lambda item: rank(item.nodeid, order))  # stable: the rest keep their order
