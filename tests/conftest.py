"""Shared fixtures: one Prefect test harness per session, real HTTP servers, real DuckDB files."""

from __future__ import annotations

import os
import sys

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")

from pathlib import Path

import pytest

from flows.demo.server import CORPUS, CorpusServer

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SHARED = ROOT.parent / "shared"


@pytest.hookimpl(trylast=True)  # after pytest's own configure made the session's tmp folder
def pytest_configure(config):
    """Longest tests first (tests/longest.py); bytecode for the session's processes when the
    environment forbids writing it.

    With PYTHONDONTWRITEBYTECODE set (this machine's image sets it) every Python process compiles
    every module it imports from source: a `wirehouse` process or a Prefect server spends about
    2 s of its ~4 s of start-up CPU compiling Prefect, and the suite starts a few hundred of
    them. The controller (before pytest-xdist starts the workers) points this process and
    every process started after it at one bytecode folder in the session's tmp folder
    (PYTHONPYCACHEPREFIX): each module is compiled once per session, and nothing is written
    beside the sources or in .venv. Then, in a whole-suite run, the shared Prefect server
    is launched (tests/prefect_server.py, `start_early`)."""
    from tests.longest import LongestFirst

    config.pluginmanager.register(LongestFirst(), "wirehouse-longest-first")
    from tests.cputime import register

    register(config)  # WIREHOUSE_TEST_CPU=FILE: CPU seconds per test (tests/cputime.py)
    if hasattr(config, "workerinput"):
        return
    if sys.dont_write_bytecode or os.environ.get("PYTHONDONTWRITEBYTECODE"):
        prefix = config._tmp_path_factory.getbasetemp() / "pycache"
        os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
        os.environ["PYTHONPYCACHEPREFIX"] = str(prefix)
        sys.dont_write_bytecode = False
        sys.pycache_prefix = str(prefix)
    if _whole_suite_on_workers(config):
        from tests.prefect_server import start_early

        start_early(config._tmp_path_factory.getbasetemp())


def _whole_suite_on_workers(config) -> bool:
    """The README's `pytest` (every test, on pytest-xdist workers): its flow tests are the first
    the workers take (tests/longest.txt), so the shared Prefect server is launched before the
    workers start. A run of some modules, a marker or keyword selection (`-m "not slow"`) or
    `-n 0` starts it when a test first needs it, if one does."""
    opt = config.option
    workers = getattr(opt, "numprocesses", None)
    return bool(
        workers
        and getattr(opt, "dist", "no") != "no"
        and not opt.collectonly
        and not opt.markexpr
        and not opt.keyword
        and not getattr(opt, "lf", False)
        and [Path(a).resolve() for a in config.args] == [ROOT / "tests"]
    )


def pytest_collection_modifyitems(items):
    """Tests that run Prefect flows (a Prefect server, real flow runs) are `slow`:
    `pytest -m "not slow"` is the fast subset (pure code, CLI, warehouse, HTTP)."""
    for item in items:
        if "prefect_harness" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session", autouse=True)
def search_cache_dir(tmp_path_factory):
    """Lake readers' search-index caches (warehouse/search.py) go to the session's tmp folder, never
    the home directory; each test lake is its own PostgreSQL database, so its own cache file."""
    path = tmp_path_factory.mktemp("search-cache")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("WIREHOUSE_CACHE_DIR", str(path))
        yield path


@pytest.fixture(scope="session")
def prefect_harness(request, tmp_path_factory):
    """A real (temporary) Prefect server for flow runs; started once per session, only by tests
    that run flows: under pytest-xdist the first worker that needs it starts it and every worker
    uses it (tests/prefect_server.py); in one process, Prefect's own test harness. The start-up
    may take minutes on a loaded 2-core machine."""
    if not hasattr(request.config, "workerinput"):
        from prefect.testing.utilities import prefect_test_harness

        with prefect_test_harness(server_startup_timeout=300):
            yield
        return
    from tests.prefect_server import shared_server

    # the workers' temporary folders share a parent; the controller is the workers' parent process
    with shared_server(tmp_path_factory.getbasetemp().parent, os.getppid()):
        yield


def pytest_sessionfinish(session):
    """The controller (or a run without xdist) stops the workers' shared Prefect server."""
    if not hasattr(session.config, "workerinput"):
        from tests.prefect_server import stop_shared

        stop_shared(session.config._tmp_path_factory.getbasetemp())


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "news.duckdb"


@pytest.fixture
def corpus_server():
    """The demo corpus on a real 127.0.0.1 port."""
    with CorpusServer(CORPUS) as server:
        yield server


@pytest.fixture
def server_factory():
    """Start servers over any folder (and fault routes); all stopped at teardown."""
    servers = []

    def make(root: Path, routes=None) -> CorpusServer:
        s = CorpusServer(root, routes).start()
        servers.append(s)
        return s

    yield make
    for s in servers:
        s.stop()


def pytest_generate_tests(metafunc):
    """`warehouse_db` (or `fresh_warehouse_db`) runs the test once per backend of
    WIREHOUSE_TEST_BACKEND (tests/backends.py), unless the test pins it with its own
    `@pytest.mark.parametrize("warehouse_db", ["file"], indirect=True)`."""
    pinned = {
        name.strip()
        for mark in metafunc.definition.iter_markers("parametrize")
        for name in (mark.args[0].split(",") if isinstance(mark.args[0], str) else mark.args[0])
    }
    for name in ("warehouse_db", "fresh_warehouse_db"):
        if name in metafunc.fixturenames and name not in pinned:
            from tests.backends import backends

            metafunc.parametrize(name, backends(), indirect=True)


@pytest.fixture(scope="session")
def warehouse_templates(tmp_path_factory):
    """The session's migrated, empty warehouses that `warehouse_db` copies (tests/backends.py)."""
    from tests.backends import Templates

    templates = Templates(tmp_path_factory.mktemp("templates"))
    yield templates
    templates.close()


@pytest.fixture
def warehouse_db(request, tmp_path, monkeypatch):
    """A migrated, empty warehouse of the test's own, as a `--db` value on the backend under test:
    a file path, or a DuckLake (`ducklake:postgres:...`, its own PostgreSQL database, dropped at
    teardown, WIREHOUSE_DATA_PATH set to its own Parquet folder). A copy of the session's
    template (seconds faster on DuckLake than migrating); `fresh_warehouse_db` is one that
    does not exist yet."""
    from tests.backends import migrated_file, migrated_lake

    templates = request.getfixturevalue("warehouse_templates")
    if request.param == "file":
        yield str(migrated_file(templates, tmp_path / "news.duckdb"))
        return
    with migrated_lake(templates, tmp_path) as (spec, data):
        monkeypatch.setenv("WIREHOUSE_DATA_PATH", str(data))
        yield spec


@pytest.fixture
def fresh_warehouse_db(request, tmp_path, monkeypatch):
    """Like `warehouse_db`, but nothing is there yet: the first writer creates and migrates it
    (a file path that does not exist; an empty PostgreSQL database, WIREHOUSE_DATA_PATH set)."""
    if request.param == "file":
        yield str(tmp_path / "news.duckdb")
        return
    from tests.backends import lake

    with lake(tmp_path) as (spec, data):
        monkeypatch.setenv("WIREHOUSE_DATA_PATH", str(data))
        yield spec
