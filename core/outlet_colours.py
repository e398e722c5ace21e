"""One colour per outlet, the same in every chart, the window and the workbook, kept in the project.

Colours come from Okabe & Ito's colour-blind safe palette (without its
yellow, too faint on white) followed by the darker colours of Paul Tol's
"muted" scheme. An outlet keeps the colour it was first given: a new
outlet, or an edit that renames one, takes the first colour nobody has, and
no other outlet's colour changes.
"""

from __future__ import annotations

import json
from typing import Iterable

#: Strongest contrasts first; every colour is readable as a line or a bar on white and on dark grey.
PALETTE = (
    "#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#555555",  # Okabe & Ito (no yellow)
    "#332288", "#882255", "#117733", "#999933", "#44AA99", "#AA4499",  # Tol muted, darker ones
)
META_KEY = "outlet_colours"


def assign(kept: dict[str, str], outlets: Iterable[str]) -> dict[str, str]:
    """``kept`` plus a colour for each outlet that has none: the first unused, cycling when all are used."""
    colours = dict(kept)
    for outlet in sorted(set(outlets) - set(colours)):
        used = list(colours.values())
        free = [c for c in PALETTE if c not in used]
        colours[outlet] = free[0] if free else PALETTE[len(used) % len(PALETTE)]
    return colours


def parse(raw: str | None) -> dict[str, str]:
    """The stored assignment (an unreadable value counts as none)."""
    try:
        value = json.loads(raw or "{}")
    except ValueError:
        return {}
    if not isinstance(value, dict):
        return {}
    return {str(k): str(v) for k, v in value.items() if isinstance(v, str) and v.startswith("#")}


def dumps(colours: dict[str, str]) -> str:
    return json.dumps(colours, ensure_ascii=False, sort_keys=True)
