"""The workbook's sheets in order: data first, then the comparative analyses.

One list so that the workbook, the CSV export and the Summary's guide agree.
"""

from __future__ import annotations

from core.export.excel_analysis_sheets import ANALYSIS_SHEETS, STORIES, STORY_COVERAGE, STORY_ENTITIES
from core.export.excel_sheets import ARTICLES, COVERAGE, ENTITIES_BY_OUTLET, ENTITY_MATRIX, ENTITY_MENTIONS, SheetSpec
from core.export.excel_story_comparison import STORY_COMPARISON

SHEETS: list[SheetSpec] = [
    ARTICLES, STORIES, STORY_COMPARISON, STORY_COVERAGE, STORY_ENTITIES, ENTITY_MENTIONS, ENTITIES_BY_OUTLET,
    ENTITY_MATRIX, COVERAGE, *ANALYSIS_SHEETS,
]


def available_sheets(project) -> list[SheetSpec]:
    """The sheets this project can fill (a spec whose Project method is missing is left out)."""
    return [spec for spec in SHEETS if spec.available(project)]
