"""The two flags: 3D-printed items, and items moved by post, courier or parcel."""

import re

from .text import Value

_PRINTED = re.compile(
    r"\b(?:3d[- ]?printed|3-d printed|printed (?:on|with|using) a 3d printer|imprime\w* en 3d|"
    r"impres[oa]s? en 3d|elaborad[oa]s? en 3d|fabricad[oa]s? (?:con|en|mediante) (?:una |unas )?impresoras? 3d|"
    r"fabrique\w* (?:a l'aide d'|par des|avec des|avec une|par une|grace a une) imprimantes? 3d|"
    r"(?:armes?|armas?|pistol\w*|guns?|firearms?|weapons?|fusils?|piezas?|pieces?|parts?|lowers?|frames?) 3d|"
    r"made (?:with|using|on) (?:a |an )?3d printers?)\b")
_GENERAL_REMARK = re.compile(r"\b(?:can be|could be|may be|pueden ser|peuvent etre|risk|danger|threat|menace|"
                             r"riesgo|amenaza|growing|increasing|en aumento)\b")
_POSTAL = re.compile(
    r"\b(?:parcels?|packages?|postal|post office|international mail|mail (?:centre|center|facility|processing)|"
    r"airmail|mail(?:ed)?|courier|express (?:consignment|mail|delivery|freight)|"
    r"fast parcel|dhl|fedex|ups|royal mail|colis|envois? postaux|envoi postal|fret express|la poste|"
    r"encomiendas?|paquetes?|paqueteria|correos?|mensajeria|envio postal|courrier)\b")
_NOT_POSTAL = re.compile(r"\b(?:containers?|cargo|vehicles?|cars?|trucks?|lorry|lorries|luggage|suitcases?|"
                         r"conteneurs?|camions?|vehicules?|voitures?|bagages?|valises?|contenedores?|camion\w*|"
                         r"vehiculos?|coches?|equipaje|maletas?)\b")


def printed_3d(doc):
    for match in _PRINTED.finditer(doc.folded):
        start, end = doc.sentence_bounds(match.start())
        if not _GENERAL_REMARK.search(doc.folded[start:end]):
            return Value(True, match.start(), match.end(), 0.8)
    return None


_WEAK = {"package", "packages", "paquete", "paquetes", "mail", "correo", "correos", "ups", "courrier"}
_SHIPPING = re.compile(r"\b(?:sent|shipp\w*|mailed|deliver\w*|post\w*|courier|addressed|envi\w*|entreg\w*|"
                       r"remit\w*|expedi\w*|destinatari\w*|mensajeria|paqueteria)\b")


def postal_or_parcel(doc):
    """True for mail, courier or parcel consignments; False where a container, vehicle or luggage is stated."""
    for match in _POSTAL.finditer(doc.folded):
        word = match.group(0)
        if word == "ups" and doc.text[match.start():match.end()] != "UPS":
            continue
        if word in _WEAK:
            start, end = doc.sentence_bounds(match.start())
            shipping = [m for m in _SHIPPING.finditer(doc.folded, start, end) if m.span() != match.span()]
            if not shipping or doc.folded[max(0, match.start() - 2):match.start()] == "e-":
                continue
        return Value(True, match.start(), match.end(), 0.7)
    other = _NOT_POSTAL.search(doc.folded)
    if other:
        return Value(False, other.start(), other.end(), 0.5)
    return None
