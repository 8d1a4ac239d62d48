"""Running a flow from the command line: the API it talks to, signals, console noise, outcome.

* The Prefect API is chosen by `prefect_api.api_for` (PREFECT_API_URL, else this
  warehouse folder's `wirehouse server`, else a private temporary server that
  dies with this process).
* SIGTERM (timeout, systemd, container stops) is handled like Ctrl-C: the flow
  run is marked Crashed by Prefect's engine, the temporary server is stopped,
  and the command exits 143.
* A flow run started here carries the tags `wirehouse-cli` and
  `pid:<host>:<pid>:<start time>`; before each run, runs of this host still
  RUNNING or PENDING whose process is gone (killed with -9) are marked Crashed.
  Its task runs carry no tags (`_untagged_tasks` says why).
* Prefect's console keeps its progress lines but not error tracebacks: the
  command prints one line, and the full detail stays in the flow run's logs.
"""

from __future__ import annotations

import functools
import inspect
import logging
import os
import signal
import socket
import typing
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from .common import EXIT_BUSY, err, fail, first_line, styled

CLI_TAG = "wirehouse-cli"
EXIT_TERMINATED = 128 + signal.SIGTERM


def _start_time(pid: int) -> str | None:
    """The kernel's start time of a process (clock ticks since boot), to tell a reused pid apart."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return stat.rsplit(")", 1)[1].split()[19]


def process_tag(pid: int | None = None) -> str:
    pid = pid or os.getpid()
    return f"pid:{socket.gethostname()}:{pid}:{_start_time(pid) or '?'}"


def _process_gone(tag: str) -> bool:
    try:
        _, host, pid, started = tag.split(":", 3)
    except ValueError:
        return False
    if host != socket.gethostname() or not pid.isdigit():
        return False  # another machine's run: not ours to judge
    current = _start_time(int(pid))
    return current is None or (started != "?" and current != started)


def crash_dead_runs() -> list[str]:
    """Mark Crashed the RUNNING/PENDING flow runs that a wirehouse command on this host
    started and whose process no longer exists (e.g. killed with -9). Returns their names."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import (
        FlowRunFilter,
        FlowRunFilterState,
        FlowRunFilterStateType,
        FlowRunFilterTags,
    )
    from prefect.client.schemas.objects import StateType
    from prefect.states import Crashed

    crashed = []
    with get_client(sync_client=True) as client:
        runs = client.read_flow_runs(
            flow_run_filter=FlowRunFilter(
                tags=FlowRunFilterTags(all_=[CLI_TAG]),
                state=FlowRunFilterState(
                    type=FlowRunFilterStateType(any_=[StateType.RUNNING, StateType.PENDING])
                ),
            ),
            limit=200,
        )
        for run in runs:
            tag = next((t for t in run.tags if t.startswith("pid:")), None)
            if tag and _process_gone(tag):
                client.set_flow_run_state(
                    run.id,
                    Crashed(message="the wirehouse process running this flow run ended without finishing it"),
                    force=True,
                )
                crashed.append(run.name)
    return crashed


class _DropErrors(logging.Filter):
    """Keep Prefect's console to progress lines; errors are printed by the command as one line."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno < logging.ERROR


@contextmanager
def quiet_console() -> Iterator[None]:
    from prefect.logging.handlers import PrefectConsoleHandler

    flt = _DropErrors()
    handlers = {
        h
        for name in ("", "prefect", "prefect.flow_runs", "prefect.task_runs", "prefect.flow_engine")
        for h in logging.getLogger(name).handlers
        if isinstance(h, PrefectConsoleHandler)
    }
    for h in handlers:
        h.addFilter(flt)
    try:
        yield
    finally:
        for h in handlers:
            h.removeFilter(flt)


def _terminate(signum, frame):
    raise KeyboardInterrupt(f"signal {signum}")


_wakeup: list[int] = []  # read end of the signal wake-up pipe


def handle_sigterm() -> None:
    """SIGTERM unwinds like Ctrl-C (finally blocks, atexit: the temporary server stops).

    During a flow run Prefect's engine installs its own SIGTERM handler, and a signal
    landing inside a DuckDB query surfaces as "Query interrupted"; the wake-up pipe
    records every signal whatever handler ran, so `terminated()` still knows."""
    signal.signal(signal.SIGTERM, _terminate)
    if not _wakeup:
        with suppress(ValueError):  # not the main thread (e.g. inside a test runner)
            r, w = os.pipe()
            os.set_blocking(r, False)
            os.set_blocking(w, False)
            signal.set_wakeup_fd(w, warn_on_full_buffer=False)
            _wakeup.append(r)


def terminated() -> bool:
    """Whether SIGTERM or SIGINT arrived since `handle_sigterm`."""
    if not _wakeup:
        return False
    try:
        data = os.read(_wakeup[0], 512)
    except BlockingIOError:
        return False
    return bool({signal.SIGTERM, signal.SIGINT} & set(data))


def _mark_crashed(flow_run_id, message: str) -> None:
    from prefect.client.orchestration import get_client
    from prefect.states import Crashed

    with suppress(Exception), get_client(sync_client=True) as client:
        client.set_flow_run_state(flow_run_id, Crashed(message=message), force=True)


def _untagged_tasks(flow_obj):
    """A copy of `flow_obj` whose body runs outside the command's tags: they name the flow run,
    and task runs would inherit them. Prefect asks the API for tag concurrency slots before every
    tagged task run (the "no such limit" answer is cached for 5 s only), and a SQLite-backed
    server busy writing events answers 503 "database is locked", which the client retries after
    ~2 s: measured, every other chunk of a streaming ingest waited ~2 s for its `load` task
    run to start (any task run starting over 5 s after the last check could)."""
    from prefect.context import TagsContext

    fn = flow_obj.fn

    @functools.wraps(fn)
    def body(*args, **kwargs):
        with TagsContext(current_tags=set()):
            return fn(*args, **kwargs)

    # Prefect validates the parameters against the body's signature and type hints: fn's, resolved
    # in fn's module (its annotations are strings, and this module does not define their names)
    body.__signature__ = inspect.signature(fn, eval_str=True)  # type: ignore[attr-defined]
    body.__annotations__ = typing.get_type_hints(fn, include_extras=True)

    untagged = flow_obj.with_options()
    untagged.fn = body
    return untagged


def run_flow(flow_obj, warehouse: Path, /, **params: Any) -> tuple[Any, Any]:
    """Run `flow_obj(**params)` as a Prefect flow run; returns (its result, its final state).

    An exception raised by the flow becomes one line on standard error (exit 1, or
    75 when the warehouse was busy); the flow run is Failed in Prefect with the
    full traceback in its logs.
    """
    from prefect import tags
    from prefect.exceptions import TerminationSignal
    from prefect.settings import PREFECT_API_URL, temporary_settings

    from warehouse.access import WarehouseBusy
    from warehouse.db import WarehouseError

    from .prefect_api import ServerError, api_for

    handle_sigterm()
    try:
        api_url, _how = api_for(warehouse)
    except ServerError as exc:
        fail(str(exc))
    except KeyboardInterrupt:
        fail("interrupted before the flow run started", EXIT_TERMINATED)
    with temporary_settings({PREFECT_API_URL: api_url}), quiet_console():
        with suppress(Exception):  # bookkeeping only: never in the way of the run itself
            for name in crash_dead_runs():
                note = f" flow run {name} was left running by a killed process; marked Crashed"
                err.print(styled(("note:", "yellow"), note))
        try:
            with tags(CLI_TAG, process_tag()):
                state = _untagged_tasks(flow_obj)(**params, return_state=True)
        except (KeyboardInterrupt, TerminationSignal):
            fail("interrupted; the flow run is marked Crashed", EXIT_TERMINATED)
        result = state.result(raise_on_failure=False)
        if terminated() and not state.is_completed():
            _mark_crashed(state.state_details.flow_run_id, "the wirehouse command was terminated (SIGTERM)")
            fail("terminated; the flow run is marked Crashed", EXIT_TERMINATED)
    if isinstance(result, WarehouseBusy):
        fail(str(result), EXIT_BUSY)
    if isinstance(result, WarehouseError | ValueError | OSError):
        fail(first_line(result))
    if isinstance(result, BaseException):
        fail(
            f"{type(result).__name__}: {first_line(result)} (flow run {state.state_details.flow_run_id}: see its logs)"
        )
    return result, state
