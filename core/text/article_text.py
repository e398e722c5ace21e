"""Finishing touches every imported article gets: boilerplate marks, outlet guess."""

from __future__ import annotations

from dataclasses import replace

from core.model.article import UNKNOWN_OUTLET, Article, Origin
from core.text.boilerplate import find_boilerplate
from core.text.outlet_guess import guess_outlet


def finish_article(article: Article, *, folder: str = "") -> Article:
    """Mark boilerplate and, if the importer found no outlet, guess one.

    The outlet guess comes from the text's references to itself, else from
    the folder the file was in; both are marked :attr:`Origin.GUESSED`.
    """
    changes: dict = {"boilerplate": find_boilerplate(article.text)}
    if article.outlet == UNKNOWN_OUTLET:
        outlet = guess_outlet(article.text) or _folder_outlet(folder)
        if outlet:
            changes["outlet"] = outlet
            changes["origins"] = {**article.origins, "outlet": Origin.GUESSED}
    return replace(article, **changes)


def _folder_outlet(folder: str) -> str | None:
    folder = folder.strip()
    if not folder or folder.startswith((".", "tmp")) or folder.lower() in {"seeds", "articles", "downloads", "desktop", "data"}:
        return None
    return folder.replace("_", " ")
