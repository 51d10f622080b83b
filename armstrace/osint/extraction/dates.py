"""The seizure date by the spec's precedence: a day and month (year from the passage or the publication date),
else a stated report date or the publication date for a weekday, else a month alone as YYYY-MM, else None."""

import re
from datetime import date, datetime

import dateparser

from .text import Value

MONTHS = {
    "en": "january february march april may june july august september october november december".split(),
    "fr": "janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre".split(),
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split(),
}
_ABBREVIATIONS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
                  "oct": 10, "nov": 11, "dec": 12, "setiembre": 9}
MONTH_NUMBER = {name: i + 1 for names in MONTHS.values() for i, name in enumerate(names)} | _ABBREVIATIONS
_MONTH = "(?:" + "|".join(sorted(MONTH_NUMBER, key=len, reverse=True)) + r")\b\.?"
_YEAR = r"((?:19|20)\d\d)"
_DAY_MONTH = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th|er|º|°)?(?:\s+of|\s+de|,)?\s+({_MONTH})(?:,?\s+(?:de(?:l)?\s+)?{_YEAR})?")
_MONTH_DAY = re.compile(rf"\b({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+{_YEAR})?")
_NUMERIC = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d\d)\b|\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b")
_WEEKDAY_NAMES = ("monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|"
                  "samedi|dimanche|lunes|martes|miercoles|jueves|viernes|sabado|domingo")
_FULL_MONTH = "(?:" + "|".join(sorted({n for names in MONTHS.values() for n in names}, key=len, reverse=True)) + r")\b"
_MONTH_ONLY = re.compile(
    rf"\b(?:(?:in|during|early|late|mid|end of|beginning of|en|au mois|courant|debut|fin|mi-|durant|"
    rf"a principios de|principios de|a finales de|finales de|a mediados de|mediados de|a fines de|fines de|"
    rf"el pasado mes de|le mois|du mois|durante|del mes de|mes de)\s+(?:de\s+|d')?)({_FULL_MONTH})(?:\s+(?:de(?:l)?\s+)?{_YEAR})?")
_RANGE = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th|er)?\s*(?:(?:de\s+)?{_MONTH}\s*(?:,?\s*(?:de\s+)?(?:19|20)\d\d\s*)?)?"
                    rf"(?:-|–|to|and|au|et|y|al|a)\s+"
                    rf"(?:(?:le|el|the|{_WEEKDAY_NAMES})\s+)*$")
_WEEKDAY = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|"
                      r"vendredi|samedi|dimanche|lunes|martes|miercoles|jueves|viernes|sabado|domingo|"
                      r"today|tonight|this (?:morning|afternoon|evening)|earlier today|"
                      r"aujourd'hui|ce (?:matin|soir)|cette nuit|cet apres-midi|hoy|"
                      r"esta (?:manana|tarde|noche|madrugada)|en las ultimas (?:horas|24 horas))\b")
SEIZURE_WORDS = re.compile(
    r"\b(?:seiz\w*|found|discover\w*|recover\w*|confiscat\w*|intercept\w*|raid\w*|search\w*|arrest\w*|"
    r"detect\w*|stopp\w*|uncover\w*|nabbed|retriev\w*|impound\w*|came across|encontr\w*|"
    r"saisi\w*|decouv\w*|intercept\w*|interpell\w*|perquisition\w*|controle\w*|retrouv\w*|mis la main|"
    r"intervin\w*|intervenid\w*|hallazgo|recuper\w*|captur\w*|"
    r"incaut\w*|decomis\w*|asegur\w*|hall\w*|detect\w*|detuv\w*|detenid\w*|localiz\w*)\b")
_OTHER_EVENT = re.compile(
    r"\b(?:sentenc\w*|court|trial|jailed|convicted|appear\w*|hearing|condamn\w*|tribunal|proces|juge\w*|"
    r"comparai\w*|juicio|sentencia\w*|condena\w*|juzgado|audiencia|since|depuis|desde)\b")

def seizure_date(doc):
    """A Value holding an ISO date (or YYYY-MM), or None."""
    found, period = _full_dates(doc)
    reports = [f for f in found if f[0] + _REPORT_PENALTY >= 0 and _report_date(doc, f[1])]
    if period and reports:  # an operation over a period: its stated report date
        return max(reports, key=lambda c: (c[0], -c[1].start))[1]
    # A seizure date first; else the day something was announced or presented (a report date, a dateline).
    full = [f for f in found if f[0] >= 0] or reports
    if full:
        best = max(full, key=lambda c: (c[0], not _report_date(doc, c[1]), -c[1].start))
        return _several_days_in_a_month(doc, found, best) or best[1]
    weekday = _seizure_weekday(doc)
    if weekday and doc.published:  # a page dated by its month only dates the seizure by that month
        published = doc.published.isoformat()[:7] if doc.published_month_only else doc.published.isoformat()
        return Value(published, weekday.start(), weekday.end(), 0.6)
    return _month_only(doc)


def _report_date(doc, value):
    return _announced(doc, value) or _dateline(doc, value) or bool(
        _AS_OF.search(doc.folded, max(0, value.start - 20), value.start))


_AS_OF = re.compile(r"\b(?:as of|as at|a la fecha del|a fecha de|en date du)\s+(?:the |le |el )?$")


def _several_days_in_a_month(doc, found, best):
    """"Le 21 septembre ... Le 27 septembre", told as seizures "au mois de septembre": the month."""
    days = {f[1].value for f in found if f[0] >= 0 and f[1].value[:7] == best[1].value[:7]}
    month = _month_only(doc) if len(days) > 1 else None
    return month if month is not None and month.value == best[1].value[:7] else None


_ANNOUNCED = re.compile(r"\b(?:annonc\w*|said|announced|briefing\w*|told|declared|indiqu\w*|informo|informa\w*|"
                        r"anuncio|declaro|dijo|explico|precis\w*|communiqu\w*|revealed|press conference|"
                        r"conferencia|presented|presente\w*|statement|detall\w*|punto de prensa|rueda de prensa|"
                        r"medias?|newsmen|journalistes|periodistas|reporters)\b[^.;]{0,25}$")
# "Police on Wednesday said they found ...", "la police a samedi annoncé": the day of the saying.
_SAID_AFTER = re.compile(r",?\s+(?:(?:\w+|a|ont|ha|han)\s+)?(?:said|claimed|announced|told|stated|confirmed|reported|"
                         r"revealed|annonce\w*|indique\w*|precise\w*|dijo|informo|detallo|anuncio|indico|preciso|"
                         r"informaron|confirmo)\b")
# "Zungu said that on Thursday ...", "a indiqué que mardi ...": the weekday of what was said, not of the saying.
_SAID_THAT = re.compile(r"\b(?:that|que)\s+(?:(?:on|early|late|le|el)\s+)?$")


def _seizure_weekday(doc):
    """The first weekday ("on Tuesday", "ce mardi") that is not the day of an announcement."""
    for match in _WEEKDAY.finditer(doc.folded):
        if _ANNOUNCED.search(doc.folded[max(0, match.start() - 40):match.start()]) and not _SAID_THAT.search(
                doc.folded, max(0, match.start() - 15), match.start()):
            continue
        if _SAID_AFTER.match(doc.folded, match.end()):
            continue
        start, end = doc.sentence_bounds(match.start())
        if _OTHER_EVENT.search(doc.folded, max(0, match.start() - 30), match.start()):
            continue  # "was sentenced today", "appeared in court on Monday"
        if match.group(0) in _NOWADAYS and _PRESENT_BEFORE.search(doc.folded, max(0, match.start() - 15),
                                                                   match.start()):
            continue  # "sont aujourd'hui très populaires": nowadays
        if _FUTURE.search(doc.folded, *doc.clause_bounds(match.start())) or (
                (_OTHER_EVENT.search(doc.folded, start, end) or _ANNOUNCING.search(doc.folded, match.end(), end))
                and not SEIZURE_WORDS.search(doc.folded, start, end)):
            continue  # "will appear in court on Monday", "Ce lundi, les gendarmes ... ont annoncé"
        return match
    return None


_ANNOUNCING = re.compile(r"\b(?:annonc\w*|announc\w*|anunci\w*|said|indiqu\w*|inform\w*|declar\w*|revel\w*)\b")
_NOWADAYS = {"today", "aujourd'hui", "hoy"}
_PRESENT_BEFORE = re.compile(r"\b(?:are|is|remains?|sont|est|restent|reste|son|es|siguen|sigue)\s+(?:\w+\s+)?$")
_FUTURE = re.compile(r"\b(?:will|sera|seront|seran|comparaitr\w*|compareceran?|is due|are due|is expected to)\b")


def _full_dates(doc):
    """([(score, Value)] for every day-and-month mention whose year is known, whether a period is stated)."""
    found, period = [], False
    mentions = [m for m in _mentions(doc.folded) if not _BIRTH.search(doc.folded, max(0, m[0].start() - 25),
                                                                      m[0].start())]  # no birth dates
    stated_years = [(m.start(), y) for m, _, _, y in mentions if y] + [
        (m.start(), int(m.group(2))) for m in _MONTH_ONLY.finditer(doc.folded) if m.group(2)]
    for match, day, month, year in mentions:
        if _UNTIL_BEFORE.search(doc.folded, max(0, match.start() - 30), match.start()) or _BEGAN_BEFORE.search(
                doc.folded, max(0, match.start() - 30), match.start()):
            period = True  # the start or end of a period ("began on July 1", "jusqu'au 24 novembre")
            continue
        if _RANGE.search(doc.folded[max(0, match.start() - 40):match.start()]) or _RANGE_AFTER.match(
                doc.folded, match.end()) or (_BETWEEN_BEFORE.search(doc.folded[max(0, match.start() - 15):match.start()])
                                             and _AND_AFTER.match(doc.folded, match.end())):
            period = True
            continue
        explicit = year is not None
        year = year or (doc.published.year if doc.published else _year_in_passage(stated_years, match.start()))
        parsed = _parse(day, month, year) if year else None
        if parsed is None:
            continue
        if not explicit and (_after_publication(doc, parsed) or (
                doc.published and _LAST_YEAR_AFTER.match(doc.folded, match.end()))):
            parsed = _parse(day, month, year - 1) or parsed  # "el 14 de septiembre del año pasado"
        found.append((_score(doc, match, parsed), Value(parsed.isoformat(), match.start(), match.end(), 0.8)))
    return found, period


_LAST_YEAR_AFTER = re.compile(r",?\s+(?:last year|of last year|del (?:ano|año) pasado|de l'an dernier|"
                              r"de l'annee derniere|l'an dernier|l'annee derniere|del pasado ano)\b")
_BEGAN_BEFORE = re.compile(r"\b(?:began|begun|started|launched|commenced|since|a commence|a debute|lancee?|depuis|"
                           r"(?:se )?inicio|comenzo|empezo|arranco|desde)\s+(?:(?:its|their|son|leur|sa|su|sus|the|l'|la|el) ?"
                           r"(?:investigation|probe|inquiry|enquete|investigacion|pesquisa)\s+)?(?:on |in |le |el |en |the )?$")

_RANGE_AFTER = re.compile(r"\s*(?:(?:-|–)\s*|(?:to|au|al|hasta el|jusqu'au)\s+)(?:the |le |el )?\d{1,2}\b")
_BETWEEN_BEFORE = re.compile(r"\b(?:between|entre|from|du|del|desde)\s+(?:le\s+|el\s+|the\s+)?$")
_UNTIL_BEFORE = re.compile(rf"\b(?:until|till|through|jusqu'au|jusqu'a|hasta el|hasta|au|al)\s+"
                           rf"(?:(?:le|el|the|ce|this|este)\s+)?(?:(?:{_WEEKDAY_NAMES}),?\s+)?$")
# "dans la nuit du 27 au 28 octobre 2024", "la nuit du samedi 9 au dimanche 10 novembre": the night's first day.
_NIGHT = re.compile(rf"\b(?:nuit|night|noche|madrugada) (?:du|of|del|de) (?:the )?(?:(?:{_WEEKDAY_NAMES}),? )?"
                    rf"(\d{{1,2}})(?:st|nd|rd|th|er)?"
                    rf"\s*(?:au|to|and|al|y|-|–)\s*(?:the )?(?:(?:{_WEEKDAY_NAMES}),? )?\d{{1,2}}(?:st|nd|rd|th|er)?"
                    rf"\s+(?:de\s+)?({_MONTH})"
                    rf"(?:,?\s+(?:de(?:l)?\s+)?{_YEAR})?")
_AND_AFTER = re.compile(rf"\s*(?:,?\s*(?:19|20)\d\d)?\s*(?:and|et|y|to|au|al|a|hasta)\s+(?:le |el |the )?(?:{_MONTH}\s+)?"
                        rf"\d{{1,2}}\b")


_BIRTH = re.compile(r"\b(?:born|date of birth|dob|ne|nee|nes|nees|date de naissance|nacid[oa]s?|"
                    r"fecha de nacimiento)\b(?: (?:on|in|le|en|el))?\s*$")


def _year_in_passage(stated_years, position):
    """Without a publication date, the year of the nearest date before (else after) that states one."""
    before = [year for start, year in stated_years if start < position]
    after = [year for start, year in stated_years if start > position]
    return before[-1] if before else (after[0] if after else None)


_DATELINE_BEFORE = re.compile(r"(?:^|\n)[^\n.]{0,50}$")
_DATELINE_AFTER = re.compile(r"(?:,?\s*(?:19|20)\d\d)?\)?\s*(?:\([^)\n]{0,20}\)\s*)?(?:/\w+/\s*)?(?:[—–:-]|\n|$)|"
                             r"(?:,?\s*(?:19|20)\d\d)?(?:\s{3,}|\t)")  # "27 mai 2017      Lansdowne (Ontario)"


def _dateline(doc, value):
    """"SINGAPORE, July 8 — ...", "27 février 2023 Chilliwack": the date a release was issued, at a line's start."""
    before = _DATELINE_BEFORE.search(doc.folded, max(0, value.start - 51), value.start)
    return bool(before) and (_DATELINE_AFTER.match(doc.folded, value.end) is not None or before.group(0).strip(
        "\n") == "")


def _after_publication(doc, parsed):
    if not doc.published:
        return False
    if doc.published_month_only:
        return (parsed.year, parsed.month) > (doc.published.year, doc.published.month)
    return parsed > doc.published


def _mentions(folded):
    """(match, day, month number, year or None) for each day-and-month mention."""
    for match in _DAY_MONTH.finditer(folded):
        yield match, int(match.group(1)), MONTH_NUMBER[match.group(2).rstrip(".")], _int(match.group(3))
    for match in _MONTH_DAY.finditer(folded):
        yield match, int(match.group(2)), MONTH_NUMBER[match.group(1).rstrip(".")], _int(match.group(3))
    for match in _NIGHT.finditer(folded):
        yield match, int(match.group(1)), MONTH_NUMBER[match.group(2).rstrip(".")], _int(match.group(3))
    for match in _NUMERIC.finditer(folded):
        if match.group(1):
            day, month = int(match.group(1)), int(match.group(2))
            if month > 12 >= day:  # "5/23/2024": month first, as US releases write it
                day, month = month, day
            yield match, day, month, int(match.group(3))
        else:
            yield match, int(match.group(6)), int(match.group(5)), int(match.group(4))


def _int(text):
    return int(text) if text else None


def _parse(day, month, year):
    """The date, or None for an impossible one ("31 February")."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _score(doc, match, parsed):
    start, end = doc.sentence_bounds(match.start())
    sentence = doc.folded[start:end]
    score = 0
    if SEIZURE_WORDS.search(sentence):
        score += 2
        if _SEIZED_JUST_BEFORE.search(doc.folded, max(start, match.start() - 50), match.start()):
            score += 1  # "arrested on 2 March after police seized a rifle on 28 February": the seizure's own day
    if _OTHER_EVENT.search(sentence):
        score -= 3
    if _BACKGROUND.search(sentence):
        score -= 2
    if _after_publication(doc, parsed):
        score -= 4
    if _ANNOUNCED.search(doc.folded, max(0, match.start() - 40), match.start()):
        score -= _REPORT_PENALTY  # "The Agency announced Feb. 28 that ...": the announcement's day, not the seizure's
    elif _dateline(doc, Value(None, match.start(), match.end())):
        score -= _REPORT_PENALTY
    return score


_REPORT_PENALTY = 2
_SEIZED_JUST_BEFORE = re.compile(r"\b(?:seiz\w*|recover\w*|found|discover\w*|confiscat\w*|intercept\w*|saisi\w*|"
                                 r"decouv\w*|incaut\w*|decomis\w*|asegur\w*|hallad\w*|hallaron|intervin\w*|"
                                 r"intervenid\w*)\b[^;,.]{0,40}$")


def _announced(doc, value):
    return bool(_ANNOUNCED.search(doc.folded, max(0, value.start - 40), value.start))


# Pluperfect: an earlier event told as background ("avait été retrouvée en juin dernier").
_BACKGROUND = re.compile(r"\b(?:had been|avait ete|avaient ete|habia sido|habian sido)\b")
_THIS_MONTH = re.compile(r"\b(?:this month|earlier this month|ce mois(?:-ci)?|este mes|en lo que va del mes)\b")


def _month_only(doc):
    year_default = doc.published.year if doc.published else None
    this_month = _THIS_MONTH.search(doc.folded)
    if this_month and doc.published:
        return Value(f"{doc.published.year:04d}-{doc.published.month:02d}", this_month.start(), this_month.end(), 0.5)
    for match in _MONTH_ONLY.finditer(doc.folded):
        start, end = doc.sentence_bounds(match.start())
        if _BACKGROUND.search(doc.folded, start, end) or (
                _OTHER_EVENT.search(doc.folded, start, end) and not SEIZURE_WORDS.search(doc.folded, start, end)):
            continue
        if _MONTH_RANGE_AFTER.match(doc.folded, match.end()) or _BEGAN_BEFORE.search(
                doc.folded, max(0, match.start() - 45), match.start(1)):
            continue  # "de juillet à octobre", "se inició en diciembre": a period, no date
        month, year = MONTH_NUMBER[match.group(1)], _int(match.group(2))
        if year is None and year_default:  # "in November" told in a March text, "en mayo del año pasado"
            last_year = month > doc.published.month or _LAST_YEAR_AFTER.match(doc.folded, match.end())
            year = year_default - 1 if last_year else year_default
        if year:
            return Value(f"{year:04d}-{month:02d}", match.start(), match.end(), 0.5)
    return None


_MONTH_RANGE_AFTER = re.compile(rf"(?:\s+(?:de(?:l)?\s+)?{_YEAR})?\s*(?:-|–|to|au|a|al|hasta|until|jusqu'en|"
                                rf"et|and|y)\s+(?:(?:the |end of |fin |finales de |late |early )?){_FULL_MONTH}")


def parse_published(text, lang="en"):
    """The publication date given with a document (any format dateparser reads), or None."""
    if not text:
        return None
    try:
        return date.fromisoformat(str(text)[:10])
    except ValueError:
        month = re.fullmatch(r"\s*((?:19|20)\d\d)-(\d\d)\s*", str(text))
        if month:  # a page dated by its month only: the 1st stands in, `published_month_only` says so
            return _parse(1, int(month.group(2)), int(month.group(1)))
        if not re.search(r"\d", str(text)):
            return None  # "yesterday" is no publication date
        try:
            parsed = dateparser.parse(str(text)[:100], languages=[lang] if lang in MONTHS else None,
                                      settings={"REQUIRE_PARTS": ["day", "month", "year"]})
        except (ValueError, TypeError, OverflowError):
            return None
        return parsed.date() if isinstance(parsed, datetime) else None
