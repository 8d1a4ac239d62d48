"""The sources file: one [[sources]] table per feed or dump (see sources.toml)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from transforms.assemble import SourceHints

DEFAULT_SOURCES = Path(__file__).resolve().parent.parent / "sources.toml"
KINDS = {"rss"}
_KEYS = {"name", "kind", "url", "syndicator", "agency", "fetch_pages", "allow_private", "enabled"}


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

    @property
    def hints(self) -> SourceHints:
        return SourceHints(self.name, self.syndicator, self.agency, self.fetch_pages)


def parse_sources(text: str, *, origin: str = "<sources>", base_url: str | None = None) -> list[Source]:
    """Validate a sources document; `{{BASE}}` in URLs is replaced by base_url (demo)."""
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SourcesError(f"{origin}: not valid TOML: {exc}") from None
    entries = doc.get("sources")
    if not isinstance(entries, list) or not entries:
        raise SourcesError(f"{origin}: no [[sources]] entries")
    out: list[Source] = []
    seen: set[str] = set()
    for i, e in enumerate(entries, 1):
        where = f"{origin}: source #{i}"
        if not isinstance(e, dict):
            raise SourcesError(f"{where}: must be a table")
        unknown = set(e) - _KEYS
        if unknown:
            raise SourcesError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
        for key in ("name", "kind", "url"):
            if not isinstance(e.get(key), str) or not e[key].strip():
                raise SourcesError(f"{where}: `{key}` is required and must be a string")
        name = e["name"].strip()
        where = f"{origin}: source {name!r}"
        if name in seen:
            raise SourcesError(f"{where}: duplicate name")
        seen.add(name)
        if e["kind"] not in KINDS:
            raise SourcesError(f"{where}: kind {e['kind']!r} is not one of {', '.join(sorted(KINDS))}")
        url = e["url"].strip()
        if base_url is not None:
            url = url.replace("{{BASE}}", base_url)
        elif "{{BASE}}" in url:
            raise SourcesError(
                f"{where}: url has the {{{{BASE}}}} placeholder: this file is a template that only "
                "`wirehouse demo` can use (it fills in its corpus server's address)"
            )
        if not url.startswith(("http://", "https://")):
            raise SourcesError(f"{where}: url must be http(s), got {url!r}")
        for key in ("fetch_pages", "allow_private", "enabled"):
            if key in e and not isinstance(e[key], bool):
                raise SourcesError(f"{where}: `{key}` must be true or false")
        if not e.get("enabled", True):
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
            )
        )
    return out


def load_sources(path: str | Path, *, base_url: str | None = None) -> list[Source]:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise SourcesError(f"cannot read sources file {path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise SourcesError(f"{path}: not UTF-8 text (byte {exc.start}); save it as UTF-8") from None
    return parse_sources(text, origin=str(path), base_url=base_url)
