"""Placeholder agency table; replaced by the full table from the cleaning work."""


def agency_rows() -> list[dict]:
    return [{"code": "IANS", "name": "Indo-Asian News Service", "country": "IN", "kind": "wire", "aliases": []}]
