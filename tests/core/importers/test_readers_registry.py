"""Every reader module loads: a broken one would silently disable its formats."""

from core.importers import supported_extensions, unavailable_readers


def test_every_reader_module_loads():
    assert unavailable_readers() == {}


def test_the_formats_analysts_bring_are_supported():
    assert {".txt", ".md", ".html", ".htm", ".docx", ".pdf", ".csv", ".xlsx", ".json", ".zip"} <= set(supported_extensions())
