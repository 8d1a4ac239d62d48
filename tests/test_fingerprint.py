from transforms.fingerprint import article_id, content_hash, normalise_for_hash, story_id_for


def test_content_hash_ignores_case_punctuation_and_spacing():
    a = "India's Ambassador met the minister.\n\nThey talked."
    b = "INDIA’S ambassador  met the minister — they talked"
    assert normalise_for_hash(a) == "india s ambassador met the minister they talked"
    assert content_hash(a) == content_hash(b)
    assert content_hash(a) != content_hash(a + " Again.")


def test_ids_are_stable_and_distinct_per_source():
    assert article_id("a", "g1") == article_id("a", "g1")
    assert article_id("a", "g1") != article_id("b", "g1")
    assert story_id_for("abc" * 10).startswith("st_")
