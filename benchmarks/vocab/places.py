"""Real countries and cities (so the NER model sees familiar places) and invented organisations."""

#: (country, adjective, capital, another city)
COUNTRIES = (
    ("Portugal", "Portuguese", "Lisbon", "Porto"),
    ("Kenya", "Kenyan", "Nairobi", "Mombasa"),
    ("Chile", "Chilean", "Santiago", "Valparaiso"),
    ("Poland", "Polish", "Warsaw", "Krakow"),
    ("Vietnam", "Vietnamese", "Hanoi", "Da Nang"),
    ("Canada", "Canadian", "Ottawa", "Toronto"),
    ("Nigeria", "Nigerian", "Abuja", "Lagos"),
    ("Sweden", "Swedish", "Stockholm", "Gothenburg"),
    ("Mexico", "Mexican", "Mexico City", "Monterrey"),
    ("India", "Indian", "New Delhi", "Mumbai"),
    ("Brazil", "Brazilian", "Brasilia", "Sao Paulo"),
    ("Japan", "Japanese", "Tokyo", "Osaka"),
    ("Egypt", "Egyptian", "Cairo", "Alexandria"),
    ("Australia", "Australian", "Canberra", "Sydney"),
    ("Turkey", "Turkish", "Ankara", "Istanbul"),
    ("Germany", "German", "Berlin", "Hamburg"),
    ("Indonesia", "Indonesian", "Jakarta", "Surabaya"),
    ("Peru", "Peruvian", "Lima", "Arequipa"),
    ("Ghana", "Ghanaian", "Accra", "Kumasi"),
    ("Norway", "Norwegian", "Oslo", "Bergen"),
    ("Philippines", "Philippine", "Manila", "Cebu"),
    ("Morocco", "Moroccan", "Rabat", "Casablanca"),
    ("Argentina", "Argentine", "Buenos Aires", "Cordoba"),
    ("Ireland", "Irish", "Dublin", "Cork"),
    ("South Korea", "South Korean", "Seoul", "Busan"),
    ("Colombia", "Colombian", "Bogota", "Medellin"),
)
REGIONS = ("northern", "southern", "eastern", "western", "central", "coastal")
COMPANY_STEMS = (
    "Halvorsen", "Brightline", "Corvane", "Northstar", "Tessaro", "Valmont", "Okapi", "Silverfjord",
    "Meridia", "Castleton", "Redwater", "Arcadia", "Pinecrest", "Solenne", "Kestrel", "Bluehaven",
)
COMPANY_KINDS = ("Energy", "Logistics", "Pharmaceuticals", "Telecom", "Mining", "Holdings", "Rail", "Foods")
PARTIES = (
    "Progress Alliance", "People's Renewal Party", "Civic Union", "National Reform Movement",
    "Green Future Party", "Social Democratic Front", "Liberty and Justice Party", "Workers' Congress",
)
INTERNATIONAL_ORGS = (
    "United Nations", "World Bank", "International Monetary Fund", "World Health Organization",
    "European Union", "Red Cross", "Amnesty International", "World Trade Organization",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
