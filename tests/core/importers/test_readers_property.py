"""Every registered reader, fed random bytes and random text: articles or UnreadableFile, nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.importers import _READERS, supported_extensions
from core.model.article import Article
from core.model.import_result import UnreadableFile

EXTENSIONS = supported_extensions()  # loads every reader module, including ones added later
PROPERTY_SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _feed(extension: str, data: bytes) -> None:
    reader = _READERS[extension]
    try:
        articles = reader(Path(f"random{extension}"), data)
    except UnreadableFile as exc:
        assert str(exc), "a failure needs a message for the user"
        return
    assert isinstance(articles, list)
    assert all(isinstance(a, Article) and a.text for a in articles)


def test_every_extension_has_a_reader():
    assert EXTENSIONS and all(ext in _READERS for ext in EXTENSIONS)


@pytest.mark.parametrize("extension", EXTENSIONS)
@PROPERTY_SETTINGS
@given(data=st.binary(max_size=4096))
def test_random_bytes(extension, data):
    _feed(extension, data)


@pytest.mark.parametrize("extension", EXTENSIONS)
@PROPERTY_SETTINGS
@given(text=st.text(max_size=2000), encoding=st.sampled_from(["utf-8", "utf-16", "utf-8-sig"]))
def test_random_text(extension, text, encoding):
    _feed(extension, text.encode(encoding, errors="surrogatepass"))


MARKUP = st.lists(
    st.sampled_from(["<html>", "<body>", "<p>", "</p>", "<h1>", "</h1>", "<script>", "</script>", "<!--", "-->",
                     "<![CDATA[", "]]>", "<?xml version='1.0'?>", "<!DOCTYPE x [<!ENTITY a 'b'>]>", "&a;", "&#0;",
                     "<meta charset='utf-16'>", "<meta charset='nonsense'>", "{", "}", "[", "]", '"', ",", ";", "\n",
                     "title,text\n", '{"title": ', '"text": ', "PK\x03\x04", "word ", "Überschrift ", "東京 "]),
    max_size=80,
).map("".join)


@pytest.mark.parametrize("extension", EXTENSIONS)
@PROPERTY_SETTINGS
@given(text=MARKUP)
def test_random_structured_text(extension, text):
    """Random pieces of the formats' own syntax reach deeper than random bytes."""
    _feed(extension, text.encode("utf-8", errors="surrogatepass"))
