"""`wirehouse serve`: run every deployment of prefect.yaml on this machine.

prefect.yaml is the single declaration of schedules and parameters; this
command turns each entry into `flow.to_deployment(...)` and hands them all to
Prefect's `serve`, which registers them with the Prefect API and executes
scheduled and manually triggered runs here until stopped. The API is
PREFECT_API_URL, else the warehouse folder's `wirehouse server`, else that
server started here (Prefect's temporary per-process server cannot serve).
"""

from __future__ import annotations

import importlib
import inspect
from pathlib import Path
from typing import Any

import typer

from .common import DbOption, db_path, err, fail, out

ROOT = Path(__file__).resolve().parent.parent.parent
PREFECT_FILE = ROOT / "prefect.yaml"


class DeploymentFileError(ValueError):
    pass


def read_deployments(path: Path) -> list[dict[str, Any]]:
    import yaml

    try:
        doc = yaml.safe_load(path.read_text())
    except OSError as exc:
        raise DeploymentFileError(f"cannot read {path}: {exc.strerror}") from None
    except yaml.YAMLError as exc:
        raise DeploymentFileError(f"{path}: not valid YAML: {str(exc).splitlines()[0]}") from None
    deps = (doc or {}).get("deployments")
    if not isinstance(deps, list) or not deps:
        raise DeploymentFileError(f"{path}: no deployments")
    for i, d in enumerate(deps, 1):
        if not isinstance(d, dict) or not d.get("name") or not d.get("entrypoint"):
            raise DeploymentFileError(f"{path}: deployment #{i} needs a name and an entrypoint")
    return deps


def load_flow(entrypoint: str, root: Path = ROOT):
    """`flows/ingest.py:ingest` -> the flow object, imported as module flows.ingest."""
    file, sep, attr = entrypoint.partition(":")
    if not sep or not file.endswith(".py"):
        raise DeploymentFileError(f"entrypoint {entrypoint!r} must look like path/to/file.py:flow")
    if not (root / file).is_file():
        raise DeploymentFileError(f"entrypoint {entrypoint!r}: {file} does not exist")
    module = importlib.import_module(file[:-3].replace("/", "."))
    try:
        return getattr(module, attr)
    except AttributeError:
        raise DeploymentFileError(f"entrypoint {entrypoint!r}: {file} has no {attr}") from None


def build_deployments(deps: list[dict], overrides: dict[str, Any], only: list[str] | None = None):
    from prefect.deployments.runner import EntrypointType
    from prefect.schedules import Cron, Interval, RRule

    out = []
    for d in deps:
        flow_obj = load_flow(d["entrypoint"])
        full_name = f"{flow_obj.name}/{d['name']}"
        if only and full_name not in only and d["name"] not in only and flow_obj.name not in only:
            continue
        accepted = inspect.signature(flow_obj.fn).parameters
        params = dict(d.get("parameters") or {})
        params.update({k: v for k, v in overrides.items() if v is not None and k in accepted})
        schedules = []
        for s in d.get("schedules") or []:
            active = s.get("active", True)
            if "cron" in s:
                schedules.append(Cron(s["cron"], timezone=s.get("timezone"), active=active))
            elif "interval" in s:
                schedules.append(Interval(s["interval"], timezone=s.get("timezone"), active=active))
            elif "rrule" in s:
                schedules.append(RRule(s["rrule"], timezone=s.get("timezone"), active=active))
            else:
                raise DeploymentFileError(f"deployment {full_name}: schedule needs cron, interval or rrule")
        out.append(
            flow_obj.to_deployment(
                name=d["name"],
                description=d.get("description"),
                tags=d.get("tags"),
                parameters=params,
                schedules=schedules,
                concurrency_limit=d.get("concurrency_limit"),
                entrypoint_type=EntrypointType.MODULE_PATH,
            )
        )
    return out


def _db_parameter(db: Path | None) -> str | None:
    """The deployments' `db`: a file path made absolute (runs start elsewhere); a DuckLake spec
    (`ducklake:postgres:...`) as given."""
    from warehouse.backend import DUCKLAKE_PREFIX

    if db is None:
        return None
    return str(db) if str(db).startswith(DUCKLAKE_PREFIX) else str(db.resolve())


def serve(
    prefect_file: Path = typer.Option(PREFECT_FILE, "--prefect-file", help="Deployments to serve."),
    db: Path | None = DbOption,
    sources: Path | None = typer.Option(
        None,
        "--sources",
        show_default=False,
        help="Sources file for ingest deployments [default: sources.toml].",
    ),
    only: list[str] | None = typer.Option(
        None, "--only", help="Serve only this deployment (flow/name); repeatable."
    ),
    limit: int | None = typer.Option(None, "--limit", min=1, help="Most flow runs executing at once."),
    port: int = typer.Option(
        4200, "--port", min=1, max=65535, help="Port of the Prefect server started when none is configured."
    ),
) -> None:
    """Run the deployments of prefect.yaml here: their schedules and manual runs (Ctrl-C stops).

    Uses PREFECT_API_URL when set, else this warehouse folder's `wirehouse server`,
    else starts that server itself (stopped with this command; the history stays
    in warehouse/prefect/).
    """
    import os

    from prefect import serve as prefect_serve

    overrides = {
        "db": _db_parameter(db),
        "sources_file": str(sources.resolve()) if sources else None,
    }
    if sources and not sources.is_file():
        fail(f"no sources file at {sources}")
    try:
        deployments = build_deployments(read_deployments(prefect_file), overrides, only)
    except DeploymentFileError as exc:
        fail(str(exc))
    if not deployments:
        fail(f"no deployment of {prefect_file} matches --only {' '.join(only or [])}")
    from prefect.settings import PREFECT_API_URL, temporary_settings

    api_url = PREFECT_API_URL.value()
    if not api_url:
        # Prefect's ephemeral mode cannot serve: each process would have its own server and
        # runs lose their concurrency slot. Use this folder's `wirehouse server`, or start one.
        from .prefect_api import prefect_home, running_server
        from .server import start_folder_server

        path = db_path(db)
        api_url = running_server(path)
        if api_url:
            err.print(f"note: using the wirehouse server at {api_url}")
        else:
            api_url = start_folder_server(path, port, quiet=True).api_url
            err.print(
                f"note: started a Prefect server at {api_url} (database {prefect_home(path) / 'prefect.db'}; "
                f"it stops with this command, the history stays). For the prefect CLI and the UI: "
                f"export PREFECT_API_URL={api_url}"
            )
        os.environ["PREFECT_API_URL"] = api_url
    for dep in deployments:
        out.print(f"serving {dep.flow_name}/{dep.name}", highlight=False)
    with temporary_settings({PREFECT_API_URL: api_url}):
        prefect_serve(*deployments, limit=limit, print_starting_message=True)
