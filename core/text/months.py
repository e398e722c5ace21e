"""Month names in the languages of the exports and pages analysts bring (English and German), to numbers."""

from __future__ import annotations

_MONTH_NAMES = {
    1: ("january", "jan", "januar", "jänner", "jaenner"),
    2: ("february", "feb", "februar", "febr"),
    3: ("march", "mar", "märz", "maerz", "mär", "mrz"),
    4: ("april", "apr"),
    5: ("may", "mai"),
    6: ("june", "jun", "juni"),
    7: ("july", "jul", "juli"),
    8: ("august", "aug"),
    9: ("september", "sep", "sept"),
    10: ("october", "oct", "oktober", "okt"),
    11: ("november", "nov"),
    12: ("december", "dec", "dezember", "dez"),
}
MONTHS = {name: number for number, names in _MONTH_NAMES.items() for name in names}
