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


def article_html(
    article: Article,
    mentions: Iterable[Mention],
    *,
    visible_types: Iterable[str] | None = None,
    selected_entity: str | None = None,
    focus: tuple[int, int] | None = None,
    dark: bool = False,
) -> str:
    """Rich text of ``article`` with its mentions of ``visible_types`` highlighted.

    ``focus`` (a quote, a passage) is shaded and starts with the anchor
    :data:`FOCUS_ANCHOR`, so the view can scroll to it.
    """
    text = article.text
    visible = None if visible_types is None else set(visible_types)
    shown = [m for m in mentions if visible is None or m.label in visible]
    mention_at = [-1] * len(text)
    for i, m in enumerate(shown):
        for j in range(max(m.start, 0), min(m.end, len(text))):
            mention_at[j] = i
    boiler = bytearray(len(text))
    for start, end in article.boilerplate:
        boiler[start:end] = b"\x01" * (min(end, len(text)) - start)
    focused = bytearray(len(text))
    if focus is not None:
        start, end = max(focus[0], 0), min(focus[1], len(text))
        focused[start:end] = b"\x01" * max(end - start, 0)
    shade = FOCUS_DARK if dark else FOCUS_LIGHT
    anchored = False
    grey = "#8a8a8a" if dark else "#8c8c8c"
    ink = "#f0f0f0" if dark else "#101010"
    paragraphs = []
    offset = 0
    for number, line in enumerate(text.split("\n")):
        start, end = offset, offset + len(line)
        offset = end + 1
        if not line.strip():
            continue
        parts = []
        for (is_boiler, index, in_focus), run in groupby(
            range(start, end), key=lambda j: (boiler[j], mention_at[j], focused[j])
        ):
            run = list(run)
            chunk = html.escape(text[run[0]:run[-1] + 1])
            if in_focus and not anchored:
                parts.append(f'<a name="{FOCUS_ANCHOR}"></a>')
                anchored = True
            if in_focus and index < 0:
                parts.append(f'<span style="background-color:{shade}; text-decoration:underline">{chunk}</span>')
            elif index >= 0:
                mention = shown[index]
                parts.append(_mention_html(chunk, mention, mention.entity == selected_entity, dark, ink))
            elif is_boiler:
                parts.append(f'<span style="color:{grey}; font-style:italic">{chunk}</span>')
            else:
                parts.append(chunk)
        body = "".join(parts)
        if number == 0:
            paragraphs.append(f'<p style="font-size:large; font-weight:bold; margin-bottom:10px">{body}</p>')
        else:
            paragraphs.append(f'<p style="margin-bottom:8px">{body}</p>')
    return "\n".join(paragraphs)


def _mention_html(chunk: str, mention: Mention, selected: bool, dark: bool, ink: str) -> str:
    colour = type_colour(mention.label, dark)
    style = f"background-color:{colour.name()}; color:{ink}; text-decoration:none"
    if selected:
        strong = SELECTED_DARK if dark else SELECTED_LIGHT
        style = f"background-color:{strong}; color:{ink}; font-weight:bold; text-decoration:underline"
    return f'<a href="{entity_link(mention.entity)}" style="{style}">{chunk}</a>'
