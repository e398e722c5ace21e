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
    """The table's name for an outlet, or the name itself (tidied, without edition and city) if unknown."""
    tidy = re.sub(r"\s+", " ", name).strip()
    if not tidy or tidy == UNKNOWN_OUTLET:
        return tidy or UNKNOWN_OUTLET
    table = outlet_table()
    key = outlet_key(tidy)
    bare = without_edition(tidy)
    candidates = (key, outlet_key(without_edition(tidy, places=False)), outlet_key(_PARENTHESIS.sub("", tidy)),
                  outlet_key(bare), *_parent_domains(key))
    for candidate in candidates:
        if candidate in table:
            return table[candidate]
    return bare or tidy


_EDITION_WORDS = (
    r"(?:final|late|early|first|second|third|main|national|international|city|metro|home|sunday|saturday|weekend|"
    r"morning|evening|afternoon|online|web|print|digital|scotland|scottish|irish|ireland|northern ireland|wales|"
    r"welsh|uk|u\.k\.|us|u\.s\.|usa|europe|european|asia|asian|eire|regional|state|country|correction|"
    r"\d+(?:st|nd|rd|th)?|[a-z]+)"
)
#: A trailing edition: " - Final Edition", ", Late Edition - Final", "; Scotland edition 2", " - Ausgabe Berlin".
_EDITION = re.compile(
    rf"\s*[-–—,;:|/]\s*(?:{_EDITION_WORDS}\s+){{0,2}}(?:edition|ed\.|ausgabe|édition)\b[^-–—,;|()]{{0,25}}"
    r"(?:\s*[-–—]\s*final)?\s*$",
    re.I,
)
_FINAL = re.compile(r"\s*[-–—,]\s*(?:final|late final|early)\s*$", re.I)


def without_edition(name: str, *, places: bool = True) -> str:
    """The outlet's name without edition suffixes and (with ``places``) a place in parentheses.

    "The Guardian (London) - Final Edition" -> "The Guardian";
    "Daily Mail (London) - Scotland edition" -> "Daily Mail".
    """
    previous = None
    name = name.strip()
    patterns = (_EDITION, _FINAL, _PARENTHESIS) if places else (_EDITION, _FINAL)
    while name != previous:
        previous = name
        for pattern in patterns:
            stripped = pattern.sub("", name).strip(" -–—,;:|")
            if stripped:
                name = stripped
    return name


def _parent_domains(key: str) -> list[str]:
    if not _DOMAIN.match(key):
        return []
    parts = key.split(".")
    return [".".join(parts[i:]) for i in range(1, len(parts) - 1)]


def with_normalised_outlet(article: Article) -> Article:
    """The article with its outlet's table name (its origin is unchanged)."""
    outlet = normalise_outlet(article.outlet)
    return article if outlet == article.outlet else replace(article, outlet=outlet)


#: Words an outlet's name is often made of (an unknown name is taken for an outlet only if it has one).
_OUTLET_WORDS = re.compile(
    r"\b(?:news|post|times|wire|herald|journal|gazette|daily|press|tribune|telegraph|guardian|observer|mail|star|"
    r"chronicle|radio|tv|television|agency|magazine|review|mirror|express|sun|independent|standard|today|weekly|"
    r"online|media|network|report|courier|courant|record|dispatch|bulletin|examiner|inquirer|register|sentinel|"
    r"monitor|globe|mercury|echo|argus|advertiser|leader|reporter|zeitung|rundschau|kurier|anzeiger|allgemeine|"
    r"abendblatt|tagblatt|nachrichten|presse|spiegel|welt|blatt|monde|libération|figaro|país|corriere|repubblica|"
    r"stampa|gazeta|pravda|izvestia|kommersant|vedomosti|ilbo|shimbun|nieuws|wires|newswire)\b",
    re.I,
)
_QUOTE_MARKS = re.compile(r"[\"“”„«»]")
_SMALL_WORDS = {"the", "of", "and", "on", "de", "la", "le", "der", "die", "das", "am", "del", "di", "du", "&", "y", "el"}
_WEB_ADDRESS = re.compile(r"(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}", re.I)


def name_shaped(text: str) -> bool:
    """Capitalised words, at most six, no sentence punctuation: could be a name (of a paper or a person)."""
    words = text.split()
    if not 1 <= len(words) <= 6 or text[-1:] in ".!?:" or len(text) > 60:
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w.casefold() in _SMALL_WORDS or "." in w for w in words)


def looks_like_outlet(text: str) -> bool:
    """A name that reads as an outlet's: a known outlet, a web address, or a name made of outlet words.

    What tells "Capital Wire" from "Ana Ruiz" or "President Obama" when a
    header or a self-reference names one.
    """
    text = text.strip()
    if not text or len(text) > 60 or _QUOTE_MARKS.search(text):
        return False
    if outlet_key(text) in outlet_table() or _WEB_ADDRESS.fullmatch(text):
        return True
    return name_shaped(text) and bool(_OUTLET_WORDS.search(text))
