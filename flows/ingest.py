"""The `ingest` flow: fetch -> parse -> fetch pages -> extract/clean -> load.

Tasks work on whole batches (never one task per article); the warehouse is
opened only for short moments: to read state before fetching and to write
the run's batch in one transaction at the end.
"""
from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from urllib.parse import urlsplit

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run

from transforms.charset import decode
from transforms.assemble import assemble, item_article_id, needs_page
from transforms.extract import extract
from transforms.feeds import ParsedFeed, parse_feed
from transforms.fingerprint import doc_id
from transforms.records import Article, Extracted, FeedItem
from warehouse import db as wdb
from warehouse.access import single_writer
from warehouse.load import LoadBatch, RawDocument, http_validators, known_articles, load_batch, run_row, upsert_sources

from .http import FetchResult, FetchSession, FetchSettings
from .maintain import search_index
from .sources import DEFAULT_SOURCES, Source, load_sources

FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"


@dataclass
class SourceCounts:
    fetched: int = 0
    not_modified: int = 0
    items: int = 0
    new: int = 0
    updated: int = 0
    duplicate: int = 0
    failed: int = 0
    adjusted: int = 0            # items loaded with a field we did not trust dropped (future/unparseable date, bad link)
    error: str | None = None     # why the whole source failed this run, if it did


@dataclass
class RunSummary:
    """What a run did; returned by the flow and printed by the CLI."""

    run_id: str
    status: str
    per_source: dict[str, SourceCounts]
    failures: list[tuple[str, str, str]] = field(default_factory=list)   # (source, url, reason)

    def total(self, key: str) -> int:
        return sum(getattr(c, key) for c in self.per_source.values())

    @property
    def failed_sources(self) -> list[str]:
        return [name for name, c in self.per_source.items() if c.error]

    def top_failures(self, n: int = 5) -> list[tuple[str, int]]:
        return Counter(reason for _, _, reason in self.failures).most_common(n)


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _raw(result: FetchResult, source: str, kind: str) -> RawDocument:
    return RawDocument(
        doc_id=doc_id(result.content), url=result.final_url or result.url, source=source, kind=kind,
        fetched_at=result.fetched_at or _now(), http_status=result.status,
        content_type=result.content_type, etag=result.etag, last_modified=result.last_modified,
        payload=result.content,
    )


def _log_rows(result: FetchResult, source: str, kind: str) -> list[dict]:
    return [
        dict(source=source, url=a.url, kind=a.kind or kind, status=a.status, bytes=a.bytes,
             elapsed_ms=a.elapsed_ms, attempt=a.attempt, outcome=a.outcome, error=a.error,
             fetched_at=a.fetched_at)
        for a in result.attempts
    ]


@task(name="read-state", cache_policy=NO_CACHE)
def read_state(db: str | None, sources: list[Source]) -> dict[str, tuple[str | None, str | None]]:
    """Register the sources and read the conditional-GET validators of their feeds."""
    con = wdb.connect(db)
    try:
        upsert_sources(con, [dict(name=s.name, kind=s.kind, url=s.url, syndicator=s.syndicator,
                                  agency=s.agency, fetch_pages=s.fetch_pages,
                                  allow_private=s.allow_private) for s in sources])
        return http_validators(con, [s.url for s in sources])
    finally:
        con.close()


def private_hosts(source: Source) -> frozenset[str]:
    """Host names whose private addresses a source may reach: its own feed host, if allow_private."""
    host = urlsplit(source.url).hostname
    return frozenset({host.lower()}) if source.allow_private and host else frozenset()


@task(name="fetch-feeds", cache_policy=NO_CACHE)
def fetch_feeds(sources: list[Source], validators: dict, session: FetchSession) -> list[FetchResult]:
    """The feed URLs are operator-configured (trusted); their redirects are not."""
    requests = []
    for s in sources:
        etag, last_modified = validators.get(s.url, (None, None))
        requests.append(dict(url=s.url, trusted=True, private_hosts=private_hosts(s), etag=etag,
                             last_modified=last_modified, accept=FEED_ACCEPT, kind="feed", group=s.name))
    return session.fetch_many(requests)


@task(name="parse-feeds", cache_policy=NO_CACHE)
def parse_feeds(sources: list[Source], results: list[FetchResult]) -> list[ParsedFeed | None]:
    return [parse_feed(s.name, r.content, url=r.final_url or r.url, content_type=r.content_type,
                       now=r.fetched_at or _now()) if r.ok else None
            for s, r in zip(sources, results)]


@task(name="known-articles", cache_policy=NO_CACHE)
def read_known(db: str | None, ids: list[str]) -> dict[str, str]:
    con = wdb.connect(db)
    try:
        return known_articles(con, ids)
    finally:
        con.close()


@task(name="fetch-pages", cache_policy=NO_CACHE)
def fetch_pages(requests: list[dict], session: FetchSession) -> list[FetchResult]:
    return session.fetch_many(requests)


@task(name="extract-pages", cache_policy=NO_CACHE)
def extract_pages(results: list[FetchResult]) -> list[Extracted | None]:
    out: list[Extracted | None] = []
    for r in results:
        if not r.ok:
            out.append(None)
            continue
        try:
            html, _codec = decode(r.content, r.content_type)   # the declared charset may lie
            out.append(extract(html, url=r.final_url or r.url))
        except Exception as exc:  # one bad page never fails its batch
            out.append(Extracted(reason=f"extraction failed: {type(exc).__name__}: {exc}"))
    return out


@task(name="build-articles", cache_policy=NO_CACHE)
def build_articles(work: list[tuple[FeedItem, Source, Extracted | None, str | None, str | None]]
                   ) -> tuple[list[Article], list[tuple[FeedItem, str]]]:
    articles, failures = [], []
    for item, source, page, feed_doc, page_doc in work:
        try:
            articles.append(assemble(item, source.hints, page=page, feed_doc_id=feed_doc, page_doc_id=page_doc))
        except ValueError as exc:
            failures.append((item, str(exc)))
        except Exception as exc:  # a bug on one item is recorded, not fatal to the batch
            failures.append((item, f"cleaning failed: {type(exc).__name__}: {exc}"))
    return articles, failures


@task(name="load", cache_policy=NO_CACHE)
def load(db: str | None, batch: LoadBatch) -> None:
    con = wdb.connect(db)
    try:
        load_batch(con, batch)
    finally:
        con.close()


@flow(name="ingest", log_prints=True)
def ingest(sources_file: str = str(DEFAULT_SOURCES), db: str | None = None, limit: int | None = None,
           base_url: str | None = None, settings: FetchSettings | None = None,
           lock_wait: float | None = None) -> RunSummary:
    """Fetch every source, load new and changed articles; safe to run again at any time.

    One writer at a time: the run holds the warehouse lock throughout (waiting at
    most `lock_wait` seconds for another writer), rebuilds the search index when
    it loaded or changed articles, and publishes the read snapshot at the end.
    """
    settings = settings or FetchSettings()
    sources = load_sources(sources_file, base_url=base_url)
    with single_writer(db, "ingest", wait=lock_wait):
        with FetchSession(settings) as session:     # one HTTP client for the whole run
            summary = _ingest(sources, db, limit, session)
        search_index(db, force=bool(summary.total("new") or summary.total("updated")))
    return summary


def _ingest(sources: list[Source], db: str | None, limit: int | None, session: FetchSession) -> RunSummary:
    """The body of the ingest flow (runs inside it, under the writer lock)."""
    log = get_run_logger()
    run_id = flow_run.get_id() or str(uuid.uuid4())
    started = _now()
    counts = {s.name: SourceCounts() for s in sources}
    failures: list[tuple[str, str, str]] = []
    fetch_log: list[dict] = []
    raw_docs: dict[str, RawDocument] = {}
    cache_rows: dict[str, dict] = {}

    def fail(source: str, url: str | None, reason: str, kind: str = "item") -> None:
        counts[source].failed += 1
        failures.append((source, url or "", reason))
        if kind == "item":
            fetch_log.append(dict(source=source, url=url or "", kind="item", status=None, bytes=0,
                                  elapsed_ms=0.0, attempt=1, outcome="skipped", error=reason,
                                  fetched_at=_now()))

    def note(source: str, url: str | None, text: str) -> None:
        counts[source].adjusted += 1
        fetch_log.append(dict(source=source, url=url or "", kind="item", status=None, bytes=0,
                              elapsed_ms=0.0, attempt=1, outcome="adjusted", error=text, fetched_at=_now()))

    # 1. feeds
    validators = read_state(db, sources)
    results = fetch_feeds(sources, validators, session)
    parsed = parse_feeds(sources, results)
    feed_docs: dict[str, str] = {}
    items: list[tuple[FeedItem, Source]] = []
    for s, r, p in zip(sources, results, parsed):
        if r.not_modified:
            fetch_log.extend(_log_rows(r, s.name, "feed"))
            counts[s.name].not_modified += 1
            log.info("%s: not modified", s.name)
            continue
        if not r.ok:
            fetch_log.extend(_log_rows(r, s.name, "feed"))
            counts[s.name].error = f"feed fetch failed: {r.error}"
            fail(s.name, s.url, counts[s.name].error, kind="feed")
            log.warning("%s: feed failed: %s", s.name, r.error)
            continue
        counts[s.name].fetched += 1
        if p is None or p.error:
            reason = p.error if p else "not parsed"
            last = r.attempts[-1]             # the request worked, its answer is not usable
            last.outcome, last.error = "rejected", reason
            fetch_log.extend(_log_rows(r, s.name, "feed"))
            counts[s.name].error = f"feed unusable: {reason}"
            fail(s.name, s.url, counts[s.name].error, kind="feed")
            log.warning("%s: %s", s.name, reason)
            continue
        fetch_log.extend(_log_rows(r, s.name, "feed"))
        raw = _raw(r, s.name, "feed")
        raw_docs[raw.doc_id] = raw
        feed_docs[s.name] = raw.doc_id
        if r.etag or r.last_modified:
            cache_rows[s.name] = dict(url=s.url, etag=r.etag, last_modified=r.last_modified)
        for key, text in p.notes:
            note(s.name, key, text)
        items.extend((it, s) for it in p.items)
        counts[s.name].items += len(p.items)

    # 2. one copy per id; drop what is already loaded (unless its feed text may have changed)
    unique: dict[str, tuple[FeedItem, Source]] = {}
    for item, s in items:
        aid = item_article_id(item)
        if aid is None:
            fail(s.name, item.url, item.error or "item has neither link nor guid")
        elif aid in unique:
            counts[s.name].duplicate += 1
        else:
            unique[aid] = (item, s)
    known = read_known(db, list(unique)) if unique else {}
    todo: list[tuple[str, FeedItem, Source]] = []
    for aid, (item, s) in unique.items():
        if aid in known and needs_page(item, s.hints):
            counts[s.name].duplicate += 1       # page already loaded: never fetched twice
        else:
            todo.append((aid, item, s))
    if limit is not None and len(todo) > limit:
        # the rest waits for the next run: keep no validators for the feeds it came from,
        # or a 304 would hide it until the feed changes
        for _aid, _item, s in todo[limit:]:
            cache_rows.pop(s.name, None)
        log.info("--limit %d: %d items left for the next run", limit, len(todo) - limit)
        todo = todo[:limit]

    # 3. pages for summary-only items (article links are untrusted: SSRF rules apply)
    page_jobs = [(aid, item, s) for aid, item, s in todo if needs_page(item, s.hints) and item.url]
    log.info("%d items to process, %d pages to fetch", len(todo), len(page_jobs))
    page_results = fetch_pages([dict(url=item.url, private_hosts=private_hosts(s), accept=PAGE_ACCEPT,
                                     kind="page", group=s.name)
                                for _, item, s in page_jobs], session)
    extracted = extract_pages(page_results)
    pages: dict[str, tuple[Extracted | None, str | None]] = {}
    page_failed: set[str] = set()
    for (aid, item, s), r, ex in zip(page_jobs, page_results, extracted):
        fetch_log.extend(_log_rows(r, s.name, "page"))
        if not r.ok:
            fail(s.name, item.url, f"page fetch failed: {r.error}")
            page_failed.add(aid)
            if (r.error or "").startswith("given up") and not counts[s.name].error:
                counts[s.name].error = f"pages {r.error}"
            if r.retryable:   # keep the feed's validators unstored: the next run re-reads it and retries
                cache_rows.pop(s.name, None)
            continue
        raw = _raw(r, s.name, "page")
        raw_docs[raw.doc_id] = raw
        pages[aid] = (ex, raw.doc_id)

    # 4. extract, clean, fingerprint
    work = []
    for aid, item, s in todo:
        if aid in page_failed:
            continue
        page, page_doc = pages.get(aid, (None, None))
        work.append((item, s, page, feed_docs.get(s.name), page_doc))
    articles, bad = build_articles(work)
    for item, reason in bad:
        fail(item.source, item.url, reason)
    to_load = []
    for a in articles:
        old_hash = known.get(a.article_id)
        if old_hash is None:
            counts[a.source].new += 1
        elif old_hash != a.content_hash:
            counts[a.source].updated += 1
        else:
            counts[a.source].duplicate += 1
            continue
        to_load.append(a)

    # 5. load: the whole run lands in one transaction
    status = "completed_with_failures" if failures else "completed"
    summary = RunSummary(run_id, status, counts, failures)
    run = run_row(
        run_id=run_id, flow="ingest", started_at=started, finished_at=_now(), status=status,
        feeds_fetched=summary.total("fetched"), feeds_not_modified=summary.total("not_modified"),
        items_seen=summary.total("items"), articles_new=summary.total("new"),
        articles_duplicate=summary.total("duplicate"), failed=summary.total("failed"),
        per_source={k: vars(v) for k, v in counts.items()},
        top_failures=[{"reason": r, "count": n} for r, n in summary.top_failures()],
    )
    load(db, LoadBatch(run=run, articles=to_load,
                       raw_documents=list(raw_docs.values()),
                       fetch_log=fetch_log, http_cache=list(cache_rows.values())))
    create_markdown_artifact(key="ingest-summary", markdown=summary_markdown(summary),
                             description="wirehouse ingest run summary")
    log.info("run %s: %d new, %d updated, %d duplicate, %d failed", run_id, summary.total("new"),
             summary.total("updated"), summary.total("duplicate"), summary.total("failed"))
    return summary


def summary_markdown(summary: RunSummary) -> str:
    lines = ["| source | fetched | not modified | items | new | updated | duplicate | failed | adjusted | source error |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for name, c in summary.per_source.items():
        error = (c.error or "").replace("|", "\\|")
        lines.append(f"| {name} | {c.fetched} | {c.not_modified} | {c.items} | {c.new} | {c.updated} "
                     f"| {c.duplicate} | {c.failed} | {c.adjusted} | {error} |")
    if summary.failures:
        lines += ["", "| top failure reasons | count |", "|---|---:|"]
        lines += [f"| {reason.replace('|', chr(92) + '|')} | {n} |" for reason, n in summary.top_failures()]
    return "\n".join(lines)
