"""Finishing touches every imported article gets: boilerplate marks, outlet and date guesses."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

from core.model.article import UNKNOWN_OUTLET, Article, Origin
from core.text.boilerplate import find_boilerplate
from core.text.outlet_guess import guess_outlet
from core.text.outlets import with_normalised_outlet


def finish_article(article: Article, *, folder: str = "") -> Article:
    """Mark boilerplate and guess the outlet and date if the importer found none.

    The outlet guess comes from the text's references to itself, else from
    the folders the file was in (``folder`` is the parent path); the date
    from a date in the file name ("2024-06-19_putin.txt"). Guesses are
    marked :attr:`Origin.GUESSED`.
    """
    changes: dict = {"boilerplate": find_boilerplate(article.text)}
    origins = dict(article.origins)
    if article.outlet == UNKNOWN_OUTLET:
        outlet = guess_outlet(article.text) or _folder_outlet(folder)
        if outlet:
            changes["outlet"] = outlet
            origins["outlet"] = Origin.GUESSED
    if not article.date and article.source_path:
        guessed = date_in_name(Path(article.source_path).name)
        if guessed:
            changes["date"] = guessed
            origins["date"] = Origin.GUESSED
    changes["origins"] = origins
    return with_normalised_outlet(replace(article, **changes))


_GENERIC_FOLDERS = {"seeds", "articles", "downloads", "desktop", "data", "documents", "news", "corpus", "in", "input"}


def _folder_outlet(folder: str) -> str | None:
    """The nearest of the last three folders whose name could be an outlet.

    Years, dates and generic names ("Downloads", "articles") are skipped.
    """
    for name in reversed(Path(folder).parts[-3:] if folder else ()):
        name = name.strip()
        if not name or name.startswith((".", "tmp", "pytest")) or name.casefold() in _GENERIC_FOLDERS:
            continue
        if re.fullmatch(r"[\d_.\- ]+", name):
            continue
        return name.replace("_", " ")
    return None


_NAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)")


def date_in_name(name: str) -> str | None:
    """An ISO date written in a file name (2024-06-19, 2024_06_19, 20240619), if valid."""
    match = _NAME_DATE.search(name)
    if not match:
        return None
    try:
        return date(*map(int, match.groups())).isoformat()
    except ValueError:
        return None
