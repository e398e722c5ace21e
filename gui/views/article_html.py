"""An article as rich text: headline bold, entities coloured by type, boilerplate grey.

Presentation only: the spans come from core (mention offsets, boilerplate
spans); this module turns them into Qt's HTML subset.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from itertools import groupby
from typing import Iterable
from urllib.parse import quote, unquote

from core.model.article import Article
from gui.colors import type_colour, type_name

ENTITY_SCHEME = "entity"
#: The followed entity stands out in amber, like its band in the chart.
SELECTED_LIGHT = "#ffc53d"
SELECTED_DARK = "#9a6b00"
#: A quote or passage the user jumped to.
FOCUS_ANCHOR = "focus"
FOCUS_LIGHT = "#e6dcff"
FOCUS_DARK = "#4b3d6e"
#: Sentences another shown article also carries, and sentences only this one has.
SHARED_LIGHT = "#d9f2df"
SHARED_DARK = "#22432c"
UNIQUE_LIGHT = "#fdeccf"
UNIQUE_DARK = "#4a3822"


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    label: str
    entity: str


def entity_link(entity: str) -> str:
    return f"{ENTITY_SCHEME}:{quote(entity, safe='')}"


def entity_from_link(link: str) -> str | None:
    prefix = f"{ENTITY_SCHEME}:"
    return unquote(link[len(prefix):]) if link.startswith(prefix) else None


def describe_mention(mention: Mention) -> str:
    return f"{mention.entity} · {type_name(mention.label)} ({mention.label})"


def paragraph_starts(text: str) -> list[int]:
    """Text offset of each paragraph the HTML has (the non-blank lines), in order."""
    starts, offset = [], 0
    for line in text.split("\n"):
        if line.strip():
            starts.append(offset)
        offset += len(line) + 1
    return starts


#: Sentence shades: 0 none, then shared with another article, only in this one, the focus.
SHARED, UNIQUE, FOCUSED = 1, 2, 3


def article_html(
    article: Article,
    mentions: Iterable[Mention],
    *,
    visible_types: Iterable[str] | None = None,
    selected_entity: str | None = None,
    focus: tuple[int, int] | None = None,
    shared: Iterable[tuple[int, int]] = (),
    unique: Iterable[tuple[int, int]] = (),
    dark: bool = False,
) -> str:
    """Rich text of ``article`` with its mentions of ``visible_types`` highlighted.

    ``shared`` and ``unique`` sentence spans are tinted; ``focus`` (a quote,
    a passage) is shaded and starts with the anchor :data:`FOCUS_ANCHOR`, so
    the view can scroll to it. One paragraph per non-blank line, no text
    added: document positions map back to offsets (:func:`paragraph_starts`).
    """
    text = article.text
    visible = None if visible_types is None else set(visible_types)
    shown = [m for m in mentions if visible is None or m.label in visible]
    mention_at = [-1] * len(text)
    for i, m in enumerate(shown):
        for j in range(max(m.start, 0), min(m.end, len(text))):
            mention_at[j] = i
    boiler = _marks(len(text), article.boilerplate, 1)
    shade = _marks(len(text), shared, SHARED)
    for kind, spans in ((UNIQUE, unique), (FOCUSED, [focus] if focus else [])):
        for start, end in spans:
            shade[max(start, 0):min(end, len(text))] = bytes([kind]) * max(min(end, len(text)) - max(start, 0), 0)
    style = _Style(dark)
    anchored = False
    paragraphs = []
    for number, start in enumerate(paragraph_starts(text)):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        parts = []
        for (is_boiler, index, tint), run in groupby(range(start, end), key=lambda j: (boiler[j], mention_at[j], shade[j])):
            run = list(run)
            chunk = html.escape(text[run[0]:run[-1] + 1])
            if tint == FOCUSED and not anchored:
                parts.append(f'<a name="{FOCUS_ANCHOR}"></a>')
                anchored = True
            if index >= 0:
                mention = shown[index]
                parts.append(_mention_html(chunk, mention, mention.entity == selected_entity, dark, style.ink))
            elif is_boiler:
                parts.append(f'<span style="color:{style.grey}; font-style:italic">{chunk}</span>')
            elif tint:
                decoration = "; text-decoration:underline" if tint == FOCUSED else ""
                parts.append(f'<span style="background-color:{style.tints[tint]}{decoration}">{chunk}</span>')
            else:
                parts.append(chunk)
        body = "".join(parts)
        if number == 0 and start == 0:
            paragraphs.append(f'<p style="font-size:large; font-weight:bold; margin-bottom:10px">{body}</p>')
        else:
            paragraphs.append(f'<p style="margin-bottom:8px">{body}</p>')
    return "\n".join(paragraphs)


class _Style:
    def __init__(self, dark: bool):
        self.grey = "#8a8a8a" if dark else "#8c8c8c"
        self.ink = "#f0f0f0" if dark else "#101010"
        self.tints = {
            SHARED: SHARED_DARK if dark else SHARED_LIGHT,
            UNIQUE: UNIQUE_DARK if dark else UNIQUE_LIGHT,
            FOCUSED: FOCUS_DARK if dark else FOCUS_LIGHT,
        }


def _marks(length: int, spans: Iterable[tuple[int, int]], value: int) -> bytearray:
    marks = bytearray(length)
    for start, end in spans:
        start, end = max(start, 0), min(end, length)
        if end > start:
            marks[start:end] = bytes([value]) * (end - start)
    return marks


def _mention_html(chunk: str, mention: Mention, selected: bool, dark: bool, ink: str) -> str:
    colour = type_colour(mention.label, dark)
    style = f"background-color:{colour.name()}; color:{ink}; text-decoration:none"
    if selected:
        strong = SELECTED_DARK if dark else SELECTED_LIGHT
        style = f"background-color:{strong}; color:{ink}; font-weight:bold; text-decoration:underline"
    return f'<a href="{entity_link(mention.entity)}" style="{style}">{chunk}</a>'
