"""One name per outlet, whatever the source called it.

Exports, web pages and tables spell outlets differently ("Guardian.com",
"The Guardian", "theguardian.com", "The Guardian (London)"). A table maps
every spelling to one name: ``resources/outlets.csv``, extended (and
overridden) by ``outlets.csv`` in the user's data folder.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import replace
from pathlib import Path

from core.model.article import UNKNOWN_OUTLET, Article
from core.paths import resources_dir, user_data_dir

USER_TABLE_NAME = "outlets.csv"
_DOMAIN = re.compile(r"^[\w-]+(\.[\w-]+)+$")
_PARENTHESIS = re.compile(r"\s*\([^()]*\)\s*$")
_cache: dict[tuple, dict[str, str]] = {}


def outlet_key(name: str) -> str:
    """How spellings are compared: case, "The", "www." and punctuation ignored."""
    text = unicodedata.normalize("NFKC", name).strip().casefold()
    text = re.sub(r"^[a-z]+://", "", text)
    host = text.split("/")[0]
    if _DOMAIN.match(host):
        return re.sub(r"^(www\d?|m|amp|mobile)\.", "", host)
    text = re.sub(r"^the\s+", "", text)
    return re.sub(r"[^\w()]+", " ", text).strip()


def _read_table(path: Path) -> dict[str, str]:
    table: dict[str, str] = {}
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            for row in csv.reader(line for line in handle if not line.lstrip().startswith("#")):
                if len(row) >= 2 and row[0].strip() and row[1].strip() and row[0].strip().lower() != "alias":
                    table[outlet_key(row[0])] = row[1].strip()
    except (OSError, UnicodeDecodeError, csv.Error):
        return {}  # a broken user table must not stop an import; the built-in one still applies
    return table


def _stamp(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return -1.0


def outlet_table() -> dict[str, str]:
    """``key -> outlet`` from the built-in table and the user's (re-read when it changes)."""
    builtin, user = resources_dir() / "outlets.csv", user_data_dir() / USER_TABLE_NAME
    stamp = (str(builtin), _stamp(builtin), str(user), _stamp(user))
    if stamp not in _cache:
        _cache.clear()
        _cache[stamp] = {**_read_table(builtin), **(_read_table(user) if stamp[3] >= 0 else {})}
    return _cache[stamp]


def normalise_outlet(name: str) -> str:
    """The table's name for an outlet, or the name itself (tidied) if unknown."""
    tidy = re.sub(r"\s+", " ", name).strip()
    if not tidy or tidy == UNKNOWN_OUTLET:
        return tidy or UNKNOWN_OUTLET
    table = outlet_table()
    key = outlet_key(tidy)
    for candidate in (key, outlet_key(_PARENTHESIS.sub("", tidy)), *_parent_domains(key)):
        if candidate in table:
            return table[candidate]
    return tidy


def _parent_domains(key: str) -> list[str]:
    if not _DOMAIN.match(key):
        return []
    parts = key.split(".")
    return [".".join(parts[i:]) for i in range(1, len(parts) - 1)]


def with_normalised_outlet(article: Article) -> Article:
    """The article with its outlet's table name (its origin is unchanged)."""
    outlet = normalise_outlet(article.outlet)
    return article if outlet == article.outlet else replace(article, outlet=outlet)
