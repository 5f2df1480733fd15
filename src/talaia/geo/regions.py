"""World regions that news names ("the Middle East", "West Africa"): each is its member countries,
and its point is the mean of theirs, so no coordinate is typed in by hand."""

from __future__ import annotations

REGIONS: dict[str, tuple[str, ...]] = {
    "Middle East": ("SA", "IR", "IQ", "SY", "JO", "IL", "LB", "YE", "OM", "AE", "KW", "QA", "BH", "PS"),
    "Latin America": ("MX", "GT", "HN", "SV", "NI", "CR", "PA", "CO", "VE", "EC", "PE", "BO", "BR", "PY",
                      "UY", "AR", "CL"),
    "Central America": ("GT", "BZ", "HN", "SV", "NI", "CR", "PA"),
    "Caribbean": ("CU", "HT", "DO", "JM", "PR", "TT", "BS", "BB"),
    "Balkans": ("RS", "BA", "HR", "ME", "MK", "AL", "XK", "BG"),
    "Sahel": ("ML", "NE", "BF", "TD", "MR", "SN"),
    "Horn of Africa": ("ET", "SO", "ER", "DJ"),
    "West Africa": ("NG", "GH", "CI", "SN", "ML", "BF", "NE", "GN", "SL", "LR", "TG", "BJ", "GM", "GW", "MR"),
    "East Africa": ("KE", "TZ", "UG", "RW", "BI", "ET", "SO", "SS", "ER", "DJ"),
    "North Africa": ("MA", "DZ", "TN", "LY", "EG"),
    "Southern Africa": ("ZA", "NA", "BW", "ZW", "MZ", "ZM", "MW", "LS", "SZ", "AO"),
    "Central Africa": ("CF", "CM", "TD", "CG", "CD", "GA", "GQ"),
    "Southeast Asia": ("TH", "VN", "LA", "KH", "MM", "MY", "SG", "ID", "PH", "BN", "TL"),
    "South Asia": ("IN", "PK", "BD", "LK", "NP", "BT", "AF", "MV"),
    "Central Asia": ("KZ", "UZ", "TM", "KG", "TJ"),
    "East Asia": ("CN", "JP", "KR", "KP", "MN", "TW"),
    "Western Europe": ("FR", "DE", "BE", "NL", "LU", "CH", "AT", "GB", "IE"),
    "Eastern Europe": ("PL", "CZ", "SK", "HU", "RO", "BG", "UA", "BY", "MD"),
    "Scandinavia": ("NO", "SE", "DK"),
    "Persian Gulf": ("SA", "IR", "IQ", "KW", "QA", "BH", "AE", "OM"),
    "Gulf States": ("SA", "KW", "QA", "BH", "AE", "OM"),
    "Caucasus": ("GE", "AM", "AZ"),
    "Maghreb": ("MA", "DZ", "TN", "LY", "MR"),
    "Levant": ("SY", "LB", "JO", "IL", "PS"),
}
ALIASES = {"Mideast": "Middle East", "Persian Gulf region": "Persian Gulf", "Gulf region": "Persian Gulf",
           "Oriente Medio": "Middle East", "Medio Oriente": "Middle East", "América Latina": "Latin America",
           "Centroamérica": "Central America", "Africa Occidental": "West Africa"}
