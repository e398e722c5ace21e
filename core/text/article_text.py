"""Finishing touches every imported article gets: boilerplate marks, outlet, date and language guesses."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from functools import lru_cache
from pathlib import Path

from core.model.article import UNKNOWN_OUTLET, Article, Origin
from core.paths import resources_dir
from core.text.boilerplate import find_boilerplate
from core.text.language import article_language
from core.text.outlet_guess import guess_outlet
from core.text.outlets import looks_like_outlet, name_shaped, with_normalised_outlet


def finish_article(article: Article, *, folder: str = "") -> Article:
    """Mark boilerplate and guess the outlet, date and language if the importer found none.

    The outlet's precedence: what the importer read (an export's field, a
    page's metadata, a table's column, then a header or byline line) >
    the text's references to itself (a wire dateline, "Read more from X")
    > a folder named like an outlet (``folder`` is the parent path; generic
    names such as "Downloads" never count) > unknown. The date may come
    from the file name ("2024-06-19_putin.txt"). Guesses are marked
    :attr:`Origin.GUESSED`.
    """
    boilerplate = tuple(sorted(set(article.boilerplate) | set(find_boilerplate(article.text))))
    changes: dict = {"boilerplate": boilerplate}
    origins = dict(article.origins)
    if article.outlet == UNKNOWN_OUTLET:
        outlet = guess_outlet(article.text) or folder_outlet(folder)
        if outlet:
            changes["outlet"] = outlet
            origins["outlet"] = Origin.GUESSED
    if not article.date and article.source_path:
        guessed = date_in_name(Path(article.source_path).name)
        if guessed:
            changes["date"] = guessed
            origins["date"] = Origin.GUESSED
    language = article_language(replace(article, boilerplate=boilerplate).analysed_text, article.language,
                                article.origin("language"))
    if language:
        changes["language"], origins["language"] = language
    changes["origins"] = origins
    return with_normalised_outlet(replace(article, **changes))


@lru_cache(maxsize=1)
def generic_folders() -> frozenset[str]:
    """Folder names that never name an outlet (``resources/generic_folders.txt``)."""
    lines = (resources_dir() / "generic_folders.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(_folder_key(line) for line in lines if line.strip() and not line.startswith("#"))


def _folder_key(name: str) -> str:
    return re.sub(r"[\s_\-]+", " ", name).strip().casefold()


def folder_outlet(folder: str) -> str | None:
    """The nearest of the last three folders named like an outlet ("The Daily Planet", "bbc.co.uk").

    Years, dates, generic names ("Downloads", "drop", "lexis") and names that
    are not written like a name ("batch 3", "alpha") are skipped; a folder of
    capitalised words the user made for an outlet ("The Morning Ledger",
    "Serrana Broadcasting Corporation") names it.
    """
    for name in reversed(Path(folder).parts[-3:] if folder else ()):
        name = name.strip().replace("_", " ")
        if not name or name.startswith((".", "tmp", "pytest")) or _folder_key(name) in generic_folders():
            continue
        if re.fullmatch(r"[\d.\- ]+", name):
            continue
        if looks_like_outlet(name) or name_shaped(name):  # the user named the folder: "The Morning Ledger"
            return name
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
