"""The chart's headless options: validation and change callbacks, no Qt involved."""

import pytest

from core.view_state.chart_state import ChartState


def test_changes_are_announced_once_and_only_when_different():
    state = ChartState()
    heard = []
    unwatch = state.watch(lambda name, value: heard.append((name, value)))
    state.metric = "per_1000_words"
    state.metric = "per_1000_words"
    state.toggle_type("EVENT", True)
    state.selected_entity = "Kim Jong Un"
    assert heard[0] == ("metric", "per_1000_words")
    assert heard[1][0] == "types" and "EVENT" in heard[1][1]
    assert heard[2] == ("selected_entity", "Kim Jong Un")
    assert len(heard) == 3
    unwatch()
    state.top_n = 5
    assert len(heard) == 3


def test_bad_values_are_refused():
    state = ChartState()
    with pytest.raises(ValueError):
        state.metric = "volume"
    with pytest.raises(ValueError):
        state.top_n = 0
    with pytest.raises(AttributeError):
        state.colour = "red"
    assert state.types == ("GPE", "LOC", "NORP", "ORG", "PERSON")


def test_auto_layout_is_a_heatmap_above_five_outlets_and_a_choice_overrides_it():
    state = ChartState()
    assert state.layout == "auto"
    assert [state.layout_for(n) for n in (1, 5, 6, 7)] == ["bars", "bars", "heatmap", "heatmap"]
    state.layout = "bars"
    assert state.layout_for(7) == "bars"
    state.layout = "heatmap"
    assert state.layout_for(2) == "heatmap"
    with pytest.raises(ValueError):
        state.layout = "pie"
