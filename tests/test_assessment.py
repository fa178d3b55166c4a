"""The shipped pre/post test does not give its answers away.

Test-wise participants pick the longest option (or the shortest, or the same letter). These
checks read the data: in each language, among the items with four or more options, the correct
option is the longest (ties included) in at most 40% of them, and likewise the shortest; no
letter is the answer to more than 40% of them.
"""

from __future__ import annotations

from collections import Counter

import pytest
from sitekit import ROOT, load_yaml

TEST = ROOT / "data" / "assessments" / "pre-post-test.yml"
LIMIT = 0.40


def _items():
    return [item for item in load_yaml(TEST)["items"] if len(item["options"]) >= 4]


def _share(lang: str, pick) -> tuple[float, list[str]]:
    items = _items()
    hits = []
    for item in items:
        lengths = [len(option[lang]) for option in item["options"]]
        if lengths["abcdef".index(item["answer"])] == pick(lengths):
            hits.append(item["key"])
    return len(hits) / len(items), hits


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_correct_option_is_rarely_the_longest(lang):
    share, keys = _share(lang, max)
    assert share <= LIMIT, f"{lang}: the correct option is the longest in {share:.0%} of items: {keys}"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_correct_option_is_rarely_the_shortest(lang):
    share, keys = _share(lang, min)
    assert share <= LIMIT, f"{lang}: the correct option is the shortest in {share:.0%} of items: {keys}"


def test_answers_are_spread_over_the_letters():
    items = _items()
    letter, count = Counter(item["answer"] for item in items).most_common(1)[0]
    assert count / len(items) <= LIMIT, f"`{letter}` is the answer of {count} of {len(items)} items"


def test_enough_items_to_measure():
    assert len(_items()) >= 15
