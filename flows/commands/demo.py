"""`wirehouse demo` helpers: never mixing into a warehouse of other sources, and which failures
the corpus makes on purpose."""

from __future__ import annotations

from pathlib import Path

from .common import EXIT_USAGE, fail, out, styled

DEMO_SOURCES = ("ians", "menafn", "outlet", "wam")

# The corpus's deliberately broken items (flows/demo/corpus/README.md, "Broken items"):
# (source, end of the item's URL; "" for the item that has no link at all).
DELIBERATE = (
    ("menafn", ""),
    ("menafn", "/articles/menafn-markets-section.html"),
    ("outlet", "/articles/bc-mumbai-rains-local-trains-disrupted.html"),
    ("outlet", "/articles/bc-markets-live-sensex-nifty-august-19.html"),
)


def deliberate(failures: list[tuple[str, str, str]]) -> set[int]:
    """Indexes of the failures that are the corpus's deliberate broken items."""
    found = set()
    for i, (source, url, _reason) in enumerate(failures):
        for d_source, d_url in DELIBERATE:
            if source == d_source and (url.endswith(d_url) if d_url else not url):
                found.add(i)
    return found


def check_demo_warehouse(path: Path) -> None:
    """Refuse a warehouse that holds sources other than the demo's: demo data never mixes in."""
    if not path.exists():
        return
    from warehouse.db import WarehouseError
    from warehouse.session import Warehouse

    try:
        wh = Warehouse.open_reader(path)
    except WarehouseError:
        return  # not readable now: the writer will give the one-line reason
    try:
        names = set(wh.source_hints())
    finally:
        wh.close()
    others = sorted(names - set(DEMO_SOURCES))
    if others:
        fail(
            f"{path} holds other sources ({', '.join(others[:5])}{' ...' if len(others) > 5 else ''}): "
            "the demo does not mix its data into it; give it another file, e.g. "
            "--db warehouse/demo.duckdb",
            EXIT_USAGE,
        )


def print_demo_footer(path: Path) -> None:

    from .common import reader

    with reader(path) as wh:
        articles, stories, n_sources, runs = wh.totals()
    out.print(
        styled(
            f"\nwarehouse {path}: ",
            (str(articles), "bold"),
            " articles, ",
            (str(stories), "bold"),
            f" stories, {n_sources} sources, {runs} runs",
        )
    )
    out.print(
        f'try:  wirehouse sql --db {path} "select source, agency, dateline_place, title from articles limit 10"',
        soft_wrap=True,
    )
