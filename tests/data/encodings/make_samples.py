"""Writes the encoding samples in this folder (run it again after changing a text).

The texts are written for Newsprism's tests; each file holds one in the
encoding its name says, the way real tools save them.
"""

from __future__ import annotations

import gzip
from pathlib import Path

HERE = Path(__file__).resolve().parent

GERMAN = """Müller übernimmt Vorsitz im Stadtrat
Die Stadträtin Jürgen Müllers Nachfolgerin, Käthe Weiß, sagte am Dienstag in Düsseldorf, die Straßenbahn werde „so schnell wie möglich“ über die Brücke fahren.
Die Sanierung kostet nach Angaben der Verwaltung rund 4,5 Millionen € – mehr als zunächst geplant.
Anwohner in Oberkassel äußerten sich erleichtert: Seit März müssen Pendler einen Umweg von zwölf Minuten in Kauf nehmen.
"""  # noqa: E501 (one paragraph a line)

FRENCH = """Les élèves du lycée Victor-Hugo manifestent à Besançon
Des centaines d’élèves se sont rassemblés jeudi devant la préfecture du Doubs pour protester contre la fermeture de deux classes.
« Nous voulons être entendus », a déclaré Chloé Lefèvre, déléguée de terminale, avant une réunion avec le recteur.
Le ministère n’a pas encore réagi à leurs revendications.
"""

ENGLISH = """Harbour bridge reopens after repairs
The harbour bridge in Portsmouth reopened to traffic on Monday after eight weeks of repairs, the city council said.
Engineers replaced 140 metres of the deck and repainted the steel arches, at a cost of £3.2 million.
“We are grateful for the patience of everyone who had to take the long way round,” said councillor Ruth Okafor.
"""

RUSSIAN = """Мэр Казани открыл новый мост через Казанку
Новый мост через реку Казанку открыли для движения в понедельник, сообщила пресс-служба мэрии.
По словам мэра, строительство обошлось городу в 2,1 миллиарда рублей и заняло почти три года.
Жители окрестных районов говорят, что дорога до центра теперь занимает вдвое меньше времени.
"""

#: Lines of one file saved by different tools: a UTF-8 export with lines pasted from a cp1252 document.
MIXED = [
    ("utf-8", "Zoë Müller’s café wins Düsseldorf award"),
    ("utf-8", "The café on Königsallee, run by Zoë Müller since 2019, was named the city’s best on Friday."),
    ("cp1252", "“We never expected this,” Müller said – the prize comes with €5,000."),
    ("utf-8", "Judges praised the café’s crème brûlée and its “naïve” murals."),
    ("cp1252", "Señor Muñoz, a regular, called the news “très bien”."),
]

#: UTF-8 text that was once decoded as cp1252 and saved again as UTF-8.
MOJIBAKE = "CafÃ© owners in ZÃ¼rich say â€œpricesâ€\x9d rose\nThe cafÃ© association said costs rose by 20 per cent this year.\n"


def write_all() -> None:
    (HERE / "german_cp1252.txt").write_bytes(GERMAN.encode("cp1252"))
    (HERE / "french_cp1252.txt").write_bytes(FRENCH.encode("cp1252"))
    (HERE / "english_utf16le_nobom.txt").write_bytes(ENGLISH.encode("utf-16-le"))
    (HERE / "german_utf16be_nobom.txt").write_bytes(GERMAN.encode("utf-16-be"))
    (HERE / "russian_cp1251.txt").write_bytes(RUSSIAN.encode("cp1251"))
    (HERE / "mixed_utf8_cp1252.txt").write_bytes(b"\n".join(line.encode(enc) for enc, line in MIXED) + b"\n")
    (HERE / "mojibake_utf8.txt").write_bytes(MOJIBAKE.encode("utf-8"))
    with gzip.open(HERE / "harbour.txt.gz", "wb") as out:
        out.write(ENGLISH.encode("utf-8"))


if __name__ == "__main__":
    write_all()
