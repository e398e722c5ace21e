"""The anchors that keep shared passages level when columns scroll together."""

from __future__ import annotations

from gui.views.aligned_scroll import anchor_chain, follow


def test_without_shared_passages_the_other_column_follows_in_proportion():
    xs, ys = anchor_chain([], 1000, 400)
    assert [follow(v, xs, ys) for v in (0, 500, 1000)] == [0, 200, 400]


def test_an_aligned_pair_is_met_exactly_and_between_anchors_the_column_follows_in_proportion():
    xs, ys = anchor_chain([(600, 100)], 1000, 400)
    assert follow(600, xs, ys) == 100
    assert follow(300, xs, ys) == 50
    assert follow(800, xs, ys) == 250


def test_passages_in_another_order_never_make_the_other_column_scroll_backwards():
    xs, ys = anchor_chain([(200, 300), (500, 100), (700, 350)], 1000, 400)
    assert list(zip(xs, ys)) == [(0, 0), (200, 300), (700, 350), (1000, 400)]
    assert all(b >= a for a, b in zip(ys, ys[1:]))


def test_sentences_too_near_the_end_to_reach_the_top_are_no_anchors():
    assert anchor_chain([(1200, 100)], 1000, 400) == ([0.0, 1000.0], [0.0, 400.0])
