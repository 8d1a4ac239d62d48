"""Prefect flows, HTTP fetching, the demo server and the `wirehouse` command line."""

import os

# Prefect's telemetry cannot reach its endpoint offline; never try.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
