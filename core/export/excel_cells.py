"""Cell values that are safe to put in a spreadsheet.

Article text is untrusted: a headline such as ``=HYPERLINK(...)`` or
``#N/A`` must stay text (not a formula, not an error value), control characters make Excel refuse the file, and Excel cannot hold
more than 32,767 characters in a cell. Every value passes through here
before it reaches openpyxl or a CSV file.
"""

from __future__ import annotations

import math
from datetime import date, datetime

import numpy as np
import pandas as pd
from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE

#: Excel's limit on the characters (UTF-16 code units) in one cell.
CELL_LIMIT = 32_767
TRUNCATION_MARK = "… [truncated]"
#: A spreadsheet may read text starting with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: Texts openpyxl stores as an error value ("#N/A", "#REF!") unless the cell is marked as text.
ERROR_LITERALS = frozenset(ERROR_CODES)


def clean_text(text: str) -> str:
    """``text`` without the control characters Excel rejects."""
    return ILLEGAL_CHARACTERS_RE.sub("", text)


def _utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def fit_cell(text: str, limit: int = CELL_LIMIT) -> str:
    """``text`` cut to Excel's cell limit, ending with :data:`TRUNCATION_MARK` if cut."""
    if len(text) <= limit // 2 or _utf16_length(text) <= limit:
        return text
    room = limit - len(TRUNCATION_MARK)
    # cut in UTF-16 units (characters beyond the BMP count twice); a split pair is dropped
    head = text.encode("utf-16-le")[: 2 * room].decode("utf-16-le", errors="ignore")
    return head + TRUNCATION_MARK


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def needs_text_mark(text: str) -> bool:
    """Text a cell must be marked as text for: else openpyxl stores a formula or an error value."""
    return is_formula_like(text) or text in ERROR_LITERALS


def excel_value(value):
    """A Python value openpyxl can store: text cleaned and cut, NaN as empty.

    Strings come back as ``str``; the caller marks them as text so that a
    leading ``=`` is never taken for a formula.
    """
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, str):
        return fit_cell(clean_text(value))
    if isinstance(value, bool | np.bool_):
        return bool(value)
    if isinstance(value, int | np.integer):
        return int(value)
    if isinstance(value, float | np.floating):
        return None if not math.isfinite(value) else float(value)
    if isinstance(value, pd.Timestamp):
        return _naive(value.to_pydatetime())
    if isinstance(value, datetime):
        return _naive(value)
    if isinstance(value, date):
        return value
    if isinstance(value, list | tuple | set | frozenset):
        return excel_value("; ".join(str(v) for v in value))
    return excel_value(str(value))


def _naive(moment: datetime) -> datetime:
    """Excel has no time zones: keep the wall-clock time the source gave."""
    return moment.replace(tzinfo=None)


def csv_value(value):
    """A value for a CSV cell: formula-like text gets a leading apostrophe (OWASP advice)."""
    if isinstance(value, str):
        value = clean_text(value)
        return "'" + value if is_formula_like(value) else value
    if isinstance(value, list | tuple | set | frozenset):
        return csv_value("; ".join(str(v) for v in value))
    return value


def parse_date(value) -> date | datetime | str | None:
    """An ISO date string as a date (or datetime); other text as it is."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, datetime | date):
        return value
    text = str(value).strip()
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return text
    if len(text) <= 10:
        return moment.date()
    return _naive(moment)
