"""Turn a feed item (and its page, when one was fetched) into a loadable Article.

Pure: the caller passes everything in, including the source's hints.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict

from .fingerprint import article_id, content_hash, story_id_for
from .records import Article, Cleaned, Extracted, FeedItem, SourceHints

FULL_TEXT_MIN_WORDS = 80  # a description (not a full-content field) shorter than this is a teaser
SHORT_BODY_WORDS = 20  # a cleaned body shorter than this is a flash/bulletin: kept, flagged is_short

# articles.body_origin values
ORIGIN_FEED = "feed"  # the item's full text: content:encoded / atom:content, or a full-length description
ORIGIN_PAGE = "page"  # the fetched article page
ORIGIN_SUMMARY = "summary"  # only the item's summary: the page is not fetched or cannot be had

_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"\w+")


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def _words_of(html: str | None) -> int:
    return word_count(_TAG.sub(" ", html)) if html else 0


def feed_text(item: FeedItem) -> str | None:
    """The item's full text when the feed carries one, else None.

    A full-content field (``content:encoded``, ``atom:content``) is the full text whatever
    its length (a two-paragraph story is a story), unless it only repeats a short summary;
    a description counts as full text only at article length (MENAFN and WAM put whole
    stories there, most feeds a teaser).
    """
    if item.content and _words_of(item.content):
        if (
            item.content.strip() != (item.summary or "").strip()
            or _words_of(item.content) >= FULL_TEXT_MIN_WORDS
        ):
            return item.content
    if _words_of(item.summary) >= FULL_TEXT_MIN_WORDS:
        return item.summary
    return None


def summary_text(item: FeedItem) -> str | None:
    """The item's summary (or its short description) when it has any words, else None."""
    for candidate in (item.summary, item.content):
        if _words_of(candidate):
            return candidate
    return None


def item_key(item: FeedItem) -> str | None:
    return item.guid or item.url


def item_article_id(item: FeedItem) -> str | None:
    key = item_key(item)
    return article_id(item.source, key) if key else None


def needs_page(item: FeedItem, hints: SourceHints) -> bool:
    return feed_text(item) is None and hints.fetch_pages


def page_failed(reason: str) -> Extracted:
    """The stand-in for a page that cannot be had for good (HTTP 404, refused link ...):
    :func:`assemble` then loads the item's summary instead of dropping the item."""
    return Extracted(reason=reason)


def credit_of(item: FeedItem, page: Extracted | None) -> str | None:
    """Who the item says wrote it outside the text: the feed's author/creator field, else
    the page's byline. The cleaner reads an agency from it (``(AFP)``, ``AP``, ``By Reuters``)."""
    return item.author or (page.byline if page else None) or None


def _removed_json(cleaned: Cleaned) -> str:
    return json.dumps([asdict(r) for r in cleaned.removed], ensure_ascii=False)


def assemble(
    item: FeedItem,
    hints: SourceHints,
    *,
    page: Extracted | None = None,
    feed_doc_id: str | None = None,
    page_doc_id: str | None = None,
) -> Article:
    """Build the Article for one item; raises ValueError with a one-line reason when unusable."""
    # imported here, not with the module: the writer imports this module for item ids only, and
    # the cleaning rules cost it ~0.5 s of CPU to compile (the pool's forkserver imports them once)
    from .clean import CleanHints, clean, clean_html_fragment

    if item.error:
        raise ValueError(item.error)
    key = item_key(item)
    if key is None:
        raise ValueError("item has neither link nor guid")
    text = feed_text(item)
    published = item.published_at or (page.published_at if page else None)
    kwargs = CleanHints(
        published_at=published,
        title=item.title,
        url=item.url,
        syndicator_hint=hints.syndicator,
        agency_hint=hints.agency,
        credit=credit_of(item, page),
        footer=item.rights,
    )
    summary = summary_text(item)
    if text is not None:
        cleaned = clean_html_fragment(text, **kwargs)
        origin, method, raw = ORIGIN_FEED, None, feed_doc_id
    elif page is not None and page.body:
        cleaned = clean(page.body, **kwargs)
        origin, method, raw = ORIGIN_PAGE, page.method or None, page_doc_id
    elif summary is not None:
        # the page is not fetched, has no link, failed for good or holds no article:
        # the headline and summary are worth more to an analyst than nothing; nothing of a page
        # that holds no article is used (reprocess rebuilds this copy from the feed alone)
        kwargs["credit"] = credit_of(item, None)
        cleaned = clean_html_fragment(summary, **kwargs)
        origin, method, raw = ORIGIN_SUMMARY, None, feed_doc_id
    elif page is not None:
        raise ValueError(f"page has no article ({page.reason or 'empty body'}) and the item has no summary")
    else:
        raise ValueError("item has no text: no content, no summary")
    page = page if origin == ORIGIN_PAGE else None  # metadata only from the page whose body is used
    words = word_count(cleaned.body)
    if words == 0:
        raise ValueError("no text left after cleaning")
    chash = content_hash(cleaned.body)
    return Article(
        article_id=article_id(item.source, key),
        source=item.source,
        guid=item.guid,
        url=item.url,
        canonical_url=(page.canonical_url if page and page.canonical_url else item.url),
        title=item.title or (page.title if page else None),
        body=cleaned.body,
        published_at=published,
        byline=cleaned.byline or (page.byline if page else None) or None,
        agency=cleaned.agency or hints.agency,
        provider=cleaned.provider,
        syndicator=cleaned.syndicator or hints.syndicator,
        dateline_place=cleaned.dateline_place,
        dateline_date=cleaned.dateline_date,
        word_count=words,
        content_hash=chash,
        story_id=story_id_for(chash),  # provisional: Warehouse.load_chunk assigns the clustered story
        body_origin=origin,
        extraction_method=method,
        raw_doc_id=raw,
        cleaning_removed=_removed_json(cleaned),
        is_short=words < SHORT_BODY_WORDS,
        language=page.language if page else None,
        section=page.section if page else None,
        tags=page.tags if page else (),
        image_url=page.image if page else None,
        modified_at=page.modified_at if page else None,
    )
