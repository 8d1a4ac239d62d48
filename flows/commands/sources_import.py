"""`wirehouse sources import FILE.opml|FILE.csv`: merge a feed list into the sources file.

The sources file is edited with tomlkit, so its comments and layout stay; a feed
already in it (same URL, else same name) is updated with the list's values, a new
one is appended as a [[sources]] table. The result is validated as a whole
(flows/sources.py) before it replaces the file (written beside it, then renamed):
a list that would make the file unusable changes nothing.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import tomlkit

from flows.sources import ARCHIVE_KINDS, FEED_KINDS, SourcesError, parse_sources
from transforms.feedlists import ListEntry, parse_csv, parse_opml

NEW_FILE = """\
# wirehouse sources: one [[sources]] table per feed (see README, "Sources file").
"""


@dataclass
class ImportResult:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # entries of the list that were not taken


def read_list(path: Path) -> tuple[list[ListEntry], list[str]]:
    """The feed list at `path`: OPML (.opml, .xml) or CSV (.csv)."""
    suffix = path.suffix.lower()
    data = path.read_bytes()
    if suffix in (".opml", ".xml"):
        return parse_opml(data)
    if suffix == ".csv":
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            return [], [f"{path}: not UTF-8 text (byte {exc.start})"]
        return parse_csv(text)
    raise SourcesError(f"{path}: give an .opml or a .csv file")


def merge(text: str, entries: list[ListEntry]) -> tuple[str, ImportResult]:
    """The sources-file text with `entries` merged in, and what changed (pure: text in, text out)."""
    doc = tomlkit.parse(text) if text.strip() else tomlkit.parse(NEW_FILE)
    if "sources" not in doc:
        doc.append("sources", tomlkit.aot())
    tables = doc["sources"]
    by_url = {str(t.get("url", "")): t for t in tables}
    by_name = {str(t.get("name", "")): t for t in tables}
    result = ImportResult()
    seen: set[str] = set()
    for entry in entries:
        values = dict(entry.values)
        table = by_url.get(values["url"]) or by_name.get(values["name"])
        if table is not None:
            name = str(table["name"])
            if name in seen:
                result.problems.append(f"{entry.where}: the list names feed {name!r} twice; first kept")
                continue
            seen.add(name)
            values.pop("name")  # an existing feed keeps its name (articles.source refers to it)
            diff = {k: v for k, v in values.items() if table.get(k) != v}
            for key, value in diff.items():
                table[key] = value
            (result.changed if diff else result.unchanged).append(name)
            continue
        name = _free_name(values["name"], by_name)
        values["name"] = name
        table = tomlkit.table()
        for key in ("name", "kind", "url"):
            table[key] = values.pop(key)
        for key, value in values.items():
            table[key] = value
        tables.append(table)
        by_name[name] = by_url[table["url"]] = table
        seen.add(name)
        result.added.append(name)
    return tomlkit.dumps(doc), result


def _free_name(name: str, taken: dict) -> str:
    if name not in taken:
        return name
    n = 2
    while f"{name}-{n}" in taken:
        n += 1
    return f"{name}-{n}"


def import_list(list_path: Path, sources_path: Path) -> ImportResult:
    """Merge the list into the sources file (created when missing); raises SourcesError when the
    list has no usable entry or the merged file would not be valid."""
    try:
        entries, problems = read_list(list_path)
    except OSError as exc:
        raise SourcesError(f"cannot read {list_path}: {exc.strerror or exc}") from None
    if not entries:
        raise SourcesError(f"{list_path}: no feed to import" + (f" ({problems[0]})" if problems else ""))
    try:
        old = sources_path.read_text(encoding="utf-8") if sources_path.exists() else ""
    except (OSError, UnicodeDecodeError) as exc:
        raise SourcesError(f"cannot read sources file {sources_path}: {exc}") from None
    try:
        text, result = merge(old, entries)
    except tomlkit.exceptions.ParseError as exc:
        raise SourcesError(f"{sources_path}: not valid TOML: {exc}") from None
    result.problems[:0] = problems
    # the whole file must stay valid ({{BASE}} templates too), whatever kinds it holds
    parse_sources(
        text, origin=str(sources_path), base_url="http://127.0.0.1", kinds=FEED_KINDS | ARCHIVE_KINDS
    )
    if result.added or result.changed:
        _replace(sources_path, text)
    return result


def _replace(path: Path, text: str) -> None:
    """Write beside the file, then rename: a reader sees the old file or the new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
