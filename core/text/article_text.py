"""Finishing touches every imported article gets: boilerplate marks, outlet guess."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from core.model.article import UNKNOWN_OUTLET, Article, Origin
from core.text.boilerplate import find_boilerplate
from core.text.outlet_guess import guess_outlet
from core.text.outlets import with_normalised_outlet


def finish_article(article: Article, *, folder: str = "") -> Article:
    """Mark boilerplate and, if the importer found no outlet, guess one.

    The outlet guess comes from the text's references to itself, else from
    the folders the file was in (``folder`` is the parent path); both are marked :attr:`Origin.GUESSED`.
    """
    changes: dict = {"boilerplate": find_boilerplate(article.text)}
    if article.outlet == UNKNOWN_OUTLET:
        outlet = guess_outlet(article.text) or _folder_outlet(folder)
        if outlet:
            changes["outlet"] = outlet
            changes["origins"] = {**article.origins, "outlet": Origin.GUESSED}
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
