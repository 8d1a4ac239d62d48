"""What a flow run keeps per task result (issue 15: memory of a run over thousands of feeds).

Prefect links every element of a list or dict a task returns to the task run's state, in the
flow run's `run_results`, until the flow run ends: an entry per feed answer, parsed feed and
article in an ingest over thousands of feeds. The ingest's per-batch tasks hand their results
back in one `Whole` object, which Prefect does not look into. This checks both halves with a
real flow run, so a Prefect upgrade that starts walking such objects fails here.
"""

from __future__ import annotations

import pytest


class _Answer:  # weak-referenceable, as FetchResult and ParsedFeed are (dataclasses)
    pass


@pytest.mark.slow
def test_a_whole_result_is_one_entry_where_a_list_is_one_per_element(prefect_harness):
    from prefect import flow, task
    from prefect.context import FlowRunContext

    from flows.ingest import Whole

    @task
    def as_list(n: int) -> list[_Answer]:
        return [_Answer() for _ in range(n)]

    @task
    def as_whole(n: int) -> Whole[list[_Answer]]:
        return Whole([_Answer() for _ in range(n)])

    @flow
    def run() -> tuple[int, int, int, int]:
        ctx = FlowRunContext.get()
        assert ctx is not None
        start = len(ctx.run_results)
        listed = as_list(300)
        after_list = len(ctx.run_results)
        whole = as_whole(300)
        after_whole = len(ctx.run_results)
        return after_list - start, after_whole - after_list, len(listed), len(whole.value)

    per_list, per_whole, n_list, n_whole = run()
    assert n_list == n_whole == 300
    assert per_list >= 300  # Prefect's behaviour the wrapper exists for
    assert per_whole == 1
