"""HTTP fetching for a run: one shared httpx client, polite, retried, size-capped, SSRF-guarded.

* `client`    the run's client (`FetchSession`, `Fetcher`): retries, per-host politeness, robots.txt;
* `addresses` which addresses a request may reach (the SSRF guard, also at connect time);
* `bodies`    accepted content types, sniffing, bounded gzip/deflate decoding, Retry-After;
* `errors`    `FetchError`, a failure with a one-line reason.

The policy in prose is docs/fetching.md.
"""

from .addresses import Scope, check_url
from .client import Attempt, Fetcher, FetchRequest, FetchResult, FetchSession, FetchSettings, fetch_many
from .errors import FetchError

__all__ = [
    "Attempt",
    "FetchError",
    "FetchRequest",
    "FetchResult",
    "FetchSession",
    "FetchSettings",
    "Fetcher",
    "Scope",
    "check_url",
    "fetch_many",
]
