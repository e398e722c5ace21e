"""Which installed spaCy model analyses an article in a given language (spaCy itself not imported).

The chosen model (``model`` in the settings) analyses articles in its own
language and those whose language is not known. Another language is
analysed by an installed model for it (a package that registers itself as a
spaCy model, e.g. ``de_core_news_sm``), else by an installed multi-language
model (``xx_…``); with neither, the article is kept but not analysed, and
says so ("not analysed: language ko").
"""

from __future__ import annotations

import importlib.util
import json
from functools import lru_cache
from pathlib import Path
from typing import Iterable


def not_analysed_reason(language: str) -> str:
    return f"not analysed: language {language}"


@lru_cache(maxsize=64)
def model_language(model_name: str) -> str:
    """The language of an installed model package (its meta.json), else the prefix of its name."""
    try:
        spec = importlib.util.find_spec(model_name)
    except (ImportError, ValueError):
        spec = None
    if spec is not None and spec.origin:
        try:
            return str(json.loads((Path(spec.origin).parent / "meta.json").read_text(encoding="utf-8"))["lang"])
        except (OSError, ValueError, KeyError, TypeError):
            pass
    return model_name.split("_", 1)[0] if "_" in model_name else ""


@lru_cache(maxsize=1)
def installed_models() -> dict[str, str]:
    """``language -> model name`` of the installed spaCy model packages (the first found per language)."""
    from importlib.metadata import entry_points

    models: dict[str, str] = {}
    for entry in sorted(entry_points(group="spacy_models"), key=lambda e: e.name):
        models.setdefault(model_language(entry.name), entry.name)
    return models


def model_for(language: str, default_model: str) -> str | None:
    """The model that analyses text in ``language``; ``None`` when none is installed."""
    language = (language or "").strip().lower()[:3]
    if not language or language == model_language(default_model):
        return default_model
    installed = installed_models()
    return installed.get(language) or installed.get("xx")


def models_for(articles: Iterable, default_model: str) -> tuple[dict[str, list], list[tuple[str, str]]]:
    """Articles grouped by the model that analyses them, and ``(id, reason)`` of those none can."""
    groups: dict[str, list] = {}
    skipped: list[tuple[str, str]] = []
    for article in articles:
        model = model_for(article.language, default_model)
        if model is None:
            skipped.append((article.id, not_analysed_reason(article.language)))
        else:
            groups.setdefault(model, []).append(article)
    return groups, skipped
