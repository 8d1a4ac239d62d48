"""CPU per test, for finding what the suite spends: `WIREHOUSE_TEST_CPU=FILE pytest ...` appends
one line per test to FILE: CPU seconds of the test's process (user+sys), of the child processes
it waited for, wall seconds, node id (tab-separated; setup and teardown included, so a module
fixture counts in the first test that uses it). Wall time on a shared machine depends on its
load; CPU seconds much less. Processes nobody waits for (the shared Prefect server) are not in it."""

from __future__ import annotations

import os
import resource
import time

import pytest


def _cpu() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


class CpuTime:
    def __init__(self, path: str):
        self.path = path

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_protocol(self, item: pytest.Item, nextitem: pytest.Item | None):
        before, start = _cpu(), time.monotonic()
        yield
        after = _cpu()
        with open(self.path, "a") as out:
            out.write(
                f"{after[0] - before[0]:.2f}\t{after[1] - before[1]:.2f}\t"
                f"{time.monotonic() - start:.2f}\t{item.nodeid}\n"
            )


def register(config: pytest.Config) -> None:
    path = os.environ.get("WIREHOUSE_TEST_CPU")
    if path:
        config.pluginmanager.register(CpuTime(path), "wirehouse-cpu-time")
