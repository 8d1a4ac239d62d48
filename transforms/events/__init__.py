"""Events: independent reports of one news event across agencies (issue 14).

Pure: vectorise stories (``features``), then assign each new story to the event of
its nearest earlier report inside a time window or found a new one (``assign``).
See docs/events.md for the method, its measurements and the wiring plan.
"""

from transforms.events.assign import Assignment, EventConfig, Window, assign
from transforms.events.features import DocFreq, FeatureConfig, hash_terms, names, terms, vectorise

__all__ = [
    "Assignment",
    "DocFreq",
    "EventConfig",
    "FeatureConfig",
    "Window",
    "assign",
    "hash_terms",
    "names",
    "terms",
    "vectorise",
]
