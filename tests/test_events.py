"""Events (issue 14): the pure method, and a quality floor on the labelled set."""

from __future__ import annotations

import numpy as np
import pytest

from bench.events import cleaned, evaluate, idf_of, load
from transforms.events import (
    DocFreq,
    EventConfig,
    FeatureConfig,
    Window,
    assign,
    hash_terms,
    names,
    terms,
    vectorise,
)

HOUR = 3600
DIM = FeatureConfig().dim


def unit(*rows: list[float]) -> np.ndarray:
    m = np.zeros((len(rows), DIM), np.float32)
    for i, r in enumerate(rows):
        m[i, : len(r)] = r
    return m / np.linalg.norm(m, axis=1, keepdims=True)


def test_names_finds_capitalised_phrases_not_sentence_openers_or_datelines():
    found = names(
        "TOKYO, Nov 21 (Reuters) - The cabinet of Prime Minister Sanae Takaichi met the Bank of Japan."
    )
    assert "sanae takaichi" in " ".join(found)
    assert "bank of japan" in found
    assert not any(n in {"the", "nov", "reuters"} for n in found)
    assert all("nov" not in n.split() for n in found)


def test_terms_fold_accents_and_normalise_numbers():
    bag = terms("Quake of 6.4 hits Türkiye", "László Krasznahorkai said 84,129.4 in 2026.")
    assert "turkiye" in bag and "krasznahorkai" in bag
    assert "#84129" in bag and "#6" in bag
    assert "#2026" not in bag  # years say nothing about which event
    assert "said" not in bag and "the" not in bag


def test_hashing_is_stable_unit_and_empty_safe():
    bag = {"hualien": 2.0, "@central weather administration": 3.0}
    a, b = hash_terms(bag, DIM), hash_terms(dict(reversed(bag.items())), DIM)
    assert np.allclose(a, b) and abs(float(np.linalg.norm(a)) - 1.0) < 1e-5
    assert not hash_terms({}, DIM).any()


def test_idf_turns_a_template_word_down():
    df = DocFreq.empty()
    df.add([{"sensex": 1.0, "nifty": 1.0}, {"sensex": 1.0, "hdfc": 1.0}, {"sensex": 1.0}])
    idf = df.idf()
    v = hash_terms({"sensex": 1.0, "hdfc": 1.0}, DIM, idf)
    plain = hash_terms({"sensex": 1.0, "hdfc": 1.0}, DIM)
    sensex_bucket = int(np.argmax(np.abs(hash_terms({"sensex": 1.0}, DIM))))
    assert abs(v[sensex_bucket]) < abs(plain[sensex_bucket])


def test_new_story_joins_stored_event_inside_window_and_founds_outside():
    stored = Window(unit([1, 0.1]), np.array([0]), np.array([41]), np.array([0]))
    new = unit([1, 0.12], [1, 0.12], [0, 1])
    times = np.array([2 * HOUR, 40 * HOUR, 3 * HOUR])  # second is outside the 36 h window
    got = assign(new, times, np.array([1, 1, 1]), stored, 100)
    assert got.event_ids.tolist() == [41, 101, 100]  # new ids go out in publication order
    assert got.founded.tolist() == [False, True, True]
    assert got.next_event_id == 102


def test_stories_of_one_batch_join_each_other_in_time_order():
    new = unit([1, 0.2], [0, 1], [1, 0.25])
    got = assign(new, np.array([5 * HOUR, 6 * HOUR, 4 * HOUR]), np.array([0, 1, 2]), Window.empty(DIM), 0)
    # the earliest (index 2) founds event 0; index 0 joins it; index 1 is unrelated
    assert got.event_ids.tolist() == [0, 1, 0]
    assert got.founded.tolist() == [False, True, True]


def test_same_agency_needs_more_and_time_decays_the_score():
    a, b = unit([1, 0.9], [1, 0.0])  # cosine ~0.74
    cfg = EventConfig(join_threshold=0.5, same_agency_penalty=0.3, decay_per_day=0.3)
    win = Window(a[None], np.array([0]), np.array([7]), np.array([3]))
    assert assign(b[None], np.array([HOUR]), np.array([4]), win, 0, cfg).event_ids.tolist() == [7]
    assert assign(b[None], np.array([HOUR]), np.array([3]), win, 0, cfg).event_ids.tolist() == [0]
    assert assign(b[None], np.array([30 * HOUR]), np.array([4]), win, 0, cfg).event_ids.tolist() == [0]


def test_chunking_does_not_change_the_result():
    rng = np.random.default_rng(3)
    base = rng.standard_normal((40, DIM)).astype(np.float32)
    vecs = np.repeat(base, 3, axis=0) + 0.3 * rng.standard_normal((120, DIM)).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    times = rng.integers(0, 20 * HOUR, 120)
    ags = rng.integers(0, 5, 120)
    one = assign(vecs, times, ags, Window.empty(DIM), 0, EventConfig(chunk=1000))
    many = assign(vecs, times, ags, Window.empty(DIM), 0, EventConfig(chunk=7))
    assert one.event_ids.tolist() == many.event_ids.tolist()
    assert len(set(one.event_ids.tolist())) <= 60  # echoes found each other


def test_a_window_in_blocks_assigns_as_the_whole_window():
    """The warehouse streams the window in blocks (memory follows the block, issue 15): any cut
    gives the same events, ties included (equal scores: the earliest stored story wins)."""
    rng = np.random.default_rng(5)
    base = rng.standard_normal((30, DIM)).astype(np.float32)
    stored = np.repeat(base, 4, axis=0) + 0.3 * rng.standard_normal((120, DIM)).astype(np.float32)
    stored[60:70] = stored[50:60]  # exact twins: equal scores, the earlier time must win
    stored /= np.linalg.norm(stored, axis=1, keepdims=True)
    s_times = rng.integers(0, 30 * HOUR, 120)
    s_times[60:70] = s_times[50:60] + 2 * HOUR  # ... and the new copies sit between them (below)
    s_events = np.arange(120) // 4 + 1000
    s_events[60:70] = np.arange(10) + 5000
    s_ags = rng.integers(0, 5, 120)
    s_ags[60:70] = s_ags[50:60]
    new = base[rng.integers(0, 30, 50)] + 0.3 * rng.standard_normal((50, DIM)).astype(np.float32)
    new[:10] = stored[50:60]
    new /= np.linalg.norm(new, axis=1, keepdims=True)
    times = rng.integers(20 * HOUR, 40 * HOUR, 50)
    times[:10] = s_times[50:60] + HOUR
    ags = rng.integers(0, 5, 50)
    whole = assign(new, times, ags, Window(stored, s_times, s_events, s_ags), 0)
    assert set(whole.event_ids[:10].tolist()) <= set(s_events[50:60].tolist())  # twins: the earlier
    cut = rng.permutation(120)  # blocks in any order, each in any order
    blocks = [
        Window(stored[ix], s_times[ix], s_events[ix], s_ags[ix])
        for ix in np.array_split(cut, [7, 40, 41, 90])
    ]
    got = assign(new, times, ags, iter(blocks), 0, EventConfig(chunk=9))
    assert got.event_ids.tolist() == whole.event_ids.tolist()
    assert np.allclose(got.similarity, whole.similarity, atol=1e-5)
    assert (~whole.founded).sum() > 10  # stored events were joined


def test_mismatched_arrays_are_refused_with_a_clear_error():
    with pytest.raises(ValueError, match="window arrays disagree"):
        Window(unit([1]), np.array([0, 1]), np.array([0]), np.array([0]))
    with pytest.raises(ValueError, match="vectors for"):
        assign(unit([1]), np.array([0, 1]), np.array([0, 0]), Window.empty(DIM), 0)


def test_vectorise_of_nothing_is_an_empty_matrix():
    assert vectorise([]).shape == (0, DIM)


@pytest.fixture(scope="module", params=["raw", "cleaned"])
def labelled_quality(request):
    rows, heldout = load("labelled.jsonl"), load("heldout.jsonl")
    if request.param == "cleaned":
        rows, heldout = cleaned(rows), cleaned(heldout)
    idf = idf_of(rows + heldout, FeatureConfig())
    halves = {s: evaluate(s, [r for r in rows if r["split"] == s], idf) for s in ("dev", "test")}
    return request.param, halves


def test_quality_floor_on_the_labelled_set(labelled_quality):
    """Floors a little under the values measured in docs/events.md, so a regression fails."""
    text, q = labelled_quality
    dev, test = q["dev"], q["test"]
    if text == "raw":  # datelines left in: same-place-and-day reports score higher
        assert dev.precision >= 0.97 and dev.recall >= 0.95
        assert test.precision >= 0.95 and test.recall >= 0.9
    else:  # cleaned bodies, what the warehouse stores: the goals of issue 14
        assert dev.precision >= 0.97 and dev.recall >= 0.9
        assert test.precision >= 0.97 and test.recall >= 0.8
