"""Axes that say what the numbers are: calendar dates (never clock times) and whole counts.

Articles have a publication day, not a time, so the date axis labels days,
months or years, each with its year; counts of mentions are whole, so the
count axis never shows 0.5.
"""

from __future__ import annotations

import math
from collections import OrderedDict

import numpy as np
import pyqtgraph as pg
from pyqtgraph.graphicsItems.DateAxisItem import (
    DAY_SPACING, MONTH_SPACING, YEAR_SPACING, TickSpec, ZoomLevel, makeMStepper, makeSStepper, makeYStepper,
)

#: Coarse to fine: a level is used while its labels fit (pyqtgraph picks by seconds per pixel).
YEARS = ZoomLevel([TickSpec(YEAR_SPACING, makeYStepper(1), "%Y", autoSkip=[1, 2, 5, 10, 25])], "2024")
MONTHS = ZoomLevel([TickSpec(MONTH_SPACING, makeMStepper(1), "%b %Y", autoSkip=[1, 2, 3, 6])], "Sep 2024")
#: "05 Sep 2024" is shown "5 Sep 2024": DateAxisItem strips leading zeros from formats with a year.
DAYS = ZoomLevel([TickSpec(DAY_SPACING, makeSStepper(DAY_SPACING), "%d %b %Y", autoSkip=[1, 2, 7, 14])],
                 "30 Sep 2024")


class CalendarAxis(pg.DateAxisItem):
    """Dates on the x axis: "5 Sep 2024", "Sep 2024" or "2024" depending on the zoom, in UTC (days are UTC)."""

    def __init__(self, orientation: str = "bottom", **kwargs):
        super().__init__(orientation, utcOffset=0, **kwargs)
        # The largest tick spacing (seconds) each level may need, coarse first, as DateAxisItem expects.
        self.zoomLevels = OrderedDict([(np.inf, YEARS), (6 * MONTH_SPACING, MONTHS), (14 * DAY_SPACING, DAYS)])


class IntegerAxis(pg.AxisItem):
    """Ticks at whole numbers only (at least a step of 1) while :attr:`whole` is set (counts)."""

    whole = True

    def tickValues(self, minVal: float, maxVal: float, size: float):
        if not self.whole:
            return super().tickValues(minVal, maxVal, size)
        levels = [(spacing, values) for spacing, values in super().tickValues(minVal, maxVal, size) if spacing >= 1]
        if not levels:
            levels = [(1.0, [float(v) for v in range(math.ceil(minVal), math.floor(maxVal) + 1)])]
        return [(spacing, [v for v in values if float(v).is_integer()]) for spacing, values in levels]

    def tickStrings(self, values, scale, spacing):
        if not self.whole:
            return super().tickStrings(values, scale, spacing)
        return [f"{int(round(v)):,}" for v in values]
