"""`wirehouse dedup` end to end through the real command line app."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from flows.cli import app

BODY = (
    "The Delhi Metro will run 40 extra trips on Sunday for spectators travelling to the cricket final, the "
    "metro corporation said on Friday.\n\nTrains on the Violet Line will run every four minutes between "
    "4 p.m. and midnight, and the last train from the stadium station will leave at 12.15 a.m., officials "
    "said.\n\nPassengers have been advised to buy return tokens in advance or use smart cards."
)


def run(lines: list[str], *args: str):
    result = CliRunner().invoke(app, ["dedup", *args], input="\n".join(lines) + "\n")
    out = [json.loads(x) for x in result.stdout.splitlines() if x.startswith("{")]
    return result.exit_code, out


def test_copies_share_a_story_and_one_is_canonical():
    lines = [
        json.dumps(
            {
                "id": "agency",
                "text": "New Delhi, Dec 5 (IANS) " + BODY,
                "published_at": "2025-12-05T06:00:00Z",
            }
        ),
        json.dumps(
            {
                "id": "menafn",
                "text": "(MENAFN- IANS) New Delhi, Dec 5 (IANS) " + BODY + "\n\n--IANS\n\nab/vd",
                "published_at": "2025-12-05T08:00:00Z",
            }
        ),
        json.dumps(
            {
                "id": "other",
                "body": "Gold prices rose by Rs 350 to Rs 72,450 per 10 grams on Monday, "
                "according to the All India Sarafa Association. Silver gained Rs 500 to Rs 86,200 per kilogram.",
            }
        ),
    ]
    code, out = run(lines)
    assert code == 0
    assert [o["id"] for o in out] == ["agency", "menafn", "other"]
    assert out[0]["story_id"] == out[1]["story_id"] != out[2]["story_id"]
    assert [o["canonical"] for o in out] == [True, False, True]


def test_bad_lines_get_an_error_and_the_rest_go_through(tmp_path):
    f = tmp_path / "in.jsonl"
    f.write_text(
        "\n".join(
            [
                json.dumps({"id": "a", "text": BODY}),
                "{not json",
                json.dumps({"id": "b"}),
                json.dumps({"id": "c", "text": BODY, "published_at": "soon"}),
                json.dumps({"id": "d", "text": BODY}),
            ]
        )
    )
    result = CliRunner().invoke(app, ["dedup", str(f), "--no-clean"])
    out = [json.loads(x) for x in result.stdout.splitlines() if x.startswith("{")]
    assert result.exit_code == 1
    assert [o["id"] for o in out] == ["a", None, "b", "c", "d"]
    assert out[1]["error"].startswith("line 2: not JSON")
    assert out[2]["error"] == "line 3: missing text (or body)" and "ISO 8601" in out[3]["error"]
    assert out[0]["story_id"] == out[4]["story_id"]


def test_missing_file_is_a_one_line_error(tmp_path):
    result = CliRunner().invoke(app, ["dedup", str(tmp_path / "nope.jsonl")])
    assert result.exit_code == 1
    assert "cannot read" in result.output and "No such file or directory" in result.output
