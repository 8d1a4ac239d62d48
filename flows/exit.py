"""A `wirehouse` command's exit without the interpreter's teardown.

After a run, Python's own teardown (every module and object freed one by one: Prefect, DuckDB,
pyarrow, numpy, the run's caches) took ~0.8 s of CPU and wall time, and the pool's forkserver and
resource tracker, which hold the command's output pipes, end only when the command has: a
scheduler or script reading the output waited that long after the last line. The command's main
marks its exit code here on its way out; the handler below, registered before any other
(`flows/__init__.py` imports this module first), so run after all of them (atexit is last in,
first out: Prefect's log and event flushes, logging's shutdown, multiprocessing's clean-up), then
flushes the standard streams and leaves with that code. Processes that never pass through the
command's main (tests, pool workers) are untouched; the forkserver leaves early on its own
(flows/pipeline_warm.py).
"""

from __future__ import annotations

import atexit
import os
import sys

_code: int | None = None


def leave_after_handlers(code: object) -> None:
    """Exit with `code` (a SystemExit's) once every other exit handler has run."""
    global _code
    _code = code if isinstance(code, int) else (0 if code is None else 1)


def _leave() -> None:
    if _code is None:
        return
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe or stream: nothing more can be said
            pass
    os._exit(_code)


atexit.register(_leave)
