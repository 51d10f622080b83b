"""Static reference data for ArmsTrace: calibres, firearm types, makes and models.

Plain Python data written from general knowledge, plus two tiny helpers:

* :func:`serial_from_pattern` expands a serial-number pattern written in a
  mini-language: ``A`` is an uppercase letter, ``9`` is a digit, and any other
  character is copied literally (``"AAA999"`` -> ``"BXK402"``).
* :func:`validate` checks that all cross-references are consistent.
"""

from __future__ import annotations

import string

# ---------------------------------------------------------------------------
# Calibres
# ---------------------------------------------------------------------------

CALIBRES: list[str] = [
    # Handgun calibres
    ".22 LR",
    ".22 WMR",
    ".25 ACP",
    "7.65x17mm (.32 ACP)",
    ".380 ACP",
    "9x18mm Makarov",
    "9x19mm Parabellum",
    ".38 Special",
    ".357 Magnum",
    ".40 S&W",
    "10mm Auto",
    ".45 ACP",
    ".45 Colt",
    ".44 Magnum",
    ".455 Webley",
    "7.62x25mm Tokarev",
    "7.63x25mm Mauser",
    "7.62x38mmR (Nagant)",
    "4.6x30mm",
    "5.7x28mm",
    # Rifle calibres
    "5.45x39mm",
    "5.56x45mm NATO",
    ".223 Remington",
    "5.8x42mm DBP87",
    "7.62x39mm",
    ".300 AAC Blackout",
    "7.62x51mm NATO",
    ".308 Winchester",
    "7.62x54mmR",
    ".30-06 Springfield",
    ".30-30 Winchester",
    ".303 British",
    "7.5x54mm French",
    "7.92x57mm Mauser",
    "6.5 Creedmoor",
    ".243 Winchester",
    ".270 Winchester",
    ".300 Win Mag",
    ".338 Lapua Magnum",
    ".45-70 Government",
    "12.7x99mm NATO (.50 BMG)",
    "12.7x108mm",
    "14.5x114mm",
    # Shotgun gauges
    "10 gauge",
    "12 gauge",
    "20 gauge",
    ".410 bore",
    # Grenades and light-weapon ammunition
    "40mm grenade",
    "40x46mm grenade",
    "40x53mm grenade",
    "40mm VOG-25 (caseless)",
    "30x29mm grenade",
    "RPG-7 (40mm)",
    "RPG-29 (105mm)",
    "84mm Carl Gustaf",
    "84mm AT4",
    "66mm M72 LAW",
    "64mm M80 Zolja",
]

# ---------------------------------------------------------------------------
# Firearm types
# ---------------------------------------------------------------------------

FIREARM_TYPES: list[tuple[str, str]] = [
    ("pistol", "Pistol"),
    ("revolver", "Revolver"),
    ("rifle", "Rifle"),
    ("shotgun", "Shotgun"),
    ("submachine_gun", "Submachine gun"),
    ("machine_gun", "Machine gun"),
    ("other_firearm", "Other firearm"),
    ("light_weapon", "Light weapon"),
]

# ---------------------------------------------------------------------------
# Makes (manufacturers)
# ---------------------------------------------------------------------------
# country: ISO 3166-1 alpha-3 code of the country of manufacture.
# serial_patterns: "A" = uppercase letter, "9" = digit, anything else literal.

MAKES: list[dict] = [
    {"name": "Glock", "country": "AUT", "serial_patterns": ["AAA999", "AAAA999"]},
    {"name": "Beretta", "country": "ITA", "serial_patterns": ["AA99999A", "PX99999", "A99999A"]},
    {"name": "SIG Sauer", "country": "DEU", "serial_patterns": ["AA999999", "99A999999"]},
    {"name": "Swiss Arms", "country": "CHE", "serial_patterns": ["A999999", "99999"]},
    {"name": "Smith & Wesson", "country": "USA", "serial_patterns": ["AAA9999", "9999999"]},
    {"name": "Sturm, Ruger & Co.", "country": "USA", "serial_patterns": ["999-99999", "9999-99999"]},
    {"name": "Colt", "country": "USA", "serial_patterns": ["AA999999", "9999999A"]},
    {"name": "Heckler & Koch", "country": "DEU", "serial_patterns": ["99-999999", "999-999999"]},
    {"name": "FN Herstal", "country": "BEL", "serial_patterns": ["AA99999", "999AA99999"]},
    {"name": "Česká zbrojovka", "country": "CZE", "serial_patterns": ["A999999", "AA99999"]},
    {"name": "Walther", "country": "DEU", "serial_patterns": ["AA999999", "999999A"]},
    {"name": "Taurus", "country": "BRA", "serial_patterns": ["AAA999999", "AA999999"]},
    {"name": "Remington", "country": "USA", "serial_patterns": ["AA999999A", "A9999999"]},
    {"name": "Mossberg", "country": "USA", "serial_patterns": ["A999999", "AA999999"]},
    {"name": "Winchester", "country": "USA", "serial_patterns": ["99AAA99999", "A999999"]},
    {"name": "Browning", "country": "BEL", "serial_patterns": ["999AA99999", "99999AA999"]},
    {"name": "Kalashnikov Concern", "country": "RUS", "serial_patterns": ["9999999", "999999999"]},
    {"name": "Tula Arms Plant", "country": "RUS", "serial_patterns": ["AA9999", "AA 999"]},
    {"name": "Norinco", "country": "CHN", "serial_patterns": ["99999999", "9999999"]},
    {"name": "Zastava Arms", "country": "SRB", "serial_patterns": ["999999", "A99999"]},
    {"name": "Arsenal AD", "country": "BGR", "serial_patterns": ["AA999999", "99AA9999"]},
    {"name": "Steyr Arms", "country": "AUT", "serial_patterns": ["99999", "AAA9999"]},
    {"name": "Sako", "country": "FIN", "serial_patterns": ["999999", "A99999"]},
    {"name": "Tikka", "country": "FIN", "serial_patterns": ["A99999", "999999"]},
    {"name": "Benelli", "country": "ITA", "serial_patterns": ["A999999A", "AA999999"]},
    {"name": "Franchi", "country": "ITA", "serial_patterns": ["AA999999", "A99999"]},
    {"name": "Fabarm", "country": "ITA", "serial_patterns": ["999999", "AA99999"]},
    {"name": "Baikal", "country": "RUS", "serial_patterns": ["9999999", "AA 9999"]},
    {"name": "Israel Weapon Industries", "country": "ISR", "serial_patterns": ["99999999", "AA999999"]},
    {"name": "Imbel", "country": "BRA", "serial_patterns": ["AA99999", "A999999"]},
    {"name": "Bersa", "country": "ARG", "serial_patterns": ["999999", "A99999"]},
    {"name": "Hatsan", "country": "TUR", "serial_patterns": ["999999", "99-99999"]},
    {"name": "Canik", "country": "TUR", "serial_patterns": ["99AA99999", "AA99999"]},
    {"name": "Sarsılmaz", "country": "TUR", "serial_patterns": ["A99-99999", "AA99999"]},
    {"name": "Savage Arms", "country": "USA", "serial_patterns": ["A999999", "H999999"]},
    {"name": "Springfield Armory", "country": "USA", "serial_patterns": ["AA999999", "AA9999999"]},
    {"name": "Kimber", "country": "USA", "serial_patterns": ["K999999", "KA99999"]},
    {"name": "Marlin", "country": "USA", "serial_patterns": ["AA99999", "99999999"]},
    {"name": "Henry Repeating Arms", "country": "USA", "serial_patterns": ["999999A", "AA99999A"]},
    {"name": "Chiappa Firearms", "country": "ITA", "serial_patterns": ["99A99999", "AA99999"]},
    {"name": "Manurhin", "country": "FRA", "serial_patterns": ["AA99999", "999999"]},
    {"name": "MAS (Saint-Étienne)", "country": "FRA", "serial_patterns": ["A99999", "99999"]},
    {"name": "Verney-Carron", "country": "FRA", "serial_patterns": ["999999", "AA9999"]},
    {"name": "Anschütz", "country": "DEU", "serial_patterns": ["9999999", "99999"]},
    {"name": "Blaser", "country": "DEU", "serial_patterns": ["A/99999", "AA99999"]},
    {"name": "Mauser", "country": "DEU", "serial_patterns": ["9999A", "AA999999"]},
    {"name": "BSA", "country": "GBR", "serial_patterns": ["A9999", "AA99999"]},
    {"name": "Royal Small Arms Factory Enfield", "country": "GBR", "serial_patterns": ["AA9999", "A99999"]},
    {"name": "Webley & Scott", "country": "GBR", "serial_patterns": ["999999", "A9999"]},
    {"name": "Accuracy International", "country": "GBR", "serial_patterns": ["AA99999", "AI99999"]},
    {"name": "Hi-Point", "country": "USA", "serial_patterns": ["P999999", "A99999"]},
    {"name": "Kel-Tec", "country": "USA", "serial_patterns": ["AAA99", "AA9999"]},
    {"name": "Daniel Defense", "country": "USA", "serial_patterns": ["DDM999999", "DD999999"]},
    {"name": "ArmaLite", "country": "USA", "serial_patterns": ["US999999", "AA999999"]},
    {"name": "Barrett", "country": "USA", "serial_patterns": ["AA99999", "9999"]},
    {"name": "Ithaca", "country": "USA", "serial_patterns": ["999999999", "A999999"]},
    {"name": "Bond Arms", "country": "USA", "serial_patterns": ["999999", "AA99999"]},
    {"name": "Indumil", "country": "COL", "serial_patterns": ["AA999999", "999999"]},
    {"name": "Fábrica Militar (FM)", "country": "ARG", "serial_patterns": ["999999", "AA9999"]},
    {"name": "Rossi", "country": "BRA", "serial_patterns": ["AA999999", "A999999"]},
    {"name": "Armscor", "country": "PHL", "serial_patterns": ["RIA9999999", "AA999999"]},
    {"name": "Bazalt", "country": "RUS", "serial_patterns": ["AA9999", "99-9999"]},
    {"name": "Saab Bofors Dynamics", "country": "SWE", "serial_patterns": ["99999", "AA99999"]},
    {"name": "Nammo", "country": "NOR", "serial_patterns": ["AAA99-999", "99999"]},
    {"name": "Degtyaryov Plant", "country": "RUS", "serial_patterns": ["AA999", "AA9999"]},
    {"name": "Molot", "country": "RUS", "serial_patterns": ["99999999", "AA9999"]},
    {"name": "KBP Instrument Design Bureau", "country": "RUS", "serial_patterns": ["AA999", "9999999"]},
    {"name": "Vektor", "country": "ZAF", "serial_patterns": ["AA99999", "99999999"]},
    {"name": "Milkor", "country": "ZAF", "serial_patterns": ["MGL9999", "99999"]},
    {"name": "S&T Motiv", "country": "KOR", "serial_patterns": ["999999", "AA99999"]},
    {"name": "Howa", "country": "JPN", "serial_patterns": ["A999999", "999999"]},
    {"name": "Cugir", "country": "ROU", "serial_patterns": ["AA-9999-99", "9999-99"]},
    {"name": "FEG", "country": "HUN", "serial_patterns": ["AA9999", "A99999"]},
    {"name": "Fabryka Broni Łucznik-Radom", "country": "POL", "serial_patterns": ["AA99999", "99999999"]},
    {"name": "Pakistan Ordnance Factories", "country": "PAK", "serial_patterns": ["99999", "AA9999"]},
    {"name": "Ordnance Factory Board", "country": "IND", "serial_patterns": ["AA99999", "99AA9999"]},
    {"name": "General Dynamics OTS", "country": "USA", "serial_patterns": ["99999", "AA99999"]},
]

# ---------------------------------------------------------------------------
# Models
# ---------------------------------------------------------------------------


def _m(make: str, name: str, type_: str, calibre: str) -> dict:
    return {"make": make, "name": name, "type": type_, "calibre": calibre}


MODELS: list[dict] = [
    # Glock
    _m("Glock", "G17", "pistol", "9x19mm Parabellum"),
    _m("Glock", "G19", "pistol", "9x19mm Parabellum"),
    _m("Glock", "G26", "pistol", "9x19mm Parabellum"),
    _m("Glock", "G43", "pistol", "9x19mm Parabellum"),
    _m("Glock", "G20", "pistol", "10mm Auto"),
    _m("Glock", "G21", "pistol", ".45 ACP"),
    _m("Glock", "G22", "pistol", ".40 S&W"),
    _m("Glock", "G42", "pistol", ".380 ACP"),
    # Beretta
    _m("Beretta", "92FS", "pistol", "9x19mm Parabellum"),
    _m("Beretta", "M9", "pistol", "9x19mm Parabellum"),
    _m("Beretta", "Px4 Storm", "pistol", "9x19mm Parabellum"),
    _m("Beretta", "APX", "pistol", "9x19mm Parabellum"),
    _m("Beretta", "84 Cheetah", "pistol", ".380 ACP"),
    _m("Beretta", "3032 Tomcat", "pistol", "7.65x17mm (.32 ACP)"),
    _m("Beretta", "ARX160", "rifle", "5.56x45mm NATO"),
    _m("Beretta", "1301 Tactical", "shotgun", "12 gauge"),
    _m("Beretta", "A400 Xtreme", "shotgun", "12 gauge"),
    _m("Beretta", "686 Silver Pigeon", "shotgun", "12 gauge"),
    _m("Beretta", "PM12-S", "submachine_gun", "9x19mm Parabellum"),
    _m("Beretta", "PMX", "submachine_gun", "9x19mm Parabellum"),
    # SIG Sauer / Swiss Arms
    _m("SIG Sauer", "P226", "pistol", "9x19mm Parabellum"),
    _m("SIG Sauer", "P229", "pistol", ".40 S&W"),
    _m("SIG Sauer", "P320", "pistol", "9x19mm Parabellum"),
    _m("SIG Sauer", "P365", "pistol", "9x19mm Parabellum"),
    _m("SIG Sauer", "P220", "pistol", ".45 ACP"),
    _m("SIG Sauer", "MCX", "rifle", ".300 AAC Blackout"),
    _m("SIG Sauer", "SIG516", "rifle", "5.56x45mm NATO"),
    _m("SIG Sauer", "MPX", "submachine_gun", "9x19mm Parabellum"),
    _m("Swiss Arms", "SG 550", "rifle", "5.56x45mm NATO"),
    _m("Swiss Arms", "SG 552 Commando", "rifle", "5.56x45mm NATO"),
    # Smith & Wesson
    _m("Smith & Wesson", "M&P9", "pistol", "9x19mm Parabellum"),
    _m("Smith & Wesson", "M&P Shield", "pistol", "9x19mm Parabellum"),
    _m("Smith & Wesson", "SW1911", "pistol", ".45 ACP"),
    _m("Smith & Wesson", "Model 10", "revolver", ".38 Special"),
    _m("Smith & Wesson", "Model 642", "revolver", ".38 Special"),
    _m("Smith & Wesson", "Model 686", "revolver", ".357 Magnum"),
    _m("Smith & Wesson", "Model 29", "revolver", ".44 Magnum"),
    _m("Smith & Wesson", "M&P15", "rifle", "5.56x45mm NATO"),
    # Sturm, Ruger & Co.
    _m("Sturm, Ruger & Co.", "SR9", "pistol", "9x19mm Parabellum"),
    _m("Sturm, Ruger & Co.", "Security-9", "pistol", "9x19mm Parabellum"),
    _m("Sturm, Ruger & Co.", "Mark IV", "pistol", ".22 LR"),
    _m("Sturm, Ruger & Co.", "LCP", "pistol", ".380 ACP"),
    _m("Sturm, Ruger & Co.", "GP100", "revolver", ".357 Magnum"),
    _m("Sturm, Ruger & Co.", "LCR", "revolver", ".38 Special"),
    _m("Sturm, Ruger & Co.", "Redhawk", "revolver", ".44 Magnum"),
    _m("Sturm, Ruger & Co.", "10/22", "rifle", ".22 LR"),
    _m("Sturm, Ruger & Co.", "Mini-14", "rifle", "5.56x45mm NATO"),
    _m("Sturm, Ruger & Co.", "American Rifle", "rifle", ".308 Winchester"),
    # Colt
    _m("Colt", "M1911A1", "pistol", ".45 ACP"),
    _m("Colt", "Python", "revolver", ".357 Magnum"),
    _m("Colt", "Detective Special", "revolver", ".38 Special"),
    _m("Colt", "Single Action Army", "revolver", ".45 Colt"),
    _m("Colt", "M16A2", "rifle", "5.56x45mm NATO"),
    _m("Colt", "M4 Carbine", "rifle", "5.56x45mm NATO"),
    _m("Colt", "M203 grenade launcher", "light_weapon", "40x46mm grenade"),
    # Heckler & Koch
    _m("Heckler & Koch", "USP", "pistol", "9x19mm Parabellum"),
    _m("Heckler & Koch", "P30", "pistol", "9x19mm Parabellum"),
    _m("Heckler & Koch", "VP9", "pistol", "9x19mm Parabellum"),
    _m("Heckler & Koch", "HK45", "pistol", ".45 ACP"),
    _m("Heckler & Koch", "G36", "rifle", "5.56x45mm NATO"),
    _m("Heckler & Koch", "HK416", "rifle", "5.56x45mm NATO"),
    _m("Heckler & Koch", "HK417", "rifle", "7.62x51mm NATO"),
    _m("Heckler & Koch", "G3", "rifle", "7.62x51mm NATO"),
    _m("Heckler & Koch", "MP5", "submachine_gun", "9x19mm Parabellum"),
    _m("Heckler & Koch", "UMP45", "submachine_gun", ".45 ACP"),
    _m("Heckler & Koch", "MP7", "submachine_gun", "4.6x30mm"),
    _m("Heckler & Koch", "MG4", "machine_gun", "5.56x45mm NATO"),
    _m("Heckler & Koch", "MG5", "machine_gun", "7.62x51mm NATO"),
    _m("Heckler & Koch", "HK21", "machine_gun", "7.62x51mm NATO"),
    _m("Heckler & Koch", "HK69A1", "light_weapon", "40x46mm grenade"),
    _m("Heckler & Koch", "GMG", "light_weapon", "40x53mm grenade"),
    # FN Herstal
    _m("FN Herstal", "Five-seveN", "pistol", "5.7x28mm"),
    _m("FN Herstal", "FN 509", "pistol", "9x19mm Parabellum"),
    _m("FN Herstal", "FNX-45", "pistol", ".45 ACP"),
    _m("FN Herstal", "SCAR-L", "rifle", "5.56x45mm NATO"),
    _m("FN Herstal", "SCAR-H", "rifle", "7.62x51mm NATO"),
    _m("FN Herstal", "FAL", "rifle", "7.62x51mm NATO"),
    _m("FN Herstal", "F2000", "rifle", "5.56x45mm NATO"),
    _m("FN Herstal", "P90", "submachine_gun", "5.7x28mm"),
    _m("FN Herstal", "Minimi", "machine_gun", "5.56x45mm NATO"),
    _m("FN Herstal", "MAG", "machine_gun", "7.62x51mm NATO"),
    _m("FN Herstal", "M2HB", "machine_gun", "12.7x99mm NATO (.50 BMG)"),
    # Browning
    _m("Browning", "Hi-Power", "pistol", "9x19mm Parabellum"),
    _m("Browning", "Buck Mark", "pistol", ".22 LR"),
    _m("Browning", "X-Bolt", "rifle", ".30-06 Springfield"),
    _m("Browning", "BAR Mk3", "rifle", ".308 Winchester"),
    _m("Browning", "Auto-5", "shotgun", "12 gauge"),
    _m("Browning", "Citori", "shotgun", "12 gauge"),
    # Česká zbrojovka
    _m("Česká zbrojovka", "CZ 75", "pistol", "9x19mm Parabellum"),
    _m("Česká zbrojovka", "CZ P-10 C", "pistol", "9x19mm Parabellum"),
    _m("Česká zbrojovka", "CZ 83", "pistol", ".380 ACP"),
    _m("Česká zbrojovka", "CZ 97 B", "pistol", ".45 ACP"),
    _m("Česká zbrojovka", "vz. 58", "rifle", "7.62x39mm"),
    _m("Česká zbrojovka", "CZ 805 Bren", "rifle", "5.56x45mm NATO"),
    _m("Česká zbrojovka", "CZ 457", "rifle", ".22 LR"),
    _m("Česká zbrojovka", "CZ 527", "rifle", "7.62x39mm"),
    _m("Česká zbrojovka", "Scorpion Evo 3", "submachine_gun", "9x19mm Parabellum"),
    _m("Česká zbrojovka", "Škorpion vz. 61", "submachine_gun", "7.65x17mm (.32 ACP)"),
    # Walther
    _m("Walther", "PPK", "pistol", "7.65x17mm (.32 ACP)"),
    _m("Walther", "PPK/S", "pistol", ".380 ACP"),
    _m("Walther", "P38", "pistol", "9x19mm Parabellum"),
    _m("Walther", "P99", "pistol", "9x19mm Parabellum"),
    _m("Walther", "PDP", "pistol", "9x19mm Parabellum"),
    _m("Walther", "P22", "pistol", ".22 LR"),
    # Taurus
    _m("Taurus", "G2C", "pistol", "9x19mm Parabellum"),
    _m("Taurus", "PT92", "pistol", "9x19mm Parabellum"),
    _m("Taurus", "TX22", "pistol", ".22 LR"),
    _m("Taurus", "Model 85", "revolver", ".38 Special"),
    _m("Taurus", "Model 605", "revolver", ".357 Magnum"),
    _m("Taurus", "Raging Bull", "revolver", ".44 Magnum"),
    _m("Taurus", "Judge", "revolver", ".410 bore"),
    # Remington
    _m("Remington", "Model 870", "shotgun", "12 gauge"),
    _m("Remington", "Model 1100", "shotgun", "12 gauge"),
    _m("Remington", "Model 11-87", "shotgun", "12 gauge"),
    _m("Remington", "Model 700", "rifle", ".308 Winchester"),
    _m("Remington", "Model 7400", "rifle", ".30-06 Springfield"),
    _m("Remington", "M24 SWS", "rifle", "7.62x51mm NATO"),
    _m("Remington", "R51", "pistol", "9x19mm Parabellum"),
    # Mossberg
    _m("Mossberg", "500", "shotgun", "12 gauge"),
    _m("Mossberg", "590A1", "shotgun", "12 gauge"),
    _m("Mossberg", "Maverick 88", "shotgun", "12 gauge"),
    _m("Mossberg", "835 Ulti-Mag", "shotgun", "12 gauge"),
    _m("Mossberg", "Patriot", "rifle", ".308 Winchester"),
    _m("Mossberg", "MC1sc", "pistol", "9x19mm Parabellum"),
    # Winchester
    _m("Winchester", "Model 70", "rifle", ".30-06 Springfield"),
    _m("Winchester", "Model 1894", "rifle", ".30-30 Winchester"),
    _m("Winchester", "Model 1897", "shotgun", "12 gauge"),
    _m("Winchester", "Model 1300", "shotgun", "12 gauge"),
    _m("Winchester", "SXP", "shotgun", "12 gauge"),
    # Kalashnikov Concern (Izhmash)
    _m("Kalashnikov Concern", "AK-47", "rifle", "7.62x39mm"),
    _m("Kalashnikov Concern", "AKM", "rifle", "7.62x39mm"),
    _m("Kalashnikov Concern", "AK-74", "rifle", "5.45x39mm"),
    _m("Kalashnikov Concern", "AK-74M", "rifle", "5.45x39mm"),
    _m("Kalashnikov Concern", "AK-12", "rifle", "5.45x39mm"),
    _m("Kalashnikov Concern", "AK-103", "rifle", "7.62x39mm"),
    _m("Kalashnikov Concern", "SVD Dragunov", "rifle", "7.62x54mmR"),
    _m("Kalashnikov Concern", "Saiga-12", "shotgun", "12 gauge"),
    _m("Kalashnikov Concern", "PP-19 Bizon", "submachine_gun", "9x18mm Makarov"),
    _m("Kalashnikov Concern", "PP-19-01 Vityaz", "submachine_gun", "9x19mm Parabellum"),
    # Tula Arms Plant
    _m("Tula Arms Plant", "TT-33", "pistol", "7.62x25mm Tokarev"),
    _m("Tula Arms Plant", "Nagant M1895", "revolver", "7.62x38mmR (Nagant)"),
    _m("Tula Arms Plant", "Mosin-Nagant M91/30", "rifle", "7.62x54mmR"),
    _m("Tula Arms Plant", "SKS", "rifle", "7.62x39mm"),
    _m("Tula Arms Plant", "AKS-74U", "rifle", "5.45x39mm"),
    # Baikal
    _m("Baikal", "PM (Makarov)", "pistol", "9x18mm Makarov"),
    _m("Baikal", "MP-443 Grach", "pistol", "9x19mm Parabellum"),
    _m("Baikal", "MP-153", "shotgun", "12 gauge"),
    _m("Baikal", "IZh-27", "shotgun", "12 gauge"),
    _m("Baikal", "MP-94", "other_firearm", "12 gauge"),
    # Degtyaryov Plant / Molot / KBP / Bazalt
    _m("Degtyaryov Plant", "PKM", "machine_gun", "7.62x54mmR"),
    _m("Degtyaryov Plant", "RPD", "machine_gun", "7.62x39mm"),
    _m("Degtyaryov Plant", "DShK", "machine_gun", "12.7x108mm"),
    _m("Degtyaryov Plant", "Kord", "machine_gun", "12.7x108mm"),
    _m("Degtyaryov Plant", "KPV", "machine_gun", "14.5x114mm"),
    _m("Molot", "RPK", "machine_gun", "7.62x39mm"),
    _m("Molot", "RPK-74M", "machine_gun", "5.45x39mm"),
    _m("Molot", "PPSh-41", "submachine_gun", "7.62x25mm Tokarev"),
    _m("Molot", "Vepr-12", "shotgun", "12 gauge"),
    _m("KBP Instrument Design Bureau", "GSh-18", "pistol", "9x19mm Parabellum"),
    _m("KBP Instrument Design Bureau", "GP-25", "light_weapon", "40mm VOG-25 (caseless)"),
    _m("KBP Instrument Design Bureau", "AGS-17", "light_weapon", "30x29mm grenade"),
    _m("KBP Instrument Design Bureau", "AGS-30", "light_weapon", "30x29mm grenade"),
    _m("Bazalt", "RPG-7", "light_weapon", "RPG-7 (40mm)"),
    _m("Bazalt", "RPG-29", "light_weapon", "RPG-29 (105mm)"),
    # Norinco
    _m("Norinco", "Type 54", "pistol", "7.62x25mm Tokarev"),
    _m("Norinco", "Type 59", "pistol", "9x18mm Makarov"),
    _m("Norinco", "NP-22", "pistol", "9x19mm Parabellum"),
    _m("Norinco", "Type 56", "rifle", "7.62x39mm"),
    _m("Norinco", "Type 81", "rifle", "7.62x39mm"),
    _m("Norinco", "QBZ-95", "rifle", "5.8x42mm DBP87"),
    _m("Norinco", "Hawk 982", "shotgun", "12 gauge"),
    _m("Norinco", "Type 85", "submachine_gun", "7.62x25mm Tokarev"),
    _m("Norinco", "Type 67", "machine_gun", "7.62x54mmR"),
    _m("Norinco", "Type 69", "light_weapon", "RPG-7 (40mm)"),
    # Zastava Arms
    _m("Zastava Arms", "M57", "pistol", "7.62x25mm Tokarev"),
    _m("Zastava Arms", "CZ 99", "pistol", "9x19mm Parabellum"),
    _m("Zastava Arms", "M70", "rifle", "7.62x39mm"),
    _m("Zastava Arms", "M76", "rifle", "7.92x57mm Mauser"),
    _m("Zastava Arms", "M92", "rifle", "7.62x39mm"),
    _m("Zastava Arms", "M93 Black Arrow", "rifle", "12.7x99mm NATO (.50 BMG)"),
    _m("Zastava Arms", "M72", "machine_gun", "7.62x39mm"),
    _m("Zastava Arms", "M84", "machine_gun", "7.62x54mmR"),
    _m("Zastava Arms", "M80 Zolja", "light_weapon", "64mm M80 Zolja"),
    # Arsenal AD
    _m("Arsenal AD", "Makarov", "pistol", "9x18mm Makarov"),
    _m("Arsenal AD", "AR-M1", "rifle", "5.56x45mm NATO"),
    _m("Arsenal AD", "SLR-95", "rifle", "7.62x39mm"),
    _m("Arsenal AD", "MG-M1", "machine_gun", "7.62x54mmR"),
    _m("Arsenal AD", "ATGL-L", "light_weapon", "RPG-7 (40mm)"),
    _m("Arsenal AD", "UGGL-M1", "light_weapon", "40mm grenade"),
    # Steyr Arms
    _m("Steyr Arms", "M9-A1", "pistol", "9x19mm Parabellum"),
    _m("Steyr Arms", "AUG", "rifle", "5.56x45mm NATO"),
    _m("Steyr Arms", "Scout", "rifle", ".308 Winchester"),
    _m("Steyr Arms", "SSG 69", "rifle", ".308 Winchester"),
    _m("Steyr Arms", "SSG 08", "rifle", ".338 Lapua Magnum"),
    _m("Steyr Arms", "HS .50", "rifle", "12.7x99mm NATO (.50 BMG)"),
    _m("Steyr Arms", "TMP", "submachine_gun", "9x19mm Parabellum"),
    # Sako / Tikka
    _m("Sako", "TRG 22", "rifle", ".308 Winchester"),
    _m("Sako", "TRG 42", "rifle", ".338 Lapua Magnum"),
    _m("Sako", "85", "rifle", ".30-06 Springfield"),
    _m("Sako", "Quad", "rifle", ".22 LR"),
    _m("Tikka", "T3x Lite", "rifle", "6.5 Creedmoor"),
    _m("Tikka", "T3x TAC A1", "rifle", ".308 Winchester"),
    _m("Tikka", "T1x", "rifle", ".22 LR"),
    # Benelli / Franchi / Fabarm
    _m("Benelli", "M4 Super 90", "shotgun", "12 gauge"),
    _m("Benelli", "M2", "shotgun", "12 gauge"),
    _m("Benelli", "Super Black Eagle 3", "shotgun", "12 gauge"),
    _m("Benelli", "Nova", "shotgun", "12 gauge"),
    _m("Benelli", "MR1", "rifle", "5.56x45mm NATO"),
    _m("Franchi", "SPAS-12", "shotgun", "12 gauge"),
    _m("Franchi", "SPAS-15", "shotgun", "12 gauge"),
    _m("Franchi", "Affinity 3", "shotgun", "20 gauge"),
    _m("Fabarm", "STF/12", "shotgun", "12 gauge"),
    _m("Fabarm", "SDASS Tactical", "shotgun", "12 gauge"),
    _m("Fabarm", "Axis", "shotgun", "20 gauge"),
    # Israel Weapon Industries
    _m("Israel Weapon Industries", "Jericho 941", "pistol", "9x19mm Parabellum"),
    _m("Israel Weapon Industries", "Masada", "pistol", "9x19mm Parabellum"),
    _m("Israel Weapon Industries", "Tavor TAR-21", "rifle", "5.56x45mm NATO"),
    _m("Israel Weapon Industries", "X95", "rifle", "5.56x45mm NATO"),
    _m("Israel Weapon Industries", "Galil ACE 32", "rifle", "7.62x39mm"),
    _m("Israel Weapon Industries", "DAN", "rifle", ".338 Lapua Magnum"),
    _m("Israel Weapon Industries", "Uzi", "submachine_gun", "9x19mm Parabellum"),
    _m("Israel Weapon Industries", "Mini Uzi", "submachine_gun", "9x19mm Parabellum"),
    _m("Israel Weapon Industries", "Negev", "machine_gun", "5.56x45mm NATO"),
    _m("Israel Weapon Industries", "Negev NG7", "machine_gun", "7.62x51mm NATO"),
    # Imbel / Bersa / Taurus region
    _m("Imbel", "IA2", "rifle", "5.56x45mm NATO"),
    _m("Imbel", "MD97", "rifle", "5.56x45mm NATO"),
    _m("Imbel", "M964 (FAL)", "rifle", "7.62x51mm NATO"),
    _m("Imbel", "GC MD1", "pistol", ".45 ACP"),
    _m("Bersa", "Thunder 380", "pistol", ".380 ACP"),
    _m("Bersa", "Thunder 9 Pro", "pistol", "9x19mm Parabellum"),
    _m("Bersa", "TPR9", "pistol", "9x19mm Parabellum"),
    _m("Bersa", "BP9CC", "pistol", "9x19mm Parabellum"),
    # Turkey
    _m("Hatsan", "Escort MP-A", "shotgun", "12 gauge"),
    _m("Hatsan", "Escort PS", "shotgun", "20 gauge"),
    _m("Canik", "TP9SF", "pistol", "9x19mm Parabellum"),
    _m("Canik", "TP9 Elite Combat", "pistol", "9x19mm Parabellum"),
    _m("Canik", "METE SFT", "pistol", "9x19mm Parabellum"),
    _m("Sarsılmaz", "SAR 9", "pistol", "9x19mm Parabellum"),
    _m("Sarsılmaz", "Kılınç 2000", "pistol", "9x19mm Parabellum"),
    _m("Sarsılmaz", "SAR 109T", "submachine_gun", "9x19mm Parabellum"),
    _m("Sarsılmaz", "SAR 127", "machine_gun", "12.7x99mm NATO (.50 BMG)"),
    # Other US makers
    _m("Savage Arms", "Axis", "rifle", ".308 Winchester"),
    _m("Savage Arms", "Model 110", "rifle", ".30-06 Springfield"),
    _m("Savage Arms", "Mark II", "rifle", ".22 LR"),
    _m("Savage Arms", "Stevens 320", "shotgun", "12 gauge"),
    _m("Savage Arms", "Model 42", "other_firearm", ".410 bore"),
    _m("Springfield Armory", "XD", "pistol", "9x19mm Parabellum"),
    _m("Springfield Armory", "Hellcat", "pistol", "9x19mm Parabellum"),
    _m("Springfield Armory", "1911 Range Officer", "pistol", ".45 ACP"),
    _m("Springfield Armory", "M1A", "rifle", ".308 Winchester"),
    _m("Springfield Armory", "Saint", "rifle", "5.56x45mm NATO"),
    _m("Kimber", "Custom II", "pistol", ".45 ACP"),
    _m("Kimber", "Micro 9", "pistol", "9x19mm Parabellum"),
    _m("Kimber", "K6s", "revolver", ".357 Magnum"),
    _m("Marlin", "Model 336", "rifle", ".30-30 Winchester"),
    _m("Marlin", "Model 60", "rifle", ".22 LR"),
    _m("Marlin", "Model 1895", "rifle", ".45-70 Government"),
    _m("Marlin", "Model 1894", "rifle", ".44 Magnum"),
    _m("Henry Repeating Arms", "Big Boy", "rifle", ".44 Magnum"),
    _m("Henry Repeating Arms", "H001 Classic", "rifle", ".22 LR"),
    _m("Henry Repeating Arms", "Long Ranger", "rifle", ".308 Winchester"),
    _m("Hi-Point", "C9", "pistol", "9x19mm Parabellum"),
    _m("Hi-Point", "JCP", "pistol", ".40 S&W"),
    _m("Hi-Point", "JHP", "pistol", ".45 ACP"),
    _m("Hi-Point", "995TS", "rifle", "9x19mm Parabellum"),
    _m("Kel-Tec", "P-3AT", "pistol", ".380 ACP"),
    _m("Kel-Tec", "P-32", "pistol", "7.65x17mm (.32 ACP)"),
    _m("Kel-Tec", "PF-9", "pistol", "9x19mm Parabellum"),
    _m("Kel-Tec", "PMR-30", "pistol", ".22 WMR"),
    _m("Kel-Tec", "SUB-2000", "rifle", "9x19mm Parabellum"),
    _m("Kel-Tec", "RFB", "rifle", ".308 Winchester"),
    _m("Kel-Tec", "KSG", "shotgun", "12 gauge"),
    _m("Daniel Defense", "DDM4 V7", "rifle", "5.56x45mm NATO"),
    _m("Daniel Defense", "Delta 5", "rifle", ".308 Winchester"),
    _m("Daniel Defense", "DD5 V4", "rifle", "7.62x51mm NATO"),
    _m("ArmaLite", "AR-10", "rifle", "7.62x51mm NATO"),
    _m("ArmaLite", "AR-18", "rifle", "5.56x45mm NATO"),
    _m("ArmaLite", "AR-50", "rifle", "12.7x99mm NATO (.50 BMG)"),
    _m("ArmaLite", "M-15", "rifle", ".223 Remington"),
    _m("Barrett", "M82A1", "rifle", "12.7x99mm NATO (.50 BMG)"),
    _m("Barrett", "M107A1", "rifle", "12.7x99mm NATO (.50 BMG)"),
    _m("Barrett", "MRAD", "rifle", ".338 Lapua Magnum"),
    _m("Ithaca", "Model 37", "shotgun", "12 gauge"),
    _m("Ithaca", "Mag-10", "shotgun", "10 gauge"),
    _m("Bond Arms", "Snake Slayer", "other_firearm", ".410 bore"),
    _m("Bond Arms", "Roughneck", "other_firearm", "9x19mm Parabellum"),
    _m("General Dynamics OTS", "Mk 19", "light_weapon", "40x53mm grenade"),
    # Italy / France / Germany / UK misc.
    _m("Chiappa Firearms", "Rhino 60DS", "revolver", ".357 Magnum"),
    _m("Chiappa Firearms", "1873 Single Action", "revolver", ".45 Colt"),
    _m("Chiappa Firearms", "Triple Threat", "shotgun", "12 gauge"),
    _m("Chiappa Firearms", "Double Badger", "other_firearm", ".410 bore"),
    _m("Manurhin", "MR73", "revolver", ".357 Magnum"),
    _m("Manurhin", "MR88", "revolver", ".38 Special"),
    _m("MAS (Saint-Étienne)", "MAS-36", "rifle", "7.5x54mm French"),
    _m("MAS (Saint-Étienne)", "MAS 49/56", "rifle", "7.5x54mm French"),
    _m("MAS (Saint-Étienne)", "FAMAS F1", "rifle", "5.56x45mm NATO"),
    _m("MAS (Saint-Étienne)", "MAS 1950", "pistol", "9x19mm Parabellum"),
    _m("MAS (Saint-Étienne)", "MAT-49", "submachine_gun", "9x19mm Parabellum"),
    _m("MAS (Saint-Étienne)", "AA-52", "machine_gun", "7.5x54mm French"),
    _m("Verney-Carron", "Sagittaire", "shotgun", "12 gauge"),
    _m("Verney-Carron", "Speedline", "rifle", ".30-06 Springfield"),
    _m("Verney-Carron", "Impact NT", "rifle", ".300 Win Mag"),
    _m("Anschütz", "1907", "rifle", ".22 LR"),
    _m("Anschütz", "1727 F", "rifle", ".22 LR"),
    _m("Anschütz", "1780", "rifle", ".308 Winchester"),
    _m("Blaser", "R8", "rifle", ".308 Winchester"),
    _m("Blaser", "K95", "rifle", ".270 Winchester"),
    _m("Blaser", "F3", "shotgun", "12 gauge"),
    _m("Blaser", "D99", "other_firearm", ".30-06 Springfield"),
    _m("Mauser", "Kar98k", "rifle", "7.92x57mm Mauser"),
    _m("Mauser", "M18", "rifle", ".243 Winchester"),
    _m("Mauser", "M03", "rifle", ".30-06 Springfield"),
    _m("Mauser", "C96", "pistol", "7.63x25mm Mauser"),
    _m("Mauser", "MG 34", "machine_gun", "7.92x57mm Mauser"),
    _m("BSA", "SMLE Mk III", "rifle", ".303 British"),
    _m("BSA", "Martini-International", "rifle", ".22 LR"),
    _m("Royal Small Arms Factory Enfield", "Lee-Enfield No. 4 Mk I", "rifle", ".303 British"),
    _m("Royal Small Arms Factory Enfield", "L85A1", "rifle", "5.56x45mm NATO"),
    _m("Royal Small Arms Factory Enfield", "Sten Mk II", "submachine_gun", "9x19mm Parabellum"),
    _m("Royal Small Arms Factory Enfield", "Bren Mk II", "machine_gun", ".303 British"),
    _m("Webley & Scott", "Mk VI", "revolver", ".455 Webley"),
    _m("Accuracy International", "AWM", "rifle", ".338 Lapua Magnum"),
    _m("Accuracy International", "L96A1", "rifle", "7.62x51mm NATO"),
    _m("Accuracy International", "AXMC", "rifle", ".338 Lapua Magnum"),
    # Latin America / Asia / Africa / Eastern Europe
    _m("Indumil", "Córdoba", "pistol", "9x19mm Parabellum"),
    _m("Indumil", "Galil ACE 22", "rifle", "5.56x45mm NATO"),
    _m("Indumil", "Galil ACE 23", "rifle", "5.56x45mm NATO"),
    _m("Fábrica Militar (FM)", "FM Hi-Power", "pistol", "9x19mm Parabellum"),
    _m("Fábrica Militar (FM)", "FM FAL", "rifle", "7.62x51mm NATO"),
    _m("Fábrica Militar (FM)", "FMK-3", "submachine_gun", "9x19mm Parabellum"),
    _m("Rossi", "R462", "revolver", ".357 Magnum"),
    _m("Rossi", "R352", "revolver", ".38 Special"),
    _m("Rossi", "Model 92", "rifle", ".44 Magnum"),
    _m("Rossi", "RS22", "rifle", ".22 LR"),
    _m("Armscor", "M1911 A1 FS GI", "pistol", ".45 ACP"),
    _m("Armscor", "M206", "revolver", ".38 Special"),
    _m("Armscor", "M30", "shotgun", "12 gauge"),
    _m("Saab Bofors Dynamics", "Carl Gustaf M4", "light_weapon", "84mm Carl Gustaf"),
    _m("Saab Bofors Dynamics", "AT4", "light_weapon", "84mm AT4"),
    _m("Nammo", "M72 LAW", "light_weapon", "66mm M72 LAW"),
    _m("Vektor", "Z88", "pistol", "9x19mm Parabellum"),
    _m("Vektor", "SP1", "pistol", "9x19mm Parabellum"),
    _m("Vektor", "R4", "rifle", "5.56x45mm NATO"),
    _m("Vektor", "SS-77", "machine_gun", "7.62x51mm NATO"),
    _m("Vektor", "Mini-SS", "machine_gun", "5.56x45mm NATO"),
    _m("Milkor", "MGL Mk1", "light_weapon", "40x46mm grenade"),
    _m("S&T Motiv", "K5", "pistol", "9x19mm Parabellum"),
    _m("S&T Motiv", "K2", "rifle", "5.56x45mm NATO"),
    _m("S&T Motiv", "K1A", "rifle", "5.56x45mm NATO"),
    _m("S&T Motiv", "K7", "submachine_gun", "9x19mm Parabellum"),
    _m("S&T Motiv", "K3", "machine_gun", "5.56x45mm NATO"),
    _m("S&T Motiv", "K201", "light_weapon", "40x46mm grenade"),
    _m("Howa", "Type 89", "rifle", "5.56x45mm NATO"),
    _m("Howa", "Type 20", "rifle", "5.56x45mm NATO"),
    _m("Howa", "Howa 1500", "rifle", ".308 Winchester"),
    _m("Cugir", "PM md. 63", "rifle", "7.62x39mm"),
    _m("Cugir", "PSL", "rifle", "7.62x54mmR"),
    _m("Cugir", "Carpați md. 74", "pistol", "7.65x17mm (.32 ACP)"),
    _m("FEG", "PA-63", "pistol", "9x18mm Makarov"),
    _m("FEG", "P9R", "pistol", "9x19mm Parabellum"),
    _m("FEG", "AMD-65", "rifle", "7.62x39mm"),
    _m("Fabryka Broni Łucznik-Radom", "Vis 100", "pistol", "9x19mm Parabellum"),
    _m("Fabryka Broni Łucznik-Radom", "wz. 88 Tantal", "rifle", "5.45x39mm"),
    _m("Fabryka Broni Łucznik-Radom", "Beryl wz. 96", "rifle", "5.56x45mm NATO"),
    _m("Fabryka Broni Łucznik-Radom", "MSBS Grot", "rifle", "5.56x45mm NATO"),
    _m("Fabryka Broni Łucznik-Radom", "PM-84 Glauberyt", "submachine_gun", "9x19mm Parabellum"),
    _m("Pakistan Ordnance Factories", "G3P4", "rifle", "7.62x51mm NATO"),
    _m("Pakistan Ordnance Factories", "SMG-P3", "submachine_gun", "9x19mm Parabellum"),
    _m("Pakistan Ordnance Factories", "MG1A3P", "machine_gun", "7.62x51mm NATO"),
    _m("Ordnance Factory Board", "INSAS", "rifle", "5.56x45mm NATO"),
    _m("Ordnance Factory Board", "1A1 SLR", "rifle", "7.62x51mm NATO"),
    _m("Ordnance Factory Board", "INSAS LMG", "machine_gun", "5.56x45mm NATO"),
]

# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------

_UPPER = string.ascii_uppercase
_DIGITS = string.digits
# Characters permitted in a serial pattern: placeholders ("A", "9"), literal
# uppercase letters and digits, and a few separators.
_PATTERN_CHARS = frozenset(_UPPER + _DIGITS + "-/. ")


def serial_from_pattern(pattern: str, rng) -> str:
    """Expand ``pattern``: ``A`` -> random uppercase letter, ``9`` -> random
    digit, any other character is kept literally. ``rng`` is a
    :class:`random.Random` (or anything with a compatible ``choice``)."""
    out = []
    for ch in pattern:
        if ch == "A":
            out.append(rng.choice(_UPPER))
        elif ch == "9":
            out.append(rng.choice(_DIGITS))
        else:
            out.append(ch)
    return "".join(out)


def validate() -> None:
    """Assert the internal consistency of the reference data."""
    import pycountry

    # Calibres
    assert len(CALIBRES) >= 45, f"expected >= 45 calibres, got {len(CALIBRES)}"
    for c in CALIBRES:
        assert isinstance(c, str) and c.strip() == c and c, f"bad calibre entry: {c!r}"
    dup_cal = sorted({c for c in CALIBRES if CALIBRES.count(c) > 1})
    assert not dup_cal, f"duplicate calibres: {dup_cal}"
    calibres = set(CALIBRES)

    # Types
    expected_codes = [
        "pistol", "revolver", "rifle", "shotgun",
        "submachine_gun", "machine_gun", "other_firearm", "light_weapon",
    ]
    codes = [code for code, _ in FIREARM_TYPES]
    assert codes == expected_codes, f"FIREARM_TYPES codes wrong/out of order: {codes}"
    type_codes = set(codes)

    # Makes
    assert len(MAKES) >= 45, f"expected >= 45 makes, got {len(MAKES)}"
    make_names: set[str] = set()
    for mk in MAKES:
        assert set(mk) == {"name", "country", "serial_patterns"}, f"bad make keys: {mk!r}"
        name = mk["name"]
        assert isinstance(name, str) and name, f"bad make name: {mk!r}"
        assert name not in make_names, f"duplicate make name: {name!r}"
        make_names.add(name)
        country = mk["country"]
        assert (
            isinstance(country, str) and len(country) == 3
            and pycountry.countries.get(alpha_3=country) is not None
        ), f"make {name!r}: invalid ISO 3166-1 alpha-3 country {country!r}"
        pats = mk["serial_patterns"]
        assert isinstance(pats, list) and 1 <= len(pats) <= 3, (
            f"make {name!r}: needs 1-3 serial patterns, got {pats!r}"
        )
        for p in pats:
            assert isinstance(p, str) and 4 <= len(p) <= 20, (
                f"make {name!r}: pattern {p!r} must be a 4-20 char string"
            )
            bad = sorted(set(p) - _PATTERN_CHARS)
            assert not bad, f"make {name!r}: pattern {p!r} has invalid chars {bad}"
            placeholders = sum(1 for ch in p if ch in "A9")
            assert placeholders >= 3, (
                f"make {name!r}: pattern {p!r} has too few placeholders ({placeholders})"
            )
            assert p == p.strip(), f"make {name!r}: pattern {p!r} has edge whitespace"

    # Models
    assert len(MODELS) >= 160, f"expected >= 160 models, got {len(MODELS)}"
    seen: set[tuple[str, str]] = set()
    used_types: set[str] = set()
    for md in MODELS:
        assert set(md) == {"make", "name", "type", "calibre"}, f"bad model keys: {md!r}"
        key = (md["make"], md["name"])
        assert md["name"], f"model with empty name: {md!r}"
        assert md["make"] in make_names, f"model {key}: unknown make {md['make']!r}"
        assert key not in seen, f"duplicate model (make, name): {key}"
        seen.add(key)
        assert md["type"] in type_codes, f"model {key}: unknown type {md['type']!r}"
        assert md["calibre"] in calibres, f"model {key}: unknown calibre {md['calibre']!r}"
        used_types.add(md["type"])
    missing = type_codes - used_types
    assert not missing, f"firearm types with no model: {sorted(missing)}"
    n_light = sum(1 for md in MODELS if md["type"] == "light_weapon")
    assert n_light >= 3, f"expected >= 3 light weapons, got {n_light}"
