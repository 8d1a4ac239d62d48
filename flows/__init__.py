"""Prefect flows, HTTP fetching, the demo server and the `wirehouse` command line."""

import os

from flows import exit as _exit  # noqa: F401  (first: its exit handler must run after all others)

# Prefect's telemetry cannot reach its endpoint offline; never try.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
