"""People stated to be arrested or detained, summed over the places the text gives; 0 only when it says none."""

import re
from dataclasses import replace

from .counts import ONE_OF_BEFORE, Count
from .dates import MONTHS
from .firearms import FOLLOW_UP, combine
from .more_arrests import PASSIVE_ARREST, in_arrest_sentence, numbers_of, ordinal_count, remaining_count, with_one_more
from .numbers import find_numbers
from .text import Value

_CUSTODY = "garde[ -]a[ -]vue"
_FR_ADVERB = "(?:aussitot |immediatement |alors |rapidement |finalement |ensuite |egalement |par la suite |sur-le-champ )"
TRIGGER = re.compile(
    r"\b(?:arrest\w*|detain\w*|apprehend\w*|apprehension\w*|into (?:police )?custody|in (?:police )?custody|to custody|charged|nabbed|"
    r"behind bars|grabbed by|(?:were|was|have been|had been) (?:caught|picked up)|"
    r"mise?s? a (?:la |notre )?disposition|remise?s? (?:a|aux) (?:la police|la gendarmerie|forces|enqueteurs)|"
    r"puest[oa]s? a (?:la )?disposicion|demorad[oa]s|"
    r"booked (?:into|in)|remanded|(?:were|was|being|are|is) held (?=on suspicion|over|in connection|for questioning|on charges)|"
    r"(?:are|were|is) holding(?= (?:\w+ ){1,2}(?:suspects?|people|men|persons?|individuals?|women)\b)|fac(?:e|es|ing) (?:\w+ )?charges|"
    r"devront repondre (?:a|de) (?:\w+ ){0,2}(?:accusations|chefs)|visee?s? par des accusations|"
    rf"interpell\w*|arrete\w*|arrestation\w*|{_CUSTODY}|mis la main sur|retenue douaniere|ecroue\w*|inculpe\w*|"
    r"detention provisoire|placee?s? en detention|mise?s? en examen|incarcer\w*|prision preventiva|aux arrets|mandat de depot|"
    r"hors d'etat de nuire|privad[oa]s? de (?:su |la )?libertad|privee?s? de (?:leur |sa |la )?liberte|"
    r"deferee?s? (?:\w+ )?(?:au parquet|devant)|presentee?s? (?:\w+ )?(?:au parquet|devant (?:le|un|la) (?:juge|procureur|"
    r"magistrat|parquet))|envoyee?s? en prison|"
    r"detenid\w*|detuv\w*|detien\w*|detenien\w*|detencion\w*|detener|arreter|captur\w*|arrest\w*|aprehend\w*|"
    r"aprehension\w*|(?<=personas )retenid[oa]s)\b")
_INITIALS = r"(?:[^.;]|(?<=\b[a-z])\.)"  # "répondant aux initiales L. A."
_SINGLE = re.compile(
    r"\b(?:(?:a|one|the|an?) (?:[\w.-]+ ){0,3}?(?:man|woman|suspect|person|driver|teenager|youth|individual|passenger|"
    r"male|female|national|citizen|traveller|traveler|resident|owner|occupant|tenant|courier|smuggler|trafficker)"
    rf"\b{_INITIALS}{{0,100}}?(?:was|has been|had been|is being) (?:[a-z]+ (?:to |and )?){{0,3}}?"
    r"(?:arrested|detained|apprehended|taken into custody|charged)|one arrest|"
    r"(?:the|a) (?:\d+-year-old )?(?:suspect|driver|man|woman|courier|passenger) (?:arrested|detained)\b|"
    r"(?:was|has been) placed under arrest|(?:the|an?) (?:arrest|apprehension) of (?:a|an|the|one) (?:[a-z-]+ ){0,2}?"
    r"(?:man|woman|suspect|driver|teenager|youth|individual|passenger|courier|smuggler|trafficker)\b|"
    r"(?:s'est|se sont) fait (?:capturer|arreter|interpeller|pincer|coincer|epingler)|(?:est|a ete|fut) placee? en etat d'arrestation|"
    r"\b(?:qui a ete|who (?:was|has been)|quien (?:fue|ha sido)) (?:arretee?|interpellee?|apprehendee?|arrested|"
    r"detained|apprehended|detenid[oa]|capturad[oa]|aprehendid[oa])\b|"
    r"(?:fue|quedo|ha sido) puest[oa] bajo arresto|"
    rf"(?:sa|son) (?:placement en )?(?:{_CUSTODY}|arrestation|interpellation)\b|"
    r"(?:ce dernier|cette derniere|celui-ci|celle-ci) (?:a ete|est|fut) (?:aussitot |immediatement |alors )?"
    rf"(?:interpellee?|arretee?|apprehendee?|(?:placee?|mise?) en {_CUSTODY}|ecrouee?)\b|(?:il|elle) est (?:garde|gardee|placee?) (?:a vue|en {_CUSTODY})|"
    r"(?:d|a)?(?:el|la) (?:persona|hombre|mujer|sujeto|conductor|chofer|joven|menor|adolescente|muchach[oa]) "
    r"(?:de \d+ anos )?(?:detenid|capturad|arrestad|aprehendid)[oa]\b|"
    r"(?:la )?(?:detencion|captura|aprehension) (?:del|de la|de un|de una) (?:conductor|chofer|hombre|mujer|sujeto|"
    r"individuo|joven|propietari[oa]|ocupante|sospechos[oa]|presunt[oa])\b|"
    r"(?:el|la) (?:hombre|mujer|sujeto|conductor|chofer|detenid[oa]|sospechos[oa]) (?:fue|quedo) puest[oa] a disposicion|"
    r"(?:arrested|detained|apprehended|nabbed) (?:a|an|the|one) (?:[a-z-]+ ){0,2}?[a-z-]*[a-rt-z]\b(?! and)|"
    r"(?:un|une|le|la|l') ?(?:homme|femme|individu|suspect|personne|jeune|conducteur|passager|ressortissant|"
    r"voyageur|chauffeur|conductrice|resident|mis en cause|proprietaire|occupant|locataire|auteur|trafiquant|militaire|"
    r"infracteur|contrevenant|prevenu|fraudeur|capitaine|adolescent|mineur|quadragenaire|trentenaire|quinquagenaire|"
    r"sexagenaire|septuagenaire|vingtenaire|jeune homme|pere|mere|fils|frere|epoux|epouse|mari|"
    rf"commercant)\w*\b{_INITIALS}{{0,100}}?(?:a ete|ont ete|est|fut|a egalement ete|avant d'etre) "
    rf"(?:\w+ puis )?(?:interpellee?|arretee?|apprehendee?|inculpee?|(?:formellement )?accusee?|(?:placee?|mise?) en {_CUSTODY}|"
    r"placee? en retenue|maitrisee?|"
    r"deferee?|presentee? au parquet|ecrouee?|placee? sous mandat de depot|mise? aux arrets|mise? hors d'etat de nuire|"
    r"placee? en detention|"
    r"(?:re)?mise? (?:a|aux) (?:la disposition d\w* )?(?:la police|la gendarmerie|forces))|"
    r"(?:un|une) (?:homme|femme|individu|suspect|jeune|conducteur|passager|ressortissant|resident)e?\b[^.;:]{0,40}?"
    r"fait face (?:a|aux) (?:des )?(?:accusations|chefs)|"
    r"(?:le|la|l') ?(?:trafiquant|suspect|individu|homme|femme|conducteur|chauffeur|passager|mis en cause|pere|mere|"
    r"fils|frere)e?,? (?:(?:age )?de \d+ ans,? )?(?:interpellee?|arretee?|apprehendee?|deferee?)\b|"
    r"l'un des \w+, (?:interpelle|arrete|apprehende)|"
    r"(?:interpelle|arrete|apprehende) (?:[\w'-]+ ){0,6}?(?:un|une) (?:homme|femme|individu|suspect|personne|jeune|resident|"
    r"conducteur|passager|ressortissant|voyageur)|une interpellation|une arrestation|l'arrestation d'un|"
    r"(?:interpelle|arrete|apprehende) (?:le|la|l') ?(?:suspect|conducteur|chauffeur|passager|proprietaire|"
    r"individu|homme|femme|jeune|trafiquant|mis en cause)e?\b|\bl'(?:ont|a) (?:interpell|arret|apprehend)ee?\b|"
    r"\b(?:lo|la) (?:detuvieron|detuvo|capturaron|capturo|arrestaron|arresto|aprehendieron|aprehendio)\b|"
    r"(?:fue|quedo|ha sido) privad[oa] de (?:su |la )?libertad|"
    r"se (?:detuvo|capturo|arresto|aprehendio) (?:al|a la|a un|a una|a) (?:conductor|chofer|hombre|mujer|sujeto|"
    r"individuo|joven|propietario|presunto|alias)|"
    r"(?:detuvieron|detuvo|capturaron|capturo|arrestaron|arresto|aprehendieron|aprehendio) (?:ayer |hoy |anoche )?"
    r"(?:a (?:un|una) |al |a la )"
    r"(?:hombre|mujer|persona|sujeto|individuo|joven|conductor|chofer|ciudadano|sospechoso|propietario|"
    r"presunto|conductora|propietaria|presunta|ocupante|vecin[oa]|residente)|"
    r"(?:detuvieron|detuvo|capturaron|capturo|arrestaron|arresto|aprehendieron|aprehendio) a alias\b|"
    r"(?:se )?demor(?:o|aron) a (?:un|una) (?:varon|hombre|mujer|joven|sujeto|persona)|"
    r"t(?:ook|aken) (?:the|a|an|one) (?:[a-z-]+ ){0,2}?(?:man|woman|suspect|person|driver|teenager|youth|"
    r"individual|passenger|owner|occupant) into custody|"
    r"(?:fue|quedo|resulto|ha sido) (?:reducid[oa] y |[a-z]+mente )?"
    r"(?:detenid[oa]|capturad[oa]|arrestad[oa]|aprehendid[oa]|demorad[oa])|"
    r"(?:detuvo|detuvieron|capturo|capturaron|aprehendio|aprehendieron) (?:en|cerca de) [\w' -]{2,30}? a (?:un|una) "
    r"(?:hombre|mujer|persona|sujeto|individuo|joven|conductor|chofer|ciudadano|sospechoso)\b|"
    r"(?:un|una) (?:detenido|detenida|persona detenida|hombre detenido)|"
    r"(?:el|la|del|al) (?:detenid[oa]|arrestad[oa]|capturad[oa]|aprehendid[oa])\b|"
    r"the (?:arrested|detained) (?:man|woman|suspect|person|driver|teenager)|"
    r"(?:\bhe|\bshe|(?:a|an|the) \d+-year-old(?: [a-z]+){0,3}|(?:a|the) (?:teen|teenage boy|juvenile|minor|pensioner|boy|girl)) "
    r"(?:was|has been|had been|is) (?:[a-z]+ ){0,2}?"
    r"(?:arrested|detained|apprehended|taken into custody|remanded|booked)|"
    r"(?:arrested|detained|apprehended|nabbed|charged) (?:him|her)\b|"
    r"(?:man|woman|suspect|person|driver|teenager|youth|\d+-year-old)\b[^.;]{0,60}? (?:was|has been) "
    r"(?:held (?:on suspicion|over|in connection|for questioning|on charges)|remanded|booked)|"
    r"(?:un|une) [a-z]+(?:ien|ienne|ais|aise|ois|oise|ain|aine|an|ane|in|ine) (?:a ete|a egalement ete|est) "
    r"(?:interpellee?|arretee?|apprehendee?)|"
    r"(?:a|an) [a-z]+(?:ian|an|ese|ish|i) (?:national )?(?:was|has been) (?:arrested|detained|apprehended)|"
    rf"\b(?:il|elle) a {_FR_ADVERB}?ete {_FR_ADVERB}?(?:interpellee?|arretee?|apprehendee?|(?:placee?|mise?) en {_CUSTODY}|"
    r"placee? sous mandat de depot|ecrouee?|placee? en detention)|"
    r"(?<!vehicule )(?<!camion )(?<!voiture )(?<!bus )(?<!car )(?<!navire )(?<!bateau )(?<!convoi )(?<!train )(?<!n')"
    rf"\ba {_FR_ADVERB}?ete {_FR_ADVERB}?"
    rf"(?:interpellee?|arretee?|apprehendee?|(?:placee?|mise?) en {_CUSTODY}|ecrouee?|mise? en examen)\b(?! \w+ (?:et|avec) )|"
    r"\b(?:interpelle|arrete|apprehende)e? et (?:interroge|auditionne|entendu)e?, (?:le|la|l')|"
    r"(?<!vessel )(?<!ship )(?<!boat )(?<!truck )(?<!vehicle )(?<!container )(?<!shipment )"
    r"(?<!no one )(?<!nobody )(?<!no-one )"
    r"\bwas (?:subsequently |consequently |later |then |also |immediately |eventually )?"
    r"(?:arrested|apprehended|taken into custody))\b")
# "arrested the couple", "both men were arrested": two.
_PAIR = re.compile(r"\b(?:(?:the|a|le|un|la|una|el) (?:couple|pareja|duo|pair)|both (?:men|women|suspects|of them)|"
                   r"(?:were|have been) both|(?:un|le) (?:fils|pere|frere) et son (?:pere|fils|frere)|"
                   r"(?:a|the) father and (?:his )?son|(?:un|el) padre y su hijo|padre e hijo|"
                   r"^both(?= (?:were|have been|had been|are) )|(?<=[.;] )both(?= (?:were|have been|had been|are) )|"
                   r"les deux (?:hommes|femmes|suspects|individus|inculpes|prevenus|mis en cause|trafiquants)|"
                   r"(?:los dos|ambos) (?:hombres|sujetos|sospechosos|detenidos|imputados|aprehendidos|capturados)|"
                   r"(?:el|la) [a-z]+(?: (?:del|de la) [a-z]+)? y su [a-z]+"
                   r"(?= (?:fueron|han sido|quedaron|resultaron) (?:detenid|capturad|aprehendid|arrestad))|"
                   r"(?:le|la) [a-z]+(?: (?:du|de la) [a-z]+)? et (?:son|sa) [a-z]+"
                   rf"(?= ont ete (?:interpell|arret|apprehend|mis aux arrets|places? en {_CUSTODY}))|"
                   r"the [a-z]+(?: of the [a-z]+)? and (?:his|her) [a-z]+"
                   r"(?= (?:were|have been) (?:arrested|detained|apprehended)))\b")
_NONE = re.compile(
    r"\b(?:no arrests?|no one (?:has|was|were)(?: yet| so far)? (?:been )?(?:arrested|detained)|"
    r"nobody (?:was|has)(?: yet)? (?:been )?arrested|"
    r"aucune (?:interpellation|arrestation)|personne n'a ete (?:interpelle|arrete)|"
    r"sin detenidos|no hubo detenidos|ningun detenido|no se (?:produjeron|registraron|reportaron) detenciones|"
    r"no se (?:reporto|registro) (?:ningun|ninguna) (?:detenido|detencion)|no se informo de detenciones|"
    r"no (?:informo|reporto|dio a conocer|menciono) (?:de )?(?:ningun[oa]s? )?(?:detenciones|detenidos|capturas)|"
    r"no (?:ha|han|se ha|se han) (?:efectuado|realizado|practicado|producido) (?:ninguna|ningun) "
    r"(?:detencion|arresto|captura)|"
    r"no (?:hubo|se reportaron|se registraron) (?:personas )?(?:detenidas|capturadas|arrestadas)|"
    r"no one was arrested|no arrests were made|aucune personne n'a ete interpellee|"
    r"(?:there (?:was|were|have been|has been)|with) no (?:arrests?|detentions?)|"
    r"(?:sans|aucune?) (?:interpellation|arrestation)s?|"
    r"(?:no|ni|tampoco|sin que) (?:\w+ ){0,3}?(?:hay|haya|hubo|se (?:\w+ )?(?:report|registr|inform|produj)\w*)"
    r" (?:\w+ ){0,2}?(?:detenidos|capturados|arrestados|aprehendidos|detenciones|capturas|"
    r"(?:la )?detencion de (?:ninguna persona|nadie)))\b")
_WINDOW = 100


# "Cuatro personas, entre ellas dos menores": a part of a count already made.
_SUBSET_BEFORE = re.compile(r"\b(?:entre (?:ellas|ellos|los cuales|las cuales)|among (?:them|whom)|including|"
                            r"dont|parmi (?:eux|elles|lesquels|lesquelles)|de (?:ellos|ellas)|of (?:them|whom))\s+$")
_PERSON = r"(?:[A-ZÀ-Ý][\w'-]+\s?){1,4}(?:\s*\(\d+\))?"
# "Los detenidos fueron identificados como", "the arrested men were identified as": their names follow.
_NAMED_AFTER_ARRESTED = (r"(?:detenid|capturad|aprehendid)[oa]s (?:son|fueron identificad[oa]s como|quedaron "
                         r"identificad[oa]s como|responden a los nombres de):?|(?:arrested|detained) (?:men|women|"
                         r"suspects|persons|people|individuals) (?:were|have been|are) (?:identified|named) as:?|"
                         r"(?:interpellés|arrêtés) (?:sont|ont été identifiés comme):?")
# "arrested John Smith", "has since charged Adam Brown (39) and Bethany Brown (42)": the people named.
_NAMED = re.compile(rf"\b(?:arrested|detained|apprehended|charged|interpell[ée]|arr[êe]t[ée]|detuvieron a|detuvo a|"
                    rf"capturaron a|aprehendieron a|arrestation d[e'’]|interpellation d[e'’]|detención de|captura de|"
                    rf"arrest of|{_NAMED_AFTER_ARRESTED})\s*({_PERSON}(?:(?:,\s*|\s*and\s+|\s*et\s+|\s*y\s+){_PERSON})*)")
# "Kevin Brooks of London, Ontario, has been charged", "John Smith, 34, was arrested": one person named.
_NAMED_BEFORE = re.compile(r"\b[A-Z][a-z]+(?: [A-Z]\.)?(?: [A-Z][a-z'-]+){1,2}(?:,? (?:\(?\d{2}\)?|of [A-Z][^,.]{1,30}"
                           r"(?:, [A-Z][^,.]{1,30})?),?)? (?:has been|was|had been) (?:arrested|charged|detained)\b")
_LISTED = re.compile(r"\b(?:fueron|han sido|resultaron|quedaron) (?:detenid|capturad|aprehendid|arrestad)[oa]s "
                     rf"((?:el|la|un|una) {_INITIALS}{{2,60}}?(?:(?:, | y )(?:el|la|un|una) {_INITIALS}{{2,60}}?)+)"
                     r"(?=[.;]|, quien|$)")
_LIST_ITEM = re.compile(r"(?:^|, | y )(?:el|la|un|una) ")
_NAME_SEPARATOR = re.compile(r",\s*|\s+(?:and|et|y)\s+")
# "Three (3) of the four (4) men were caught": the first number is of those arrested.
_PART_OF = re.compile(r"(?:\s*\(\d+\))?\s+(?:out\s+)?(?:of|de|d'entre)\s+(?:the|les|los|las)\s+$")


def _part_arrested(doc, count):
    window = doc.folded[max(0, count.start - 40):count.start]
    for number in reversed(find_numbers(window, doc.language)):
        if number.kind != "article" and _PART_OF.fullmatch(window, number.end) and number.value < count.value:
            return replace(count, value=number.value, start=count.start - len(window) + number.start)
    return count


def arrests(doc, counts):
    """A Value with the number of people arrested, or None."""
    folded = doc.folded
    triggers = [m.span() for m in TRIGGER.finditer(folded)]
    stated = [c for c in counts if c.category == "arrest"]
    for count in counts:
        joined = stated and _JOINED.fullmatch(folded, stated[-1].end, count.start)  # "three men and a woman"
        if count.category == "person" and (joined or _near_trigger(doc, count, triggers)) and not _SUBSET_BEFORE.search(
                folded, max(0, count.start - 30), count.start):
            stated.append(_part_arrested(doc, count))
    stated += _other_people(doc, counts, triggers)
    stated.sort(key=lambda c: c.start)
    stated += _continued(doc, stated, counts)
    stated = _without_breakdowns(doc, sorted(stated, key=lambda c: c.start))
    single = _SINGLE.search(folded)
    ordinal = ordinal_count(doc, triggers)
    if ordinal and all(c.number_kind == "article" for c in stated):  # "une deuxième personne": not one
        return ordinal
    value = _people(doc, stated)
    if value is not None and single and single.end() <= value.start and _only_further(doc, stated):
        value = Value(value.value + 1, single.start(), value.end, 0.6)  # "X was arrested. ... five more suspects"
    if value is not None and ordinal and ordinal.value == value.value + 1 and 0 < ordinal.start - value.end \
            and not _NOT_ARRESTED.search(doc.folded, value.end, ordinal.end):
        return Value(ordinal.value, value.start, ordinal.end, 0.5)  # "deux personnes ... et une troisième à Lyon"
    value = with_one_more(doc, value, stated) if value is not None else None
    enumerated = _enumerated(doc)
    if enumerated and (value is None or enumerated.start <= value.start and value.end <= enumerated.end):
        return enumerated  # "two Britons and a Dutch national were arrested": not only the national
    bare = _bare_count(doc) or remaining_count(doc)
    if value is not None and bare and (0 <= bare.start - value.end < 40 or bare.start > value.start and
                                       doc.sentence_bounds(bare.start) == doc.sentence_bounds(value.start)):
        return bare  # "five men, of whom three were arrested", "Dos de los seis ... y los restantes cuatro"
    if value is not None:
        return value
    pair = _pair(doc, triggers)
    if pair:
        return pair
    if bare:
        return bare
    subject = _subject_count(doc)
    if subject:
        return subject
    single = single or _NAMED_BEFORE.search(doc.text)
    if single:
        return with_one_more(doc, Value(1, single.start(), single.end(), 0.6), stated)
    listed = _LISTED.search(folded)
    if listed:  # "fueron detenidos el colombiano R. C., el ecuatoriano Á. P. y un menor de edad"
        return Value(len(_LIST_ITEM.findall(listed.group(1))), listed.start(), listed.end(), 0.5)
    named = _NAMED.search(doc.text)
    if named:
        people = len(_NAME_SEPARATOR.split(named.group(1).strip()))
        return Value(people, named.start(), named.end(), 0.55)
    none = _NONE.search(folded)
    if none:
        return Value(0, none.start(), none.end(), 0.7)
    return None


_BETWEEN_BEFORE = re.compile(r"^\s*(?:(?:a|de|of|the|some|about|over|at least|au moins|pas moins de|al menos|un total de|"
                             r"a total of|unos|unas|las|los|les|des|en total|au total)\s+)*$")


_AGES = re.compile(r"\b(?:aged?|ages|de|agee?s? de) (?:between |entre )?\d+(?:(?:,| and| et| y) \d+)*"
                   r"(?: (?:years|ans|anos))?|"
                   r"\b(?:aged )?in (?:their|his|her) (?:early |mid-?|late )?\d0s|"
                   r"\d+-year-olds?|\(\d+\)|\d+ ans|\d+ anos")
_DATES = re.compile(r"\b(?:les?|el|los|on|the)?\s*\d{1,2}(?:er|st|nd|rd|th)?\s+(?:de\s+)?(?:" + "|".join(
    name for names in MONTHS.values() for name in names) + r")(?:\s+(?:de\s+)?\d{4})?(?:\s+(?:et|and|y)\b)?")
_CONJUNCTION_END = re.compile(r"\b(?:and|et|y|e|but|mais|pero|while|tandis que|mientras)\s+$")


def _near_trigger(doc, count, triggers):
    """A person count right after an arrest word ("detuvo a 3 personas"), or followed by one in its clause
    ("four people were arrested")."""
    for t_start, t_end in triggers:
        if t_end <= count.start and count.start - t_end < 60:
            between = doc.folded[t_end:count.start]
            if _BETWEEN_BEFORE.match(between) or (not re.search(r"[.;:]|\d", between)
                                                  and not _CONJUNCTION_END.search(between)
                                                  and not _OTHER_VERB.search(between)):
                return True
        elif count.end <= t_start and t_start - count.end < 2 * _WINDOW:
            between = _DATES.sub("", _AGES.sub("", doc.folded[count.end:t_start]))
            if len(between) < _WINDOW and not re.search(r"[.;:]|\d", between) and not _HARMED.search(between):
                return True
    return False


# "The apprehension of the three men identified another seven men": the seven are not arrested.
_OTHER_VERB = re.compile(r"\b(?:identified|implicated|revealed|exposed|named|led to|identifie|identifico|revelo)\b")
# "three suspects fatally injured in a shootout and seven arrested": the three are not arrested.
_HARMED = re.compile(r"\b(?:killed|shot dead|fatally|died|injured|wounded|neutrali[sz]ed|abatid[oa]s|muert[oa]s|"
                     r"fallecid[oa]s|herid[oa]s|tues|tuees|blesses|morts|abattus|neutralises)\b")


# People the lexicon does not count: "five accused", "two smugglers", "tres sujetos", "deux apprentis".
_OTHER_NOUN = (r"(?:accused|smugglers?|traffickers?|gunmen|gang members|criminals|robbers|militiamen|thugs|dealers|"
               r"terrorists|criminels|terroristes|contrebandiers|narcotrafiquants|braqueurs|criminales|terroristas|"
               r"contrabandistas|narcotraficantes|"
               r"sujetos|delincuentes|traficantes|pandilleros|sicarios|maleantes|malfaiteurs|trafiquants|bandits|"
               r"ocupantes|implicados|involucrados|imputados|integrantes|"
               r"apprentis|complices|accomplices|occupants|jovenes|militaires|soldiers|soldados|policemen)\b")
_OTHER_PERSON = re.compile(
    r"(?:\s*\(\d+\))?\s+(?:(?:suspected|alleged|presuntos?|presuntas?|presumes?|[a-z-]+(?:ian|ese|ish|ais|aise|ois|ano|ana|eno|ena)s)"
    r"\s+)?" + _OTHER_NOUN)
_ANY_OTHER_NOUN = re.compile(r"\b" + _OTHER_NOUN)


def _other_people(doc, counts, triggers):
    """Counts of people named by a noun the lexicon lacks, next to an arrest word."""
    if not triggers:
        return []
    taken = {c.start for c in counts}
    found = []
    for number in _numbers_to_check(doc, triggers):
        if number.start in taken or number.kind == "article":
            continue
        noun = _OTHER_PERSON.match(doc.folded, number.end) or _object_of_trigger(doc, number, triggers)
        if noun:
            count = Count(number.value, number.start, noun.end(), "person", None, number.kind)
            if _near_trigger(doc, count, triggers):
                found.append(_part_arrested(doc, count))
    return found


def _numbers_to_check(doc, triggers):
    """Every number where the text has one of those nouns, else only the numbers right after arrest words."""
    if _ANY_OTHER_NOUN.search(doc.folded):
        return numbers_of(doc)
    numbers = []
    for _, t_end in triggers:
        window = doc.folded[t_end:t_end + 40]
        numbers += [replace(n, start=n.start + t_end, end=n.end + t_end) for n in find_numbers(window, doc.language)]
    return numbers


_RIGHT_AFTER = re.compile(r"\s*(?:(?:de|of|a|al|aux|d')\s*)?(?:(?:the|los|las|les)\s+)?"
                          r"(?:(?:at least|au moins|al menos|about|some|more than|plus de|mas de|over)\s+)?$")
_WORDS_AFTER = re.compile(r"(?:\s*\(\d+\))?(?:\s+[a-z'-]+){1,3}")


def _object_of_trigger(doc, number, triggers):
    """"l'interpellation de 8 présumés preneurs d'otages": a number right after an arrest word counts people."""
    for _, t_end in triggers:
        if t_end <= number.start and number.start - t_end < 15 and _RIGHT_AFTER.match(doc.folded[t_end:number.start]):
            return _WORDS_AFTER.match(doc.folded, number.end)
    return None


def _people(doc, stated):
    """The arrest count: a stated total, else the first block's counts (the lead sentence; details follow)."""
    if not stated or any(c.total for c in stated):
        return combine(doc, stated)
    if any(c.number_kind != "article" for c in stated) and not _only_further(doc, stated):
        # "a 66-year-old man" yields to "two men", not to "five more suspects"
        kept = []
        for count in stated:  # but "three men and a woman" are four
            if count.number_kind != "article" or kept and _JOINED.fullmatch(doc.folded, kept[-1].end, count.start):
                kept.append(count)
        stated = kept
    first = doc.block_of(stated[0].start)
    block = [c for c in stated if doc.block_of(c.start) == first]
    block += _further_group(doc, block, [c for c in stated if doc.block_of(c.start) != first])
    block += [c for c in stated if c.number_kind == "article" and c not in block and  # one more, in another case
              _SEPARATE.search(doc.folded, *doc.block_bounds(doc.block_of(c.start)))]
    return Value(sum(c.value for c in block), block[0].start, block[-1].end, 0.7)


_SEPARATE = re.compile(FOLLOW_UP)  # "In a separate case, police arrested a 38-year-old man"


def _further_group(doc, first, later):
    """"Two more men were arrested later.": people arrested besides the first block's, unless the later counts
    only retell it ("four suspects ... Two suspects were arrested. ... Two more suspects were arrested.") or a
    later count restates the total ("six individus ... cinq autres complices. ... six personnes interpellées")."""
    further = [c for c in later if c.number_kind != "article" and _FURTHER.search(doc.folded, max(0, c.start - 12),
                                                                                 c.end) and _arrested_group(doc, c)]
    told = sum(c.value for c in first)
    if ONE_OF_BEFORE.search(doc.folded, max(0, first[0].start - 30), first[0].start):
        return []  # "one of nine people who were arrested": the whole group, the later ones among them
    if not further or sum(c.value for c in later) == told or any(c.value >= told for c in later if c not in further):
        return []
    return further


def _only_further(doc, stated):
    """Every counted group but the articles' is arrested besides others ("five more suspects")."""
    numbered = [c for c in stated if c.number_kind != "article"]
    return bool(numbered) and all(_FURTHER.search(doc.folded, max(0, c.start - 12), c.end) for c in numbered)


def _arrested_group(doc, count):
    """An arrest word after the count in its sentence, or just before it ("l'arrestation de cinq autres")."""
    _, end = doc.sentence_bounds(count.start)
    if TRIGGER.search(doc.folded, count.end, end):
        return True
    return any(not re.search(r"[,;.]", doc.folded[t.end():count.start])
               for t in TRIGGER.finditer(doc.folded, max(0, count.start - 30), count.start))


_FURTHER = re.compile(r"\b(?:more|other|further|additional|another|autres|supplementaires|otr[oa]s|mas)\b")


# "ha detenido a dos personas y ha investigado a una tercera": the third is not arrested.
_NOT_ARRESTED = re.compile(r"\b(?:investig\w*|question\w*|interrog\w*|entendu\w*|sought|recherch\w*|busc\w*|"
                           r"identifi\w*|wanted)")
_JOINED = re.compile(r"\s*(?:,|and|et|y|e)\s*")
_APPOSITION = re.compile(r"\s*[,(:–—-]\s*")
# The nouns of a count of people of any kind, which a breakdown by kind may follow.
_ANY_PEOPLE = re.compile(r"\b(?:people|persons|suspects|individuals|personnes|individus|personas|individuos|"
                         r"sospechosos|sujetos)\b")


def _without_breakdowns(doc, stated):
    """"Three people, two men and a woman, were arrested": the men and the woman are the three."""
    kept, index = [], 0
    while index < len(stated):
        head = stated[index]
        kept.append(head)
        index += 1
        if index < len(stated) and _APPOSITION.fullmatch(doc.folded, head.end, stated[index].start):
            end, total = index + 1, stated[index].value
            while end < len(stated) and _JOINED.fullmatch(doc.folded, stated[end - 1].end, stated[end].start):
                total, end = total + stated[end].value, end + 1
            if total == head.value and _ANY_PEOPLE.search(doc.folded, head.start, head.end):
                index = end
    return kept


_AND_BEFORE = re.compile(r"(?:,|\band|\bet|\by|\bwhile)\s+$")
_IN_PLACE_AFTER = re.compile(r"\s+(?:more |others? |autres |mas )?(?:in|en|au|aux|dans|at|a)\s+[a-z]")


def _continued(doc, stated, counts):
    """"12 people were arrested in Spain and 5 in Portugal", "y una más en Zaragoza": a bare number after a count of
    people, for another place."""
    taken = {c.start for c in counts} | {c.start for c in stated}
    found = []
    for count in stated:
        window = doc.folded[count.end:count.end + 80]
        for number in find_numbers(window, doc.language):
            start = count.end + number.start
            one_more = re.match(r"\s+(?:more|mas|de plus)\b", window[number.end:])  # "y una más en Zaragoza"
            if (start not in taken and (number.kind != "article" or one_more) and _AND_BEFORE.search(window, 0, number.start)
                    and _IN_PLACE_AFTER.match(window, number.end) and not re.search(r"[.;:]", window[:number.start])):
                found.append(Count(number.value, start, count.end + number.end, "person", None,
                                   "words" if one_more else number.kind))
    return found


# "un grupo de personas en las que dos fueron detenidas", "of whom three were arrested": a count with its noun
# said before.
_BARE_BEFORE_PASSIVE = re.compile(r"\b(?:de (?:ellos|ellas|los cuales|las cuales)|en (?:las|los) que|of (?:them|whom)|"
                                  r"dont|parmi (?:eux|elles)|au nombre de|en numero de),?\s+$")


def _bare_count(doc):
    if not PASSIVE_ARREST.search(doc.folded):
        return None
    for number in numbers_of(doc):
        if number.kind != "article" and PASSIVE_ARREST.match(doc.folded, number.end) and \
                _BARE_BEFORE_PASSIVE.search(doc.folded, max(0, number.start - 25), number.start):
            return Value(number.value, number.start, number.end, 0.5)
    return None


# "Nine suspected land guards have been arrested", "Four were arrested": a number opening a sentence, then an arrest.
_PEOPLE_PASSIVE = re.compile(r"(?:\s+[a-z'-]+){0,3}" + PASSIVE_ARREST.pattern)
_THING = re.compile(r"\b(?:guns?|firearms?|weapons?|pistols?|rifles?|rounds?|armes?|armas?|fusil\w*|pistol\w*|"
                    r"vehicles?|cars?|trucks?|ships?|boats?|vessels?|containers?|parcels?|packages?|kg|kilos?)\b")


def _subject_count(doc):
    """A count that opens its sentence and is the subject of a passive arrest verb."""
    if not PASSIVE_ARREST.search(doc.folded):
        return None
    for number in numbers_of(doc):
        sentence_start, _ = doc.sentence_bounds(number.start)
        match = _PEOPLE_PASSIVE.match(doc.folded, number.end)
        if number.kind != "article" and match and not _THING.search(doc.folded, number.end, match.end()) and \
                re.fullmatch(r"\W*(?:the|les|los|las)?\s*", doc.folded[sentence_start:number.start]):
            return Value(number.value, number.start, match.end(), 0.5)
    return None


_ITEM = (r"(?:a|an|one|two|three|four|five|six|un|une|deux|trois|quatre|cinq|uno|una|dos|tres|cuatro|cinco|seis|\d+) "
         r"[a-z-]+(?: nationals?| nacional(?:es)?)?")
# "Un Béninois, un Togolais, deux Nigérians et une Ghanéenne ont été interpellés": five.
_ENUMERATION = re.compile(rf"\b({_ITEM}(?:(?:,? and |,? et |,? y |, ){_ITEM}){{1,6}})" + PASSIVE_ARREST.pattern)


def _enumerated(doc):
    """People listed one kind at a time, then said to be arrested: the sum of the list."""
    match = PASSIVE_ARREST.search(doc.folded) and _ENUMERATION.search(doc.folded)
    if not match or _THING.search(match.group(1)):
        return None
    items = re.split(r",? (?:and|et|y) |, ", match.group(1))
    numbers = [find_numbers(item, doc.language) for item in items]
    if not all(found and found[0].start == 0 for found in numbers):
        return None
    values = [found[0].value for found in numbers]
    if values[0] == sum(values[1:]) and _ANY_PEOPLE.search(items[0]):  # "three people, two men and a woman"
        values = values[:1]
    return Value(sum(values), match.start(), match.end(), 0.5)


def _pair(doc, triggers):
    """Two people named as a pair in a sentence with an arrest word."""
    match = in_arrest_sentence(doc, _PAIR, triggers)
    return Value(2, match.start(), match.end(), 0.55) if match else None
