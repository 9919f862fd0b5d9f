"""The made-up words demo records are written with: titles, descriptions, organisations' names,
and the countries, thematic areas and project types they are filed under."""

from __future__ import annotations

from partners.models import Organisation

# Caribbean states and territories with their ISO codes, added when the database lacks them.
COUNTRIES = [
    ("AG", "Antigua and Barbuda"),
    ("BS", "Bahamas"),
    ("BB", "Barbados"),
    ("BZ", "Belize"),
    ("CU", "Cuba"),
    ("DM", "Dominica"),
    ("DO", "Dominican Republic"),
    ("GD", "Grenada"),
    ("GY", "Guyana"),
    ("HT", "Haiti"),
    ("JM", "Jamaica"),
    ("KN", "Saint Kitts and Nevis"),
    ("LC", "Saint Lucia"),
    ("VC", "Saint Vincent and the Grenadines"),
    ("SR", "Suriname"),
    ("TT", "Trinidad and Tobago"),
    ("TC", "Turks and Caicos Islands"),
]
# Capitals of the countries above that lie on the map of the Caribbean (Guyana's and Suriname's
# lie south of it): where demo locations are placed. (name, latitude, longitude)
CAPITALS = {
    "AG": ("St. John's", "17.127400", "-61.846800"),
    "BS": ("Nassau", "25.044300", "-77.350400"),
    "BB": ("Bridgetown", "13.097500", "-59.616700"),
    "BZ": ("Belmopan", "17.251000", "-88.759000"),
    "CU": ("Havana", "23.113600", "-82.366600"),
    "DM": ("Roseau", "15.301700", "-61.388100"),
    "DO": ("Santo Domingo", "18.486100", "-69.931200"),
    "GD": ("St. George's", "12.056100", "-61.748800"),
    "HT": ("Port-au-Prince", "18.594400", "-72.307400"),
    "JM": ("Kingston", "17.971200", "-76.792800"),
    "KN": ("Basseterre", "17.302600", "-62.717700"),
    "LC": ("Castries", "14.010100", "-60.987500"),
    "VC": ("Kingstown", "13.160000", "-61.224800"),
    "TT": ("Port of Spain", "10.654900", "-61.501900"),
    "TC": ("Cockburn Town", "21.461200", "-71.141900"),
}
# (as an overview would word the area, its name)
AREAS = [
    ("Labour migration and skills mobility", "Labour migration"),
    ("Disaster displacement and climate mobility", "Climate mobility"),
    ("Border management and identity systems", "Border management"),
    ("Migrants' health and access to care", "Migrants' health"),
    ("Diaspora engagement for development", "Diaspora"),
    ("Protection of migrants in vulnerable situations", "Protection"),
]
PROJECT_TYPES = ["Capacity building", "Emergency response", "Research and data", "Return and reintegration"]
ACTIONS = [
    "Strengthening",
    "Supporting",
    "Building capacity for",
    "Improving",
    "Expanding",
    "Mapping",
    "Coordinating",
    "Assessing",
]
SUBJECTS = [
    "border management",
    "labour mobility schemes",
    "assistance to victims of trafficking",
    "data on migration flows",
    "reintegration of returning nationals",
    "disaster preparedness for displaced people",
    "health services for migrants",
    "diaspora investment",
    "migration policy dialogue",
    "identity management",
    "protection of unaccompanied children",
    "emergency shelter coordination",
]
ORGANISATION_KINDS = [
    (Organisation.Type.GOVERNMENT, "Ministry of {}"),
    (Organisation.Type.NATIONAL_NGO, "{} Migrant Support Network"),
    (Organisation.Type.ACADEMIC, "{} Institute of Migration Studies"),
    (Organisation.Type.FOUNDATION, "{} Development Foundation"),
    (Organisation.Type.MULTILATERAL, "{} Regional Fund"),
    (Organisation.Type.PRIVATE_SECTOR, "{} Chamber of Commerce"),
]
PLACES = [
    "Antilles",
    "Windward",
    "Leeward",
    "Coral Bay",
    "Blue Mountain",
    "Lucayan",
    "Essequibo",
    "Maroni",
    "Arawak",
    "Carib Sea",
    "Pitons",
    "Grenadine",
    "Kalinago",
    "Taino",
    "Hispaniola",
    "Gulf Stream",
]
MINISTRIES = ["Labour", "Home Affairs", "National Security", "Health", "Foreign Affairs", "Social Development"]
SENTENCES = [
    "The programme works with national authorities to {}.",
    "Activities include training for officials, technical advice and the exchange of good practice to {}.",
    "It builds on earlier work in the region and aims to {}.",
    "Partners from government and civil society take part in each stage to {}.",
    "A steering committee reviews progress every quarter, and the results are shared across the region to {}.",
]
AIMS = [
    "improve the management of migration",
    "protect the rights of migrants",
    "make regular pathways safer",
    "reduce the risks of irregular journeys",
    "strengthen regional cooperation",
    "support the reintegration of returnees",
    "prepare communities for displacement caused by storms",
]
CURRENCIES = ["USD"] * 6 + ["EUR", "CAD", "GBP"]
