"""The entity chart's options as a plain object with change callbacks (no Qt).

glue's viewer-state pattern: widgets bind to this object
(gui/views/entity_chart_panel.py), the chart redraws when it changes, and
tests drive it without a window (tests/core/test_chart_state.py).
"""

from __future__ import annotations

from typing import Any, Callable, Iterable

from core.analysis.chart_data import METRICS
from core.text.names import DEFAULT_TYPES

METRIC_NAMES = {
    "mentions": "Mentions",
    "per_1000_words": "Mentions per 1,000 words",
    "share_of_articles": "Share of articles (%)",
}
assert set(METRIC_NAMES) == set(METRICS)
LAYOUT_NAMES = {
    "auto": "Auto layout",
    "bars": "Bars",
    "heatmap": "Heatmap",
}
#: With more outlets than this, grouped bars get too thin to read: "auto" draws a heatmap.
MAX_OUTLETS_FOR_BARS = 5

Callback = Callable[[str, Any], None]


class ChartState:
    """metric, entity types, top N, layout and the selected entity; ``watch`` to hear changes."""

    _FIELDS = ("metric", "types", "top_n", "layout", "selected_entity")
    _callbacks: list[Callback]

    def __init__(self, metric: str = "mentions", types: Iterable[str] = DEFAULT_TYPES, top_n: int = 15,
                 selected_entity: str | None = None, layout: str = "auto"):
        object.__setattr__(self, "_callbacks", [])
        self.metric = metric
        self.types = types
        self.top_n = top_n
        self.layout = layout
        self.selected_entity = selected_entity

    def watch(self, callback: Callback) -> Callable[[], None]:
        """Call ``callback(field, value)`` after each change; returns an unwatch function."""
        self._callbacks.append(callback)
        return lambda: self._callbacks.remove(callback) if callback in self._callbacks else None

    def __setattr__(self, name: str, value: Any) -> None:
        if name not in self._FIELDS:
            raise AttributeError(f"ChartState has no option {name!r}")
        value = self._checked(name, value)
        if getattr(self, name, _UNSET) == value:
            return
        object.__setattr__(self, name, value)
        for callback in list(self._callbacks):
            callback(name, value)

    @staticmethod
    def _checked(name: str, value: Any) -> Any:
        if name == "metric" and value not in METRIC_NAMES:
            raise ValueError(f"unknown metric {value!r}")
        if name == "layout" and value not in LAYOUT_NAMES:
            raise ValueError(f"unknown layout {value!r}; choose one of {', '.join(LAYOUT_NAMES)}")
        if name == "types":
            return tuple(sorted(set(value)))
        if name == "top_n":
            value = int(value)
            if not 1 <= value <= 100:
                raise ValueError("top_n must be between 1 and 100")
        return value

    def toggle_type(self, label: str, on: bool) -> None:
        types = set(self.types)
        if on:
            types.add(label)
        else:
            types.discard(label)
        self.types = types

    def metric_name(self) -> str:
        return METRIC_NAMES[self.metric]

    def layout_for(self, outlet_count: int) -> str:
        """"bars" or "heatmap": the chosen layout, or for "auto" bars up to :data:`MAX_OUTLETS_FOR_BARS` outlets."""
        if self.layout != "auto":
            return self.layout
        return "heatmap" if outlet_count > MAX_OUTLETS_FOR_BARS else "bars"


_UNSET = object()
