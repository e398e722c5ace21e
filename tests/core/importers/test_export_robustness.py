"""The export parsers on hostile input: export-shaped random text never crashes a parser."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.importers.factiva import parse_factiva
from core.importers.lexisnexis import parse_lexisnexis_text
from core.importers.nexis_uk import html_to_lines
from core.importers.nexis_uni import parse_nexis_uni

_PIECES = st.sampled_from([
    "1 of 3 DOCUMENTS", "Dokument 2 von 2", "BYLINE: ", "LENGTH: 12 words", "LÄNGE:", "SECTION: x", "LOAD-DATE: ",
    "LANGUAGE: ENGLISH", "GRAPHIC:", "HIGHLIGHT: x; http://a.b/c", "January 11, 2010 Monday", "27. Februar 2012 9:50 PM GMT+1",
    "End of Document", "Body", "Classification", "Length:\u00a0", "Byline:", "Section:", "Documents (3)", "Sources: X",
    "Copyright 2010", "", " ", "\t", "Guardian.com.", "31. Feb 2010", "99:99 PM GMT+99",
])
_LINES = st.lists(st.one_of(_PIECES, st.text(max_size=30)), max_size=60)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_LINES)
def test_lexisnexis_and_nexis_uni_parsers_never_crash(lines):
    records = parse_lexisnexis_text("\n".join(lines))
    for record in records or []:
        assert isinstance(record.body, str) and isinstance(record.title, str)
    for record in parse_nexis_uni(lines) or []:
        assert isinstance(record.body, str)


_TAGS = st.sampled_from(['<div id="hd">', "</div>", "<div>", '<div class="author">', '<p class="articleParagraph">',
                         "</p>", "<p>", "<br>", "<span>", "</span>"])


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_TAGS, _PIECES, st.text(max_size=20)), max_size=80))
def test_factiva_and_nexis_uk_html_parsers_never_crash(parts):
    html = '<html><body><div class="article">' + "".join(parts) + "</div></body></html>"
    for record in parse_factiva(html):
        assert isinstance(record.title, str)
    assert isinstance(html_to_lines(html), str)
