"""The one exception type of fetching: a failure with a one-line reason."""

from __future__ import annotations


class FetchError(Exception):
    """A failure with a one-line reason; `retry` says whether another attempt may help."""

    def __init__(
        self, reason: str, *, retry: bool = False, status: int | None = None, retry_after: float | None = None
    ):
        super().__init__(reason)
        self.retry, self.status, self.retry_after = retry, status, retry_after
