"""People's names for the synthetic corpus: actors, experts and bylines.

First names and surnames are disjoint sets, so a surname mentioned alone can
only mean the person whose full name the article used.
"""

FIRST_NAMES_F = (
    "Laura", "Amara", "Ingrid", "Sofia", "Priya", "Mei", "Fatima", "Helena", "Grace", "Ana",
    "Claire", "Nadia", "Yuki", "Elena", "Rosa", "Leila", "Hannah", "Marta", "Chiara", "Aisha",
    "Olga", "Teresa", "Zanele", "Camila", "Irene", "Monique", "Astrid", "Lucia", "Beatriz", "Farah",
    "Svetlana", "Joanna", "Daniela", "Ruth", "Naomi", "Alicia", "Mariam", "Ewa", "Carmen", "Keiko",
)
FIRST_NAMES_M = (
    "Thomas", "Daniel", "Rafael", "Kwame", "Viktor", "Arjun", "Mateus", "Henrik", "Omar", "Jonas",
    "Samuel", "Diego", "Kenji", "Andrzej", "Emeka", "Lars", "Pablo", "Ibrahim", "Stefan", "Luca",
    "Marcus", "Hiroshi", "Tomasz", "Felipe", "Nikolai", "Anders", "Mehmet", "Rahul", "Joaquin", "Piotr",
    "Gabriel", "Tobias", "Yusuf", "Martin", "Oskar", "Julian", "Karim", "Sebastian", "Hugo", "Dmitri",
)
SURNAMES = (
    "Whitfield", "Okonkwo", "Lindqvist", "Moreau", "Castellano", "Nakamura", "Haddad", "Kowalczyk", "Brennan", "Mensah",
    "Ferreira", "Albrecht", "Sorensen", "Varga", "Delacroix", "Iyer", "Petrov", "Quintero", "Adeyemi", "Hallberg",
    "Tanaka", "Marchetti", "Novak", "Osei", "Rasmussen", "Bianchi", "Kaplan", "Mbeki", "Santoro", "Yilmaz",
    "Fitzgerald", "Abernathy", "Kovacs", "Eriksen", "Oyelaran", "Pereira", "Lindgren", "Matsuda", "Ruiz", "Wojcik",
    "Andersson", "Chaudhry", "Gallagher", "Horvath", "Ibanez", "Jablonski", "Kimura", "Lombardi", "Mwangi", "Nieminen",
    "Ostrowski", "Palmer", "Quigley", "Rahimi", "Salazar", "Thorsen", "Ulrich", "Valdez", "Wallace", "Zielinski",
    "Achebe", "Bergstrom", "Carvalho", "Dimitrov", "Esposito", "Falkner", "Grimaldi", "Hoffmann", "Ishikawa", "Jovanovic",
    "Kaminski", "Larsen", "Mancini", "Nkosi", "Okafor", "Pavlenko", "Rinaldi", "Sato", "Tavares", "Urquhart",
    "Vasquez", "Weber", "Xavier", "Yamamoto", "Zapata", "Aldana", "Brandt", "Cardoso", "Duarte", "Engel",
    "Fonseca", "Garrido", "Holm", "Ivanova", "Jensen", "Keller", "Lacroix", "Moretti", "Nyberg", "Olsen",
    "Pietrzak", "Ramirez", "Schultz", "Toivonen", "Uribe", "Villanueva", "Winter", "Yoshida", "Zamora", "Barros",
    "Coleman", "Dunmore", "Everett", "Fairbanks", "Greaves", "Hartley", "Ingram", "Kingsley", "Lowell", "Merriman",
    "Northcott", "Ashworth", "Pemberton", "Radcliffe", "Sheridan", "Thornton", "Underwood", "Vance", "Wexford", "Yardley",
    "Boateng", "Chikwanha", "Diallo", "Eze", "Farouk", "Gueye", "Hussein", "Idowu", "Jallow", "Kamau",
)
#: Journalists who sign articles; kept apart from the people in the news.
BYLINE_NAMES = (
    "Jane Holloway", "Peter Strand", "Alice Munro-Pike", "Tom Ashby", "Rebecca Lyle", "Owen Marsh",
    "Lydia Crane", "Simon Petrie", "Harriet Vane", "George Amwell", "Nina Castell", "Ben Oduya",
    "Kate Ridley", "Paul Stenson", "Maya Lindell", "Chris Tolland", "Ruth Ambler", "Sam Whitcombe",
    "Emily Vossler", "David Renfrew", "Laila Marchand", "Iain Corry", "Zoe Hartwell", "Mark Ellery",
    "Julia Penrose", "Adam Kestrel", "Freya Dalton", "Victor Lunn", "Sara Beaumont", "Neil Fenwick",
    "Ola Bankole", "Tessa Morrow", "Rory Blake", "Anita Desai-Hall", "Colin Drury", "Megan Foyle",
    "Hugh Tennant", "Isla Carrick", "Leo Mansfield", "Rachel Oakes",
)
PHOTOGRAPHERS = (
    "ANDRES VALE", "MIKA ROSSI", "JORGE ESTEBAN", "LENA FISCHER", "KOFI ADJEI", "SARA LUNDIN",
    "YUSUF CAN", "ELLA MARKS", "PIERRE DUVAL", "NOOR HASSAN", "IVAN SOKOLOV", "TARA QUINN",
)
EXPERT_TITLES = (
    ("an economist at", "the University of Amsterdam"),
    ("a political scientist at", "the University of Toronto"),
    ("a senior fellow at", "the Chatham Institute for Policy"),
    ("a professor of public health at", "the University of Cape Town"),
    ("a researcher at", "the Lowland Policy Institute"),
    ("a former diplomat and analyst at", "the Meridian Strategy Group"),
    ("a climate scientist at", "the University of Melbourne"),
    ("a labour historian at", "the University of Manchester"),
    ("a legal scholar at", "Sorbonne University"),
    ("a security analyst at", "the Baltic Defence Forum"),
)
