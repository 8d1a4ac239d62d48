"""Helpers shared by the operations tests: the ops fixture corpus and real subprocesses."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from functools import cache
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
OPS = Path(__file__).resolve().parent / "data" / "ops"
CORPUS = OPS / "corpus"
SOURCES = OPS / "sources.toml"
WIREHOUSE = [str(Path(sys.executable).parent / "wirehouse")]
N_ARTICLES, N_STORIES = 8, 7


def write_sources(tmp: Path, base_url: str, name: str = "sources.toml") -> Path:
    """The ops sources file with {{BASE}} resolved (for processes that get no --base-url)."""
    path = tmp / name
    path.write_text(SOURCES.read_text().replace("{{BASE}}", base_url))
    return path


def subprocess_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        PREFECT_LOGGING_LEVEL="WARNING",
        PYTHONPATH=str(ROOT),
        COLUMNS="200",
    )
    env.update(extra)
    return env


def harness_api_url() -> str:
    """API URL of the session's prefect_test_harness, so subprocesses skip starting their own server."""
    from prefect.settings import PREFECT_API_URL

    return PREFECT_API_URL.value()


@cache
def http() -> httpx.Client:
    """One HTTP client for the tests that poll a Prefect API: `httpx.get` or `httpx.post` makes a
    client per request, about 65 ms of CPU each (its SSL context loads the CA bundle), and these
    tests poll every 0.3-0.5 s for minutes on a loaded machine."""
    return httpx.Client(timeout=30)


def api_json(method: str, url: str, **kw):
    """The JSON answer of a poll of a Prefect API; None (not yet) when it did not answer: a server
    busy with other flow runs on a loaded machine can take longer than one poll."""
    try:
        return http().request(method, url, **kw).json()
    except httpx.HTTPError:
        return None


def start(args: list[str], env: dict[str, str], **kw) -> subprocess.Popen:
    return subprocess.Popen(
        args, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw
    )


def wait_for(predicate, timeout: float, what: str, poll: float = 0.05):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(poll)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")


def slow_file_route(root: Path, name: str, delay: float):
    """A CorpusServer route that serves root/name after `delay` seconds (a slow feed keeps a run busy)."""

    def handler(h):
        time.sleep(delay)
        data = (root / name).read_bytes().replace(b"{{BASE}}", h.server.base_url.encode())
        h.send_response(200)
        h.send_header("Content-Type", "application/rss+xml; charset=utf-8")
        h.send_header("Content-Length", str(len(data)))
        h.end_headers()
        h.wfile.write(data)

    return handler


def gated_file_route(root: Path, name: str, gate, timeout: float = 120.0, trickle: float = 2.0):
    """A CorpusServer route that serves root/name once `gate` (a threading.Event) is set: a run stays
    busy exactly as long as the test needs, however slowly the machine starts the other processes.

    While it waits it sends the headers and then one byte every `trickle` seconds, so the client's
    read timeout (10 s) does not end the attempt early: each attempt lasts up to the client's total
    timeout (30 s), three attempts about a minute and a half."""

    def handler(h):
        data = (root / name).read_bytes().replace(b"{{BASE}}", h.server.base_url.encode())
        h.send_response(200)
        h.send_header("Content-Type", "application/rss+xml; charset=utf-8")
        h.send_header("Content-Length", str(len(data)))
        h.end_headers()
        h.wfile.flush()
        deadline = time.monotonic() + timeout
        sent = 0
        while not gate.wait(trickle) and time.monotonic() < deadline and sent < len(data) - 1:
            h.wfile.write(data[sent : sent + 1])
            h.wfile.flush()
            sent += 1
        h.wfile.write(data[sent:])

    return handler
