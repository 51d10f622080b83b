"""The two flags: 3D-printed items, and items moved by post, courier or parcel."""

import re

from .dates import SEIZURE_WORDS
from .text import Value

_PRINTED = re.compile(
    r"\b(?:3d[- ]?printed|3-d printed|printed (?:on|with|using) a 3d printer|imprime\w* en 3d|"
    r"impres[oa]s? en 3d|elaborad[oa]s? en 3d|fabricad[oa]s? (?:con|en|mediante) (?:una |unas )?impresoras? 3d|"
    r"fabrique\w* (?:a l'aide d'|par des|avec des|avec une|par une|grace a une) imprimantes? 3d|"
    r"(?:armes?|armas?|pistol\w*|guns?|firearms?|weapons?|fusils?|piezas?|pieces?|parts?|lowers?|frames?) 3d|"
    r"(?:made|manufactured|produced|built) (?:with|using|on|by) (?:a |an )?3d print(?:ers?|ing)|"
    r"printed (?:[a-z-]+ ){0,2}(?:firearms?|guns?|pistols?|rifles?|parts|components|frames?|receivers?|lowers?)|"
    r"(?:fabricad|elaborad|producid|hech)[oa]s? (?:con|mediante|por|en) (?:(?:la |una )?tecnologia de )?impresion 3d|"
    r"(?:fabrique|produite?|realise)e?s? (?:par|en|avec|grace a l'|a l'aide de l') ?impression 3d)\b")
_GENERAL_REMARK = re.compile(r"\b(?:can be|could be|may be|pueden ser|peuvent etre|risk|danger|threat|menace|"
                             r"riesgo|amenaza|growing|increasing|en aumento|blueprints?|plans|files?|fichiers?|"
                             r"archivos|download\w*|telecharg\w*|descarg\w*|trend|tendance|tendencia|se multiplient|"
                             r"se multiplican|proliferat\w*|on the rise|increasingly|de plus en plus|cada vez mas|"
                             r"legislation|offence|"
                             r"since (?:19|20)\d\d|depuis (?:19|20)\d\d|desde (?:19|20)\d\d)\b")
# "una empresa de mensajería", not "aplicaciones de mensajería instantánea".
_MESSAGING_SERVICE = r"(?<!aplicaciones de )(?<!aplicacion de )mensajeria(?! instantanea)"
_POSTAL = re.compile(
    r"\b(?:parcels?|packages?|postal|post office|international mail|mail (?:centre|center|facility|processing)|"
    r"airmail(?:ed)?|mail(?:ed)?|courier|express (?:consignment|mail|delivery|freight)|"
    r"fast parcel|dhl|fedex|ups|usps|royal mail|chronopost|colissimo|servientrega|estafeta|colis|envois? postaux|envoi postal|fret express|la poste|"
    rf"encomiendas?|paquetes?|paqueteria|correos?|{_MESSAGING_SERVICE}|envio postal|courrier)\b")
# Carried in a vehicle or luggage: "a parcel containing a pistol in the boot of his car" is carried, not sent
# (cargo is left out of _CARRIED_IN: an air cargo parcel is still a parcel).
_CARRIERS = (r"cars?|trucks?|lorry|vehicles?|boot of|trunk|suitcases?|luggage|containers?|"
             r"voitures?|vehicules?|camion\w*|coffre|valises?|bagages?|conteneurs?")
_CARRIED_IN = re.compile(rf"\b(?:{_CARRIERS})\b")
_NOT_POSTAL = re.compile(rf"\b(?:{_CARRIERS}|cargo|lorries|contenedores?|vehiculos?|coches?|equipaje|maletas?|"
                         r"maletero)\b")


# "3D-printed parts are frequently used to build ghost guns": a habit, unless the sentence tells of a seizure.
_HABIT = re.compile(r"\b(?:frequently|often|souvent|a menudo|commonly|typically|generally|generalement)\b")


def printed_3d(doc):
    for match in _PRINTED.finditer(doc.folded):
        start, end = doc.sentence_bounds(match.start())
        sentence = doc.folded[start:end]
        if not _GENERAL_REMARK.search(sentence) and not (_HABIT.search(sentence)
                                                         and not SEIZURE_WORDS.search(sentence)):
            return Value(True, match.start(), match.end(), 0.8)
    return None


_WEAK = {"package", "packages", "paquete", "paquetes", "mail", "correo", "correos", "ups", "courrier"}
_SHIPPING = re.compile(r"\b(?:sent|shipp\w*|mailed|deliver\w*|post\w*|courier|addressed|envi\w*|entreg\w*|"
                       rf"remit\w*|expedi\w*|destinat\w*|{_MESSAGING_SERVICE}|paqueteria|paperwork|waybill|tracking|"
                       r"consign\w*|declared as|declare comme|declarad[oa] como|commandes? en ligne|ordered online|"
                       r"online orders?|pedidos? en linea|compras? en linea)\b")
# "paquetes de cocaína", "packages of cannabis": wrapped goods, not mail.
_GOODS_AFTER = re.compile(r"\s+electronicos?\b|\s+(?:de|of|d'|con|with|containing|contenant|que conten\w+|"
                          r"wrapped in|envuelt\w+ en|envelopp\w+ dans)\s*(?:\w+ )?(?:cocain\w*|drog\w*|drugs?|cannabis|marihuana|heroin\w*|"
                          r"resine|hachis|hashish|cigarett\w*|cigarrillos|tabac|tabaco|tobacco|billets|dinero|cash)\b")
_SHIPPER = re.compile(r"\b(?:shipp(?:er|ed|ing)|mailed|courier|waybill|tracking number|sender|consignee|"
                      r"expediteur|destinataire|remitente|destinatario)\b")
# "were sent to the laboratory", "remitidos a la Fiscalía": the seized goods sent on to experts or a court.
_SENT_TO_EXPERTS = re.compile(r"\s+(?:\w+\s+)?(?:to|for|a|al|a la|au|aux|pour|para)\s+(?:the\s+|la\s+|le\s+|el\s+|l')?"
                              r"(?:lab\w*|forensic\w*|analys[ie]s|analisis|analyse\w*|peritaje|pericial\w*|expert\w*|"
                              r"fiscal\w*|prosecut\w*|parquet|court|juzgado|tribunal|disposicion)")
# "a drug courier who", "the courier for the gang": a person carrying the goods, not a courier service.
_COURIER_PERSON = re.compile(r"\s*(?:who\b|for\b|was\b|had\b|has\b|is\b|,)")
# "il transitait avec ses colis", "se saisissent du colis suspect": a bundle someone carries, unless shipped.
_CARRIED_BUNDLE = re.compile(r"\b(?:son|sa|ses|leur|leurs) colis\b|\bcolis suspects?\b")
# "The postal mode of firearms smuggling is showing an elevated risk": a remark on a route, not this seizure's.
_ROUTE_REMARK = re.compile(r"\b(?:risk|risque|riesgo|trend|tendance|tendencia|increasingly|de plus en plus|"
                           r"cada vez mas|mode|modus|threat|menace|amenaza|often|souvent|a menudo|frequently|"
                           r"commonly|trained|strateg\w*|estrategia)\b")


def postal_or_parcel(doc):
    """True for mail, courier or parcel consignments; False where a container, vehicle or luggage is stated."""
    for match in _POSTAL.finditer(doc.folded):
        word = match.group(0)
        if word == "ups" and doc.text[match.start():match.end()] != "UPS":
            continue
        start, end = doc.sentence_bounds(match.start())
        if _ROUTE_REMARK.search(doc.folded, start, end) and not SEIZURE_WORDS.search(doc.folded, start, end):
            continue
        if word == "courier" and _COURIER_PERSON.match(doc.folded, match.end()):
            continue
        if word in _WEAK or word in ("colis", "parcel", "parcels") and (
                _CARRIED_BUNDLE.search(doc.folded, max(0, match.start() - 8), match.end() + 9)
                or _GOODS_AFTER.match(doc.folded, match.end()) or _CARRIED_IN.search(doc.folded, start, end)):
            if _NOT_POSTAL.search(doc.folded, start, end):
                continue  # "packages inside a shipping container", "paquetes en el camión": wrapped goods
            previous = doc.sentence_bounds(max(0, start - 2))[0]  # "Il effectuera plusieurs commandes en ligne."
            shipping = [m for m in _SHIPPING.finditer(doc.folded, previous, end) if m.span() != match.span()
                        and not _SENT_TO_EXPERTS.match(doc.folded, m.end())]
            # ... or the next sentence names a shipper or a consignment ("The shipper was in China")
            shipping = shipping or _SHIPPER.search(doc.folded, end, doc.sentence_bounds(end)[1])
            if not shipping or doc.folded[max(0, match.start() - 2):match.start()] == "e-" or _GOODS_AFTER.match(
                    doc.folded, match.end()):
                continue
        return Value(True, match.start(), match.end(), 0.7)
    other = _NOT_POSTAL.search(doc.folded)
    if other:
        return Value(False, other.start(), other.end(), 0.5)
    return None
