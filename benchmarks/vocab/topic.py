"""What a news topic is made of: roles of the people in it and sentence templates.

Template slots: ``{A0}``..``{A2}`` name an actor (title and full name the
first time in an article, the surname afterwards), ``{A0s}`` is always the
surname, ``{P0}``/``{P0c}`` the pronoun; the event fills ``{country}``,
``{adj}``, ``{capital}``, ``{city}``, ``{other}``, ``{other_adj}``,
``{other_capital}``, ``{org0}``, ``{org1}``, ``{company}``, ``{party}``,
``{intl}``, ``{n1}``, ``{n2}``, ``{pct}``, ``{amount}``, ``{weekday}``,
``{month_day}``, ``{region}`` and ``{noun}``. Quotes and claims are the words
alone, without quotation marks or final punctuation.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Role:
    title: str  # written before the name: "Energy Minister"
    side: str  # "home", "other" (the second country) or "intl"


@dataclass(frozen=True)
class Topic:
    key: str
    noun: str  # "the floods"
    roles: tuple[Role, ...]
    orgs: tuple[str, str]  # org0, org1 (may use slots)
    headlines: tuple[str, ...]
    ledes: tuple[str, ...]
    facts: tuple[str, ...]
    background: tuple[str, ...]
    quotes: tuple[str, ...]  # direct quotes
    claims: tuple[str, ...]  # reported speech: "... said that <claim>"
    leaks: tuple[str, ...]  # what anonymous sources say
    subheads: tuple[str, ...]
