"""`wirehouse docs`: regenerate (or check) the data dictionary docs/warehouse.md."""

from __future__ import annotations

from pathlib import Path

import typer

from .common import fail, out


def docs(
    out_file: Path | None = typer.Option(
        None, "--out", show_default=False, help="File to write [default: docs/warehouse.md]."
    ),
    check: bool = typer.Option(False, "--check", help="Write nothing; exit 1 when the file is not current."),
) -> None:
    """Generate the data dictionary from the COMMENT ON texts of every table, view and column."""
    from warehouse import docs as wdocs

    path = out_file or wdocs.DOC
    try:
        text = wdocs.render()
    except (ValueError, OSError) as exc:
        fail(str(exc))
    current = path.exists() and path.read_text() == text
    if check:
        if not current:
            fail(f"{path} is out of date: run `wirehouse docs`")
        out.print(f"{path} is current", highlight=False)
        return
    if current:
        out.print(f"{path} unchanged", highlight=False)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    out.print(f"wrote {path}", highlight=False)
