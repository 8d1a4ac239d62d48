"""Scale-out on DuckLake with real processes: the same story committed by two writers at once
ends as one story; a Prefect server on PostgreSQL with two process workers runs two ingest
shards into one lake while an analyst reads. Needs PostgreSQL on 127.0.0.1 (one line names
what is missing otherwise; never skipped)."""

from __future__ import annotations

import json
import multiprocessing as mp
import subprocess
import sys
import uuid
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.backends import lake, raw_connect
from tests.ops_support import ROOT, WIREHOUSE, start, subprocess_env, wait_for
from tests.test_warehouse import STORY_A, STORY_B, article, batch
from warehouse import dedup, load
from warehouse.session import Warehouse

pytestmark = pytest.mark.slow


def _one_copy(i: int, body: str):
    """Chunk i: one copy of `body` from its own source, with its own raw payload."""
    chunk = batch(f"r{i}", [article(i, body=body, source=f"s{i}", raw_doc_id=f"d{i}")])
    raw = replace(chunk.raw_documents[0], doc_id=f"d{i}", source=f"s{i}")
    return replace(chunk, raw_documents=[raw])


def _writer(db: str, data: str, i: int, body: str, barrier, reconcile: bool, out) -> None:
    """A writer process: assign and write its copy, wait until the other writer has done the same
    (both transactions open, neither sees the other's copy), commit; then reconcile."""
    import os

    os.environ["WIREHOUSE_DATA_PATH"] = data
    chunk = _one_copy(i, body)
    prepared = dedup.prepare(chunk.articles)
    with Warehouse.open(db, job="test") as wh:
        with wh.transaction():
            assignment = wh.assign_stories(prepared, chunk.run.run_id)
            arts = [replace(a, story_id=assignment.story_ids[a.article_id]) for a in chunk.articles]
            load.write_chunk(wh._con, replace(chunk, articles=arts), assignment.affected)
            barrier.wait(60)
        merges = wh._committed(lambda: wh._reconcile(prepared, chunk.run.run_id)) if reconcile else []
    out.put((i, len(merges)))


def _race(db: str, data: str, ids: tuple[int, int], body: str, reconcile: bool) -> list[tuple[int, int]]:
    ctx = mp.get_context("fork")
    barrier, out = ctx.Barrier(2), ctx.Queue()
    procs = [ctx.Process(target=_writer, args=(db, data, i, body, barrier, reconcile, out)) for i in ids]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
    assert [p.exitcode for p in procs] == [0, 0]
    return sorted(out.get(timeout=5) for _ in procs)


def test_one_story_committed_by_two_writers_at_once(tmp_path, monkeypatch):
    """Two processes each found a story for a copy of one text in transactions open at the same
    time. Committed alone (round 1, STORY_A) the story splits: what reconciliation is for. With
    the post-commit reconciliation that `Warehouse.load_chunk` runs on DuckLake (round 2,
    STORY_B) it ends as one story, and the merge is in story_merges."""
    with lake(tmp_path) as (db, data):
        monkeypatch.setenv("WIREHOUSE_DATA_PATH", str(data))
        Warehouse.open(db, job="migrate", migrate=True).close()
        split = _race(db, str(data), (1, 2), STORY_A, reconcile=False)
        merged = _race(db, str(data), (3, 4), STORY_B, reconcile=True)
        con = raw_connect(db)
        try:
            per_pair = con.execute(
                "SELECT count(DISTINCT story_id) FROM articles GROUP BY article_id IN ('a1', 'a2') ORDER BY 1"
            ).fetchall()
            keys = con.execute("SELECT count(DISTINCT article_key) FROM article_signatures").fetchone()[0]
            copies = con.execute(
                "SELECT n_copies FROM stories JOIN articles USING (story_id) WHERE article_id = 'a3'"
            ).fetchall()
            merges = con.execute("SELECT from_story, into_story, article_id FROM story_merges").fetchall()
            into = con.execute("SELECT story_id FROM articles WHERE article_id = 'a4'").fetchone()[0]
        finally:
            con.close()
    assert split == [(1, 0), (2, 0)]
    assert keys == 4  # no two copies share an article_key, even committed at once
    assert per_pair == [(1,), (2,)]  # STORY_B: one story; STORY_A (not reconciled): split in two
    assert copies == [(2,)]
    assert sum(n for _, n in merged) == 1 and len(merges) == 1 and merges[0][1] == into


# -- a Prefect server on PostgreSQL, two process workers, two ingest shards into one lake ---------

PREFECT = str(Path(sys.executable).parent / "prefect")
POOL = "wirehouse-scale-test"
SHARDS = ("1/2", "2/2")  # of the demo sources: ians + menafn | outlet + wam (flows/sources.py shard_of)
GATED = ("/feeds/ians.xml", "/feeds/outlet.atom")  # one feed per shard, held until both runs run
# the demo corpus (flows/demo/corpus/README.md): 55 copies, 42 stories, 8 of them with copies
# in both shards (seed, sensex, isro, cricket, upi, startup: ians and outlet; wam_trade,
# wam_ncm: wam and menafn)
DEMO_ARTICLES, DEMO_STORIES, CROSS_SHARD_STORIES = 55, 42, 8


def _deployments(path: Path, db: str) -> Path:
    """prefect.yaml's ingest deployment, twice: one per shard, unscheduled, in the test's pool."""
    import yaml

    doc = yaml.safe_load((ROOT / "prefect.yaml").read_text())
    [ingest] = [d for d in doc["deployments"] if d["entrypoint"] == "flows/ingest.py:ingest"]
    deps = []
    for k, shard in enumerate(SHARDS, 1):
        dep = {key: v for key, v in ingest.items() if key not in ("schedules", "parameters", "work_pool")}
        dep["name"] = f"shard-{k}"
        dep["parameters"] = {
            "sources_file": str(path.parent / "sources.toml"),
            "db": db,
            "shard": shard,
            "chunk_size": 8,  # several commits per run, interleaved with the other run's
            "workers": 0,
            # a held feed is answered when both runs run: never time out waiting for it
            "settings": {"read_timeout": 300.0, "total_timeout": 300.0},
        }
        dep["work_pool"] = {"name": POOL}
        deps.append(dep)
    path.write_text(yaml.safe_dump({"name": "wirehouse-scale-test", "deployments": deps}))
    return path


_T0 = [0.0]


def _trace(what: str) -> None:
    import os
    import time

    if os.environ.get("WIREHOUSE_TEST_TRACE"):
        now = time.monotonic()
        _T0[0] = _T0[0] or now
        print(f"[{now - _T0[0]:6.1f}s] {what}", file=sys.stderr, flush=True)


def _run(args: list[str], env: dict[str, str], timeout: float = 180) -> str:
    done = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"{' '.join(args[:3])}: {done.stderr[-2000:]}{done.stdout[-1000:]}"
    return done.stdout


def _output_of_stopped(proc: subprocess.Popen, grace: float = 60) -> tuple[str, str]:
    """(stdout, stderr) of a process sent SIGTERM; SIGKILL after `grace` seconds: a Prefect worker
    can hang in its shutdown, forwarding SIGINT to a flow-run process that is gone (seen once in
    a fresh-clone suite, after both runs had completed)."""
    try:
        return proc.communicate(timeout=grace)
    except subprocess.TimeoutExpired:
        proc.kill()
        return proc.communicate()


def test_prefect_server_on_postgres_two_workers_two_shards_one_lake(tmp_path, monkeypatch):
    """`wirehouse server --database postgresql://...` (its own database), a process work pool,
    `prefect deploy --all`, two workers each taking one ingest shard, both runs loading into one
    DuckLake at the same time (each shard's first feed is held until both runs are running)
    while an analyst queries it: every copy lands once, and the stories arriving through both
    shards are one story each."""
    import threading

    from prefect.client.orchestration import get_client
    from prefect.client.schemas.actions import WorkPoolCreate
    from prefect.settings import PREFECT_API_URL, temporary_settings

    from flows.commands.prefect_api import free_port, healthy
    from flows.demo.server import CORPUS, SOURCES, CorpusServer
    from tests.backends import PG, _psql
    from tests.test_ducklake import ANALYST

    _trace("start")
    prefect_db = f"wh_prefect_{uuid.uuid4().hex[:12]}"
    _psql(f"CREATE DATABASE {prefect_db}")
    procs: list[subprocess.Popen] = []
    gate = threading.Event()

    def held(h) -> None:
        gate.wait(120)
        h._serve_file(urlsplit(h.path).path)

    try:
        with lake(tmp_path) as (db, data), CorpusServer(CORPUS, dict.fromkeys(GATED, held)) as corpus:
            port = free_port()
            api = f"http://127.0.0.1:{port}/api"
            env = subprocess_env(WIREHOUSE_DATA_PATH=str(data), PREFECT_API_URL=api)
            # the server: what `wirehouse server --database` runs, less what this test does not use
            # (the UI, the scheduler: the runs are started by hand), which saves start-up time
            server_env = {k: v for k, v in env.items() if k != "PREFECT_API_URL"}
            server_env.update(PREFECT_UI_ENABLED="false", PREFECT_SERVER_SERVICES_SCHEDULER_ENABLED="false")
            kw = dict(part.split("=", 1) for part in PG.split())  # WIREHOUSE_TEST_PG, as a URL
            pg_url = (
                f"postgresql://{kw.get('user', 'postgres')}@{kw.get('host', '127.0.0.1')}:"
                f"{kw.get('port', '5432')}/{prefect_db}"
            )
            server_args = ["server", "--db", str(tmp_path / "news.duckdb"), "--port", str(port)]
            procs.append(start([*WIREHOUSE, *server_args, "--database", pg_url], server_env))
            # while the server starts: the lake, migrated once by the operator, and the deployments
            monkeypatch.setenv("WIREHOUSE_DATA_PATH", str(data))
            Warehouse.open(db, job="migrate", migrate=True).close()
            (tmp_path / "sources.toml").write_text(SOURCES.read_text().replace("{{BASE}}", corpus.base_url))
            prefect_file = _deployments(tmp_path / "prefect.yaml", db)
            _trace("lake migrated")
            wait_for(lambda: healthy(api) or procs[0].poll() is not None, 600, "the Prefect server", 0.5)
            assert procs[0].poll() is None, procs[0].communicate()[1][-2000:]
            _trace("server up")
            # the pool (`prefect work-pool create POOL --type process`, done here through the API),
            # then the workers start while `prefect deploy --all` registers the deployments
            with temporary_settings({PREFECT_API_URL: api}), get_client(sync_client=True) as client:
                client.create_work_pool(WorkPoolCreate(name=POOL, type="process"), overwrite=True)
            worker_env = {**env, "PREFECT_LOGGING_LEVEL": "INFO", "PREFECT_WORKER_QUERY_SECONDS": "1"}
            workers = [
                start(
                    [PREFECT, "worker", "start", "--pool", POOL, "--name", f"w{k}", "--limit", "1"],
                    worker_env,
                )
                for k in (1, 2)
            ]
            procs += workers
            stop = tmp_path / "stop"
            analyst = start([sys.executable, "-c", ANALYST, db, str(stop), str(ROOT)], env)
            procs.append(analyst)
            _run([PREFECT, "--no-prompt", "deploy", "--all", "--prefect-file", str(prefect_file)], env)
            _trace("deployed")

            with temporary_settings({PREFECT_API_URL: api}), get_client(sync_client=True) as client:
                from prefect.deployments import run_deployment

                runs = [run_deployment(f"ingest/shard-{k}", timeout=0) for k in (1, 2)]

                def states():
                    return [client.read_flow_run(r.id).state for r in runs]

                # both runs running at once (each on its worker), then let their feeds through
                wait_for(lambda: all(s and s.is_running() for s in states()), 240, "both runs to start", 0.5)
                _trace("both running")
                gate.set()
                wait_for(lambda: all(s and s.is_final() for s in states()), 300, "both runs to end", 0.5)
                _trace("both ended")
                final = [client.read_flow_run(r.id) for r in runs]
            stop.touch()
            a_out, a_err = analyst.communicate(timeout=60)
            for w in workers:
                w.terminate()
            logs = [_output_of_stopped(w) for w in workers]

            assert [f.state.type.value for f in final] == ["COMPLETED", "COMPLETED"], [f.state for f in final]
            first_end = min(f.end_time for f in final)
            assert all(f.start_time < first_end for f in final)  # the two runs overlapped
            # the worker that started a run's process says so ("submitting" alone is no proof:
            # a worker may try a run that the other one already took, and be told to abort)
            picked = [
                {f.name for f in final if f"Flow run '{f.name}' submitted to infrastructure" in out + err}
                for out, err in logs
            ]
            assert sorted(len(p) for p in picked) == [1, 1] and picked[0] != picked[1]  # one run each
            report = json.loads([ln for ln in a_out.splitlines() if ln.startswith("{")][-1])
            assert report["queries"] >= 2 and max(report["seen"]) <= DEMO_ARTICLES, a_err[-500:]

            con = raw_connect(db)
            try:
                n, distinct = con.execute(
                    "SELECT count(*), count(DISTINCT article_id) FROM articles"
                ).fetchone()
                stories = con.execute("SELECT count(*), count(DISTINCT story_id) FROM stories").fetchone()
                used = con.execute("SELECT count(DISTINCT story_id) FROM articles").fetchone()[0]
                cross = con.execute(
                    "SELECT count(*) FROM (SELECT story_id FROM articles GROUP BY story_id "
                    "HAVING count(DISTINCT source IN ('ians', 'menafn')) = 2)"
                ).fetchone()[0]
                run_rows = con.execute(
                    "SELECT scope, status FROM runs WHERE flow = 'ingest' ORDER BY scope"
                ).fetchall()
            finally:
                con.close()
            assert n == distinct == DEMO_ARTICLES  # nothing lost, nothing duplicated
            assert stories == (DEMO_STORIES, DEMO_STORIES) and used == DEMO_STORIES  # no split story
            assert cross == CROSS_SHARD_STORIES  # stories that came through both shards: one each
            assert run_rows == [("1/2", "completed"), ("2/2", "completed")]
    finally:
        gate.set()
        for p in reversed(procs):
            if p.poll() is None:
                p.terminate()
                try:
                    p.wait(30)
                except subprocess.TimeoutExpired:
                    p.kill()
        _psql(f"DROP DATABASE IF EXISTS {prefect_db} WITH (FORCE)")
