"""Invented outlets, each with its own house style, self-references and boilerplate.

Self-references follow the real patterns Newsprism's outlet guess looks for
("X has emailed …", "Read more from X:", "X is committed to …").
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Outlet:
    name: str
    domain: str
    curly_quotes: bool  # “…” and ’ versus "…" and '
    words: tuple[int, int]  # length range of its articles
    wire_share: float  # how often it copies wire sentences verbatim
    bylines: int  # how many staff writers it has
    byline_line: bool  # "By Jane Holloway" line under the headline
    dateline: bool  # "LISBON (Capital Wire) —" before the first paragraph
    self_refs: tuple[str, ...]  # house phrases naming the outlet itself
    read_more: bool  # "Read more from X:" link lists
    promo: str  # a promotion line ("" for none)
    photo_credit: str  # format of photo credit lines
    sign_off: str  # last line ("" for none)
    headline_style: str  # "plain", "colon", "question", "live"


OUTLETS = (
    Outlet(
        "The Daily Meridian", "dailymeridian.example", True, (500, 1500), 0.2, 6, False, False,
        ("The Daily Meridian has emailed {org0} for comment.",
         "The Daily Meridian has contacted {org1} by email for further information."),
        False, "The Daily Meridian is committed to challenging conventional wisdom and finding connections in the search for common ground.",
        "{photographer}/AFP via Getty Images", "", "colon",
    ),
    Outlet(
        "Northfield Post", "northfieldpost.example", True, (350, 1100), 0.3, 5, False, False,
        (), True, "", "{photographer}/Reuters", "", "plain",
    ),
    Outlet(
        "Capital Wire", "capitalwire.example", False, (150, 450), 0.9, 8, False, True,
        (), False, "", "", "Reporting by {author}; Editing by {editor}", "plain",
    ),
    Outlet(
        "The Evening Courier", "eveningcourier.example", True, (400, 1200), 0.25, 5, True, False,
        ("The Evening Courier has reached out to {org0} for comment.",),
        False, "Sign up for the Evening Courier morning newsletter to get the day's top stories in your inbox.",
        "Photo: {photographer}/The Evening Courier", "", "question",
    ),
    Outlet(
        "Global Dispatch", "globaldispatch.example", False, (600, 1500), 0.15, 6, True, False,
        ("Global Dispatch has asked {org0} to comment.",),
        True, "", "{photographer}/EPA", "", "colon",
    ),
    Outlet(
        "Metro Herald", "metroherald.example", True, (150, 600), 0.5, 4, True, False,
        (), False, "Follow us on social media", "{photographer}/AP", "", "live",
    ),
    Outlet(
        "The Civic Observer", "civicobserver.example", True, (700, 1500), 0.1, 5, True, False,
        ("The Civic Observer is committed to bringing you independent reporting from every region.",),
        False, "Advertisement", "Credit: {photographer}/Shutterstock", "", "plain",
    ),
    Outlet(
        "Harbor Times", "harbortimes.example", False, (300, 900), 0.4, 4, False, True,
        ("Harbor Times has contacted {org0} for a response.",),
        False, "Subscribe to Harbor Times for the latest updates in your inbox.",
        "{photographer}/Alamy", "", "plain",
    ),
    Outlet(
        "Riverside Gazette", "riversidegazette.example", True, (250, 800), 0.35, 3, True, False,
        (), True, "", "Picture by {photographer}", "", "question",
    ),
    Outlet(
        "Summit Chronicle", "summitchronicle.example", False, (400, 1300), 0.2, 5, False, False,
        ("Summit Chronicle has emailed {org1} for comment.",),
        False, "Share this article", "{photographer}/Sipa", "", "colon",
    ),
)
#: The news agency whose sentences several outlets copy word for word.
WIRE_AGENCY = "Continental Press Agency"
