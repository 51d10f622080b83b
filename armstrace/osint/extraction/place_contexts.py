"""The words around a capitalised name that say what kind of place it is: a facility, a street or area, a small
place, a region, a locative; or that it is not the seizure's place: an agency's seat, a destination, a home town."""

import re

from .lexicon import STOLEN

FACILITY_BEFORE = re.compile(
    r"(?:port of|airport of|port de|port du|port d'|aeroport d'|aeroport de|aeroport international d[e']|puerto de|"
    r"aeropuerto(?: internacional)?(?: de)?|(?:paso|complejo|puesto|cruce) fronterizo(?: de)?|"
    r"puente internacional(?: de)?|bureau de (?:la )?douane de|poste de douane de|poste douanier de|\ba douane de|"
    r"centre de (?:tri|traitement du courrier) de|"
    r"poste[- ]frontiere de|poste frontalier (?:[a-z]+-[a-z]+ )?de|poste de|point d'entree de|"
    r"port d'entree de|border crossing(?: at| of)?|port of entry(?: at| of)?|garita(?: de)?|aduana de|"
    r"centre postal de|centro postal de|terminal de|puesto de control(?: de)?|recinto fiscal de|control vial de|"
    r"punto de control de|reten de|peaje(?: de)?|caseta de peaje(?: de)?|peage de|peage d'|toll plaza (?:at|of))"
    r"(?:\s+|(?<=')\s*)$")
FACILITY_AFTER = re.compile(r"\s+(?:port|airport|international airport|border crossing|port of entry|gateway facility|"
                            r"(?:police |military )?(?:barrier|checkpoint|check-point|roadblock)|"
                            r"mail (?:centre|center|facility)|docks|terminal|checkpoint|border post|seaport|harbou?r)\b",
                            re.IGNORECASE)
STREET_BEFORE = re.compile(r"(?:quartier d'|quartier (?:populaire |residentiel )?de|quartier|barrio de|barrios?|colonia|groupement de|groupement|sector de|sector|secteur de|secteur|rue|calle|"
                           r"l'arrondissement|arrondissement|arrondissement d[e']|borough of|camp|camp militaire|"
                           r"neighbou?rhood of|fraccionamiento|"
                           r"avenida|avenue|road|street|vereda|lieu-dit|hameau de|aldea de|caserio de|carretera|"
                           r"autopista|"
                           r"highway|autoroute|carrefour|crossroads|junction|entronque|cruce de|rond-point|glorieta|"
                           r"zona de|zone d'|area de|distrito de|estate|business park|industrial estate|"
                           r"zone industrielle de|poligono industrial de|poligono|cite|cite de|urbanizacion|"
                           r"asentamiento humano|centro poblado|caserio|anexo|canton|aldea|hameau|douar|"
                           r"(?:terminal )?portuaria de|terminal portuario de|plage de|playa de|beach)\s+(?:d'|(?<=de )(?:la|l'|los|las|el)\s*)?$")
# "the Lagdera area", "Bell Steel area of Poleglass", "le secteur de": a named part of a town.
AREA_AFTER = re.compile(r"\s+(?:area|estate|housing estate|neighbou?rhood|village|township|suburb|settlement|community|"
                        r"forest|jungle|game reserve|forest reserve|hills)\b")
REGION_BEFORE = re.compile(r"(?:region de|region of|province of|provincia de|province d[eu]|departement de|departamento de|"
                           r"estado de|(?:el|del|al) estado|state of|county|comunidad foral de|sous-prefecture de|"
                           r"sindicatura de)\s+$")
OF = re.compile(r"(?:\bde|\bdu|\bd'|\bdel|\bof)\s*$")
# "in north Dublin", "dans le nord de Lyon", "al poniente de Tuxtla Gutiérrez": a part of the place that follows.
DIRECTION = (r"(?:(?:the\s+|el\s+|le\s+|la\s+)?(?:north|south|east|west|northern|southern|eastern|western|central|"
             r"north-east|north-west|south-east|south-west|nord|sud|est|ouest|centre|nord-est|nord-ouest|sud-est|"
             r"sud-ouest|norte|sur|este|oeste|poniente|oriente|centro|noreste|noroeste|sureste|suroeste)"
             r"(?:\s+(?:of|de|del|du|d'|de la))?\s*)")
SMALL_PLACE_BEFORE = re.compile(
    r"(?:municipios? de|municipality of|municipalities of|communes? de|communes? (?:rurales?|urbaines?) d[e']|comunas de|village de|villages d'|villages de|"
    r"localite de|localidad de|localidad|localite|poblado|comunidad|corregimiento de|"
    r"ciudad de|city of|town of|ville de|poblacion de|parroquia|comuna de|termino municipal de|"
    r"area of|zone de|residence de|residence in|a residence in|domicile de|"
    r"resident de|residente de|vivienda de|bureau de poste de|la poste de|plate[- ]?forme de|zones? \w+ de|"
    r"localidad \w+ de|aduana de|canton de|cantón de|parish of|suburb of|township of|ville d'|commune d'|"
    r"delegacion|alcaldia|muelle de|puerto|port|casco urbano de|cabecera municipal de|comunidad de|"
    r"ejido|rancheria|poblado de|vereda de|hamlet of|village of|warehouse (?:in|at)|entrepot (?:de|d'|a)|"
    r"almacen (?:de|en)|bodega (?:de|en)|community of|communities of|(?:du|le|au) village|(?:la )?isla|island of|"
    r"l'ile de|l'ile|ile de)(?:(?<=')|\s+)(?:d')?" + DIRECTION + "?$")
LOCATIVE = {
    "en": re.compile(rf"(?:\bin|\bat|\bnear|\boutside|\baround|\bacross|\bthroughout|\bon the outskirts of|"
                     rf"\bclose to|\bwaters of|\boff the coast of|\boff|\bon(?=\s+the)|\balong)\s+(?:the\s+)?{DIRECTION}?$"),
    "fr": re.compile(rf"(?:(?:\ba|\bau|\baux|\bpres de|\bdans|\ben|\bsur|\bproximite de|\babords de|\bnon loin de|"
                     rf"\bperiph\w+ de|\bsortie de|\bentree de)\s+|\bpres d'|\bproximite d'|\babords d'|\bloin d')"
                     rf"(?:la\s+|le\s+|les\s+|l')?{DIRECTION}?$"),
    "es": re.compile(rf"(?:(?:\ben|\bcerca de|\ba las afueras de|\bimmediaciones de|\binmediaciones de|\bproximidades de)\s+(?:el\s+|la\s+)?{DIRECTION}?|\bal\s+{DIRECTION})$"),
}
DIRECTION_WORD = re.compile(r"^(?:North|South|East|West|Northern|Southern|Eastern|Western|Central|Greater|Upper|"
                            r"Lower|Nord|Sud|Norte|Sur) (?=[A-ZÀ-Ý])")
SEAT_BEFORE = re.compile(
    r"(?:brigade|direction|parquet|tribunal|procureur de la republique|sections? de recherches?|compagnie|escadron|"
    r"district|juzgado|comisaria|audiencia|fiscalia|court|prison|(?:police|garda) station|tribunal de grande instance|"
    r"prefecture de police|douanes? de|direccion regional de|brigada provincial de informacion de|commissariat|"
    r"bureau|headquarters|headquartered|field office|siege|sede)\b"
    r"[^.,;]{0,40}$")
DESTINATION_BEFORE = re.compile(r"(?:destined for|bound for|addressed to|en route to|on its way to|a destination d[eu']|"
                                r"destine\w* a|adresse\w* (?:a|par)|con destino a|(?:como|por) destino|destinad\w* a|rumbo a|hacia|"
                                r"(?:arriving|coming|shipped|sent|imported|flying|travelling|traveling) from|"
                                r"en provenance d[eu']|provenant d[eu']|procedente\w* de|desde|provenait d[eu']|"
                                r"venait d[eu']|se dirigeait vers|en direction d[eu']|proveniente\w* de|"
                                # where people or goods were taken afterwards
                                r"taken to|transferred to|brought to|escorted to|transfere\w* a|conduit\w* a|"
                                r"emmene\w* a|trasladad\w*|llevad\w* (?:a (?!cabo)|hasta)|remitid\w* a|puest\w* a "
                                r"disposicion)\b[^.;]{0,50}$"
                                # where a gun found again had been stolen: "stolen last year at the police post in Mbita"
                                rf"|\b{STOLEN}\b[^.;]{{0,60}}$")
# A person's home town: "a man in his 40s from the Brighton area", "un homme de 27 ans, de Montréal", "a resident
# of the Dall village".
HOME_BEFORE = re.compile(r"\b(?:man|woman|men|women|boy|girl|teenager|resident|native|\d+[- ]years?[- ]old|aged \d+|"
                         r"homme|femme|"
                         r"hommes|femmes|jeune|\d+ ans|hombre|mujer|joven|\d+ anos)\b[^.;]{0,25}?"
                         r"(?:\bfrom|\bof|\bde|\bdu|\bd')\s*(?:the\s+)?$")
# "Mexican authorities", "la police canadienne", "la Policía colombiana": a State's own agency, in its country;
# "territorio brasileño": its ground.
_AUTHORITIES = (r"(?:authorities|police|soldiers|army|navy|troops|marines|customs|officials|forces|security forces|"
                r"national guard|federal police|border\w*|military|coast ?guard|agency|agencies|officers|agents|"
                r"investigators|government|ministry|department|prosecutors|intelligence|services?|"
                r"autorites|police|gendarmerie|douanes?|armee|militaires|soldats|forces|agents|enqueteurs|"
                r"gouvernement|ministere|garde-cotes|"
                r"autoridades|policia|ejercito|armada|soldados|militares|fuerzas|aduanas?|guardia nacional|marina|"
                r"agentes|gobierno|ministerio|investigadores|fiscalia|prefectura|gendarmeria|carabineros|"
                # the State's ground: "the Mexican side", "territoire malien", "el lado brasileño"
                r"side|territory|soil|waters|territoire|cote|sol|eaux|lado|territorio|suelo|aguas|desert|desierto|"
                # its places: "el municipio colombiano de Sácama", "la ville malienne de Gao"
                r"municipio|municipality|ciudad|city|town|pueblo|localidad|provincia|province|departamento|"
                r"departement|region|ville|commune|localite|village|port|puerto|"
                # its capital: "la capital uruguaya", "la capitale malienne"
                r"capital|capitale)")
_AUTHORITY_AFTER = re.compile(rf"\s+(?:[a-z]+\s+){{0,2}}{_AUTHORITIES}\b")
_AUTHORITY_BEFORE = re.compile(rf"\b{_AUTHORITIES}\s+(?:nationale?s?\s+|nacional(?:es)?\s+|federale?s?\s+)?$")


def of_the_state(folded, start, end):
    """The demonym at folded[start:end] qualifies a State's agency or ground, not people."""
    return bool(_AUTHORITY_AFTER.match(folded, end) or _AUTHORITY_BEFORE.search(folded, 0, start))
