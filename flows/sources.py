"""The sources file: one [[sources]] table per feed or dump (see sources.toml)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import tomli

from transforms.polling import PollBounds
from transforms.records import SourceHints

if TYPE_CHECKING:  # flows.http imports httpx: reading the sources file does not need it
    from flows.http import FetchSettings

DEFAULT_SOURCES = Path(__file__).resolve().parent.parent / "sources.toml"
FEED_KINDS = frozenset({"rss"})
ARCHIVE_KINDS = frozenset({"warc", "sitemap", "jsonl"})  # backfill inputs (docs/backfill.md)
KINDS = FEED_KINDS | ARCHIVE_KINDS
_KEYS = {"name", "kind", "url", "syndicator", "agency", "fetch_pages", "allow_private", "enabled"}
_KEYS |= {"path", "since", "until", "delay", "concurrency", "respect_robots"}
# polling bounds (transforms/polling.py): minutes, except unhealthy_after (a count of failures);
# defaults in a top-level [polling] table, overridden per source
POLL_MINUTES = ("min_interval", "max_interval", "default_interval", "unhealthy_interval")
POLL_KEYS = frozenset(POLL_MINUTES) | {"unhealthy_after"}
_KEYS |= POLL_KEYS


class SourcesError(ValueError):
    """The sources file is unusable; the message names the file and the entry."""


@dataclass(frozen=True, slots=True)
class Source:
    name: str
    kind: str
    url: str
    syndicator: str | None = None
    agency: str | None = None
    fetch_pages: bool = False
    allow_private: bool = False
    path: str | None = None  # warc/jsonl: a local file instead of `url` (relative to the sources file)
    since: date | None = None  # sitemap: first publication day to take (inclusive)
    until: date | None = None  # sitemap: last publication day to take (inclusive)
    delay: float | None = None  # politeness overrides; None keeps FetchSettings' default
    concurrency: int | None = None
    respect_robots: bool | None = None
    # when a scheduled ingest polls this feed (docs/operations.md, "Polling and feed health")
    polling: PollBounds = field(default_factory=PollBounds)
    moved_from: str | None = None  # set by the poller when `url` is where a 301/308 moved the feed

    @property
    def hints(self) -> SourceHints:
        return SourceHints(self.name, self.syndicator, self.agency, self.fetch_pages)

    @property
    def location(self) -> str:
        """The URL or local path to read."""
        return self.path or self.url

    def fetch_settings(self, base: FetchSettings | None = None) -> FetchSettings:
        """`base` with this source's politeness overrides (delay, concurrency, robots.txt) applied."""
        from flows.http import FetchSettings

        changes: dict = {}
        if self.delay is not None:
            changes["per_host_delay"] = self.delay
        if self.concurrency is not None:
            changes["per_host_concurrency"] = self.concurrency
        if self.respect_robots is not None:
            changes["respect_robots"] = self.respect_robots
        return replace(base or FetchSettings(), **changes)


def parse_sources(
    text: str,
    *,
    origin: str = "<sources>",
    base_url: str | None = None,
    kinds: frozenset[str] = FEED_KINDS,
    base_dir: Path | None = None,
) -> list[Source]:
    """Validate a sources document (every entry); return the enabled entries of `kinds`.

    `{{BASE}}` in URLs is replaced by base_url (demo). The default, feed kinds
    only, is what `ingest` reads; backfill asks for ARCHIVE_KINDS. Relative
    `path`s are taken from base_dir (the sources file's folder).
    """
    try:
        doc = tomli.loads(text)
    except tomli.TOMLDecodeError as exc:
        raise SourcesError(f"{origin}: not valid TOML: {exc}") from None
    entries = doc.get("sources")
    if not isinstance(entries, list) or not entries:
        raise SourcesError(f"{origin}: no [[sources]] entries")
    stray = sorted(set(doc) - {"sources", "polling"})
    if stray:  # keys above the first [[sources]] header would otherwise be silently ignored
        raise SourcesError(
            f"{origin}: unknown top-level key(s) {', '.join(stray)}: "
            "a source's keys go under its [[sources]] header; the only other table is [polling]"
        )
    polling = doc.get("polling", {})
    if not isinstance(polling, dict):
        raise SourcesError(f"{origin}: [polling] must be a table")
    if set(polling) - POLL_KEYS:
        raise SourcesError(
            f"{origin}: [polling]: unknown key(s) {', '.join(sorted(set(polling) - POLL_KEYS))}"
        )
    defaults = _bounds(polling, PollBounds(), f"{origin}: [polling]")
    out: list[Source] = []
    seen: set[str] = set()
    for i, e in enumerate(entries, 1):
        where = f"{origin}: source #{i}"
        if not isinstance(e, dict):
            raise SourcesError(f"{where}: must be a table")
        unknown = set(e) - _KEYS
        if unknown:
            raise SourcesError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
        for key in ("name", "kind"):
            if not isinstance(e.get(key), str) or not e[key].strip():
                raise SourcesError(f"{where}: `{key}` is required and must be a string")
        if "path" not in e and (not isinstance(e.get("url"), str) or not e["url"].strip()):
            raise SourcesError(f"{where}: `url` is required and must be a string")
        name = e["name"].strip()
        where = f"{origin}: source {name!r}"
        if name in seen:
            raise SourcesError(f"{where}: duplicate name")
        seen.add(name)
        if e["kind"] not in KINDS:
            raise SourcesError(f"{where}: kind {e['kind']!r} is not one of {', '.join(sorted(KINDS))}")
        path = _archive_path(e, where, base_dir)
        url = "" if path else e["url"].strip()
        if base_url is not None:
            url = url.replace("{{BASE}}", base_url)
        elif "{{BASE}}" in url:
            raise SourcesError(
                f"{where}: url has the {{{{BASE}}}} placeholder: this file is a template that only "
                "`wirehouse demo` can use (it fills in its corpus server's address)"
            )
        if not path and not url.startswith(("http://", "https://")):
            raise SourcesError(f"{where}: url must be http(s), got {url!r}")
        for key in ("fetch_pages", "allow_private", "enabled", "respect_robots"):
            if key in e and not isinstance(e[key], bool):
                raise SourcesError(f"{where}: `{key}` must be true or false")
        since, until = _date_range(e, where)
        delay, concurrency = _politeness(e, where)
        bounds = _bounds(e, defaults, where) if POLL_KEYS.intersection(e) else defaults
        if not e.get("enabled", True) or e["kind"] not in kinds:
            continue
        out.append(
            Source(
                name=name,
                kind=e["kind"],
                url=url,
                syndicator=e.get("syndicator") or None,
                agency=e.get("agency") or None,
                fetch_pages=e.get("fetch_pages", False),
                allow_private=e.get("allow_private", False),
                path=path,
                since=since,
                until=until,
                delay=delay,
                concurrency=concurrency,
                respect_robots=e.get("respect_robots"),
                polling=bounds,
            )
        )
    return out


def _bounds(e: dict, base: PollBounds, where: str) -> PollBounds:
    """`base` with the polling keys of `e` applied (minutes -> seconds), checked."""
    changes: dict = {}
    for key in POLL_MINUTES:
        if key in e:
            value = e[key]
            if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
                raise SourcesError(f"{where}: `{key}` must be a number of minutes > 0, got {value!r}")
            changes[key] = float(value) * 60.0
    if "unhealthy_after" in e:
        value = e["unhealthy_after"]
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise SourcesError(f"{where}: `unhealthy_after` must be a whole number >= 1, got {value!r}")
        changes["unhealthy_after"] = value
    bounds = replace(base, **changes) if changes else base
    problem = bounds.problem()
    if problem:
        raise SourcesError(f"{where}: polling bounds: {problem.replace('_interval', '_interval (minutes)')}")
    return bounds


def _archive_path(e: dict, where: str, base_dir: Path | None) -> str | None:
    if "path" not in e:
        return None
    if e["kind"] not in ("warc", "jsonl"):
        raise SourcesError(f"{where}: `path` is only for kinds warc and jsonl; use `url`")
    if "url" in e:
        raise SourcesError(f"{where}: give `url` or `path`, not both")
    if not isinstance(e["path"], str) or not e["path"].strip():
        raise SourcesError(f"{where}: `path` must be a non-empty string")
    path = Path(e["path"].strip()).expanduser()
    if not path.is_absolute() and base_dir is not None:
        path = base_dir / path
    return str(path)


def _day(value, key: str, where: str) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise SourcesError(f"{where}: `{key}` must be a date such as 2025-07-01, got {value!r}")


def _date_range(e: dict, where: str) -> tuple[date | None, date | None]:
    if ("since" in e or "until" in e) and e["kind"] != "sitemap":
        raise SourcesError(f"{where}: `since`/`until` are only for kind sitemap")
    since, until = _day(e.get("since"), "since", where), _day(e.get("until"), "until", where)
    if since and until and since > until:
        raise SourcesError(f"{where}: `since` {since} is after `until` {until}")
    return since, until


def _politeness(e: dict, where: str) -> tuple[float | None, int | None]:
    delay, concurrency = e.get("delay"), e.get("concurrency")
    if delay is not None and (isinstance(delay, bool) or not isinstance(delay, int | float) or delay < 0):
        raise SourcesError(f"{where}: `delay` must be a number of seconds >= 0, got {delay!r}")
    if concurrency is not None and (
        isinstance(concurrency, bool) or not isinstance(concurrency, int) or concurrency < 1
    ):
        raise SourcesError(f"{where}: `concurrency` must be a whole number >= 1, got {concurrency!r}")
    return (float(delay) if delay is not None else None), concurrency


def load_sources(
    path: str | Path, *, base_url: str | None = None, kinds: frozenset[str] = FEED_KINDS
) -> list[Source]:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise SourcesError(f"cannot read sources file {path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise SourcesError(f"{path}: not UTF-8 text (byte {exc.start}); save it as UTF-8") from None
    return parse_sources(text, origin=str(path), base_url=base_url, kinds=kinds, base_dir=path.parent)


_SHARD = re.compile(r"\s*(\d+)\s*/\s*(\d+)\s*")


def parse_shard(text: str) -> tuple[int, int]:
    """`k/n` (1 <= k <= n) -> (k, n); anything else is a one-line SourcesError."""
    m = _SHARD.fullmatch(text)
    k, n = (int(m.group(1)), int(m.group(2))) if m else (0, 0)
    if not 1 <= k <= n:
        raise SourcesError(f"shard {text!r}: give k/n with 1 <= k <= n, e.g. 1/2")
    return k, n


def shard_of(name: str, n: int) -> int:
    """The shard (1..n) a source belongs to: a stable hash of its name (the same on every machine
    and every run, unlike Python's hash()), so workers split the sources without talking."""
    return int.from_bytes(hashlib.blake2b(name.encode(), digest_size=8).digest(), "big") % n + 1


def shard_sources(sources: list[Source], shard: str | None) -> list[Source]:
    """The sources of shard `k/n` (all when shard is None): n workers given 1/n .. n/n cover
    every source exactly once."""
    if shard is None:
        return sources
    k, n = parse_shard(shard)
    return [s for s in sources if shard_of(s.name, n) == k]
