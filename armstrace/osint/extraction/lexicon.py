"""The nouns a count can be of, per language, in folded form (lowercase, no accents), longest match first.

Each entry is (regular expression, category, kind). Categories: `firearm` (kind: a by-type key, or None for
firearms of no stated type), `excluded` (not firearms nor rounds: air guns, replicas, magazines, knives...),
`ammo`, `part`, `person`, `arrest` (a noun or participle that is itself the count of arrests), `unit` (the count is
of something else: kilos, boxes, cigarettes).
"""

import re

# Folded past participles of stealing: "stolen", "robadas", "volées".
STOLEN = r"(?:stolen|robad[oa]s?|hurtad[oa]s?|sustraid[oa]s?|volee?s)"

_COMMON = [
    (r"airsoft(?: guns?| weapons?| replicas?| pistols?| rifles?)?", "excluded", None),
    (r"tasers?|shockers?", "excluded", None),
    (r"ak[- ]?47s?|ak[- ]?74s?|ak[- ]?56s?|type 56|akms?|(?<=type )aka|pmak|sks|kalas?h?nikovs?|kalachnikovs?|kalach(?:e|es|s)?|kalash(?:es)?|ar[- ]?15s?|m-?16s?|m4s?|fal|g3s?|"
     r"mini-?14s?|galils?|m1 carbines?|garands?|sa-?80s?|l85(?:a\d)?s?", "firearm", "rifle"),
    (r"mossbergs?(?: \d{3})?|remington 870s?", "firearm", "shotgun"),
    (r"tt-?30|tt-?33|tokarevs?|makarovs?", "firearm", "pistol"),
    (r"(?:calibres?|calibers?|cal\.) (?:12|douze|16)|12[- ]gauge|12[- ]bore(?! rifle)", "firearm", "shotgun"),
    (r"uzis?|mp5s?|mac-?10s?|skorpions?", "firearm", "submachine_gun"),
    (r"glocks?|berettas?|brownings?|sig sauers?|sig sauer p\d{3}s?|p3[26]0s?|p226s?|cz[- ]?75s?|bersas?|hi-points?",
     "firearm", "pistol"),
    (r"rpg(?:-?7)?s?", "firearm", "light_weapon"),
    (r"m-?60s?|pkms?", "firearm", "machine_gun"),
]

EN = [
    (r"(?:air|bb|pellet|paintball|gas) ?(?:guns?|rifles?|pistols?|weapons?|markers?)", "excluded", None),
    (r"(?:replicas?|imitations?|toy|fake|dummy)(?: (?:guns?|firearms?|weapons?|pistols?|rifles?|revolvers?))?",
     "excluded", None),
    (r"spear ?guns?|stun guns?|nail guns?|flare guns?|knives|knife|blades?|machetes?|swords?|daggers?|"
     r"crossbows?|batons?|knuckle ?dusters?|pepper sprays?", "excluded", None),
    (r"(?:hand )?grenades?|explosives?|detonators?|mortars?|"
     r"(?:extended |high-capacity |high capacity |drum |spare |empty )?(?:ammunition |bullet |rifle |pistol )?magazines?|mags|"
     r"clips", "excluded", None),
    (r"bolt (?:covers?|springs?|catch(?:es)?|releases?)|recoil springs?|buffer (?:kits?|tubes?)|muzzle brakes?", "excluded",
     None),
    (r"(?:telescopic |red dot |night vision |laser )?(?:scopes?|sights?)|optics|stocks?|grips?|holsters?|slings?|"
     r"bipods?|sticks? of dynamite|dynamite|accessories|(?:optical |tactical )?(?:\w+ )?lasers?|flashlights?|"
     r"weapon lights?", "excluded", None),
    (r"(?:cartridge |shell |spent |empty )?(?:cases|casings)|primers|projectiles|bullet heads|"
     r"empty cartridges|spent cartridges|blank (?:rounds|cartridges|ammunition)|blanks|"
     r"(?:rounds?|cartridges?) of (?:[\w.]+ )?blanks?(?: ammunition| rounds| cartridges)?", "excluded", None),
    (r"(?:sub-?machine ?guns?|smgs?|machine pistols?)", "firearm", "submachine_gun"),
    (r"(?:light |heavy |general purpose )?machine ?guns?", "firearm", "machine_gun"),
    (r"grenade launchers? (?:of the |model |type )?rpg(?:-?7)?s?", "firearm", "light_weapon"),
    (r"grenade launchers?", "excluded", None),  # never counted apart (LABELLING)
    (r"(?:rocket|missile) launchers?|rocket-propelled grenade launchers?|anti-tank weapons?|manpads",
     "firearm", "light_weapon"),
    (r"(?:improvised|homemade|home-made|craft|makeshift|country-made|locally[- ](?:made|manufactured|produced|fabricated)) "
     r"(?:firearms?|guns?|weapons?|"
     r"launchers?)|zip guns?|"
     r"pen guns?|dane guns?", "firearm", "other"),
    (r"(?:sawn-off |sawed-off |pump-action |pump action |double-barrel(?:led)? )?(?:\d+[- ]gauge )?shot ?guns?", "firearm",
     "shotgun"),
    (r"(?:assault |sniper |hunting |semi-automatic |automatic |bolt[- ]action |lever[- ]action )?(?:rifles?|carbines?)",
     "firearm", "rifle"),
    (r"(?:blank|blank-firing|starter|starting) (?:pistols?|guns?|revolvers?)", "excluded", None),  # not converted
    (r"(?:semi-automatic |automatic |converted (?:blank-firing )?|alarm )?pistols?", "firearm", "pistol"),
    (r"revolvers?", "firearm", "revolver"),
    (r"hand ?guns?|side ?arms?|short (?:fire)?arms?", "firearm", "handgun_unspecified"),
    (r"long ?guns?|long[- ]barrel(?:l?ed)? (?:weapons?|guns?|fire ?arms?)|long[- ]arms? (?:fire ?arms?|guns?|weapons?)|"
     r"long[- ](?:fire)?arms?", "firearm", "long_gun_unspecified"),
    (r"fire ?arms?|(?:single|double)[- ]barrel(?:l?ed)? guns?|small (?:fire)?arms|small weapons|guns?|weapons?|arms",
     "firearm", None),
    (r"(?:live |ammunition )?(?:rounds?|rds)(?: of ammunition)?|(?:live )?cartridges?|bullets?(?![- ]?proof)|shells|ammo|"
     r"pieces of ammunition|ammunition", "ammo", None),
    (r"(?:lower |upper )?receivers?|lowers|uppers|barrels?|frames?|slides?|bolts?|bolt carriers?|silencers?|"
     r"lightning links?|"
     r"suppressors?|sound moderators?|solvent traps?|auto ?sears?|mcds|(?:glock )?switch(?:es)?|conversion (?:devices?|kits?)|"
     r"devices? (?:used |designed |that (?:can )?)?(?:to )?(?:turn|convert|make|transform)s? (?:[\w-]+ ){0,3}?"
     r"(?:fully|full|into)[- ]?auto(?:matic)?|"
     r"(?:firearms? |guns? |weapons? |pistol |rifle |handgun )(?:part|component)\b(?! of)|"
     r"(?:firearms? |guns? |weapons? |pistol |rifle |handgun )?(?:parts|components)(?! of (?:the|a|an|this|his|her|"
     r"their|its)\b)", "part", None),
    (r"people|persons?|individuals?|suspects?|men|man|women|woman|teenagers?|adults?|youths?|minors?|"
     r"nationals?|foreigners?|members?|drivers?|males?|females?|boys?|girls?|others|citizens?|offenders?|"
     r"smugglers|traffickers|gunmen|robbers|bandits|militants",
     "person", None),
    (r"arrests?|arrested|detained|detentions?|apprehended", "arrest", None),
    (r"kg|kgs|kilos?|kilograms?|grams?|g|tons?|tonnes?|boxes|crates|bags|packets|cartons|cigarettes|litres?|"
     r"pounds?|euros?|dollars?|years?|months?|weeks?|days?|hours?|countries|vehicles?|cars?|containers?|"
     r"packages?|parcels?|searches|raids|officers|agents|times|per ?cent|percent|km|miles|metres?|meters?",
     "unit", None),
]

FR = [
    (r"(?:armes?|pistolets?|carabines?|fusils?) (?:a air comprime|a plombs?|a billes|d'airsoft|a gaz|factices?|"
     r"jouets?|d'alarme non modifiees?|a blanc)|"
     r"(?:cartouches?|munitions?|balles?) a blanc", "excluded", None),
    (r"(?:armes? |pistolets? )?(?:factices?|repliques?|imitations?)", "excluded", None),
    (r"armes? blanches?|couteaux?|machettes?|sabres?|poignards?|arbaletes?|matraques?|bombes? lacrymogenes?|"
     r"poings? americains?|fusils? harpons?|shockers?", "excluded", None),
    (r"lance-grenades? (?:de type |type |modele )?rpg(?:-?7)?", "firearm", "light_weapon"),
    (r"grenades?|explosifs?|detonateurs?|mortiers?|chargeurs?|lance-grenades?|douilles?|ogives?|amorces?|"
     r"projectiles?", "excluded", None),
    (r"cartouches? de (?:cigarettes?|tabac)", "unit", None),
    (r"cartouches? de dynamite|batons? de dynamite|dynamite|lunettes?(?: de visee)?|viseurs?|crosses?|poignees?|"
     r"etuis?|holsters?|accessoires", "excluded", None),
    (r"pistolets?[- ]mitrailleurs?|mitraillettes?|pm(?=\s*[,;.)]|\s+(?:et|ou)\b)", "firearm", "submachine_gun"),
    (r"mitrailleuses?", "firearm", "machine_gun"),
    (r"lance[- ]roquettes?|lance-missiles?|lance-rockets?|bazookas?", "firearm", "light_weapon"),
    (r"armes? (?:artisana(?:l|le|ux|les)|improvisee?s?|de fabrication (?:artisanale|locale))", "firearm", "other"),
    (r"fusils? (?:de chasse|a pompe|a canon scie|superposes?|juxtaposes?|(?:de )?calibre 12)", "firearm", "shotgun"),
    (r"fusils? d'assaut|fusils?[- ]mitrailleurs?|carabines?|kalachnikovs?", "firearm", "rifle"),
    (r"fusils?(?: semi-automatiques?| automatiques?| a verrou)?", "firearm", "long_gun_unspecified"),
    (r"pistolets?(?: automatiques?| semi-automatiques?| d'alarme)?|pa", "firearm", "pistol"),
    (r"revolvers?", "firearm", "revolver"),
    (r"armes? (?:a feu )?de poing|armes? courtes?", "firearm", "handgun_unspecified"),
    (r"armes? longues?|armes? d'epaules?", "firearm", "long_gun_unspecified"),
    (r"armes? a feu|armes?", "firearm", None),
    (r"cartouches?|munitions?|balles?", "ammo", None),
    (r"canons?|culasses?|carcasses?|boites? de culasse|silencieux|moderateurs? de son|reducteurs? de son|"
     r"glissieres?|boitiers? de culasse|pieces? essentielles(?: d'armes?(?: a feu)?)?|parties? d'armes?(?: a feu)?|pieces? detachees?|pieces? d'armes?(?: a feu)?|elements? d'armes?(?: a feu)?|"
     r"composants?(?: d'armes?| essentiels)?|(?:kits?|dispositifs?) de conversion", "part", None),
    (r"mis en cause|personnes?|individus?|hommes?|femmes?|suspects?|jeunes?|mineurs?|majeurs?|ressortissants?|trafiquants?|"
     r"conducteurs?|chauffeurs?|passagers?|membres?|autres|delinquants|bandits|malfaiteurs|malfrats|braqueurs|"
     r"contrebandiers|narcotrafiquants", "person", None),
    (r"interpellations?|arrestations?|interpelles?|interpellees?|gardes? a vue|personnes? interpellees?",
     "arrest", None),
    (r"kg|kilos?|kilogrammes?|grammes?|g|tonnes?|boites?|caisses?|sacs?|cigarettes|litres?|euros?|dollars?|"
     r"ans|annees?|mois|semaines?|jours?|heures?|pays|vehicules?|voitures?|conteneurs?|colis|perquisitions?|"
     r"policiers|gendarmes|agents|douaniers|fois|pour ?cent|km|metres?", "unit", None),
]

ES = [
    (r"(?:armas?|pistolas?|rifles?|escopetas?|carabinas?|fusiles?) (?:marcadoras? )?(?:de aire(?: comprimido)?|"
     r"de juguete|de balines|(?:de |tipo )?airsoft|de gas|de postas de goma|de (?:hidro)?gel|de paintball)|"
     r"armas? marcadoras?|(?:armas?|pistolas?|revolver(?:es)?) (?:de fogueo|detonadoras?)(?! (?:transformad|modificad))|"
     r"(?:cartuchos?|municion(?:es)?|balas?) (?:de fogueo|de salva)", "excluded", None),
    (r"(?:armas? |pistolas? |revolver(?:es)? |fusil(?:es)? |rifles? |escopetas? )?(?:replicas?|simulad[oa]s?|de imitacion)",
     "excluded", None),
    (r"armas? blancas?|cuchillos?|navajas?|machetes?|puñales?|punales?|ballestas?|porras?|defensas? extensibles?|"
     r"puños? americanos?|punos? americanos?|arpones?", "excluded", None),
    (r"granadas?|explosivos?|detonador(?:es)?|morteros?|cargador(?:es)?|proveedor(?:es)?|alimentadoras?|casquillos?|vainas?|ojivas?|"
     r"fulminantes?|cartuchos? percutidos?|proyectil(?:es)?", "excluded", None),
    (r"cartuchos? de (?:cigarrillos?|tabaco)|cajetillas?", "unit", None),
    (r"cartuchos? de dinamita|dinamita|miras?(?: telescopicas?)?|visores?|culatas?|empunaduras?|fundas?|"
     r"mirillas?|accesorios", "excluded", None),
    (r"subfusil(?:es)?|sub[ -]?ametralladoras?|metralletas?|pistolas? ametralladoras?|pistolas? subfusil(?:es)?|"
     r"ametralladoras? (?:tipo |marca )?uzi", "firearm", "submachine_gun"),
    (r"ametralladoras?", "firearm", "machine_gun"),
    (r"lanzagranadas (?:modelo |tipo )?rpg(?:-?7)?", "firearm", "light_weapon"),  # an RPG launcher is one
    (r"lanzagranadas", "excluded", None),  # never counted apart (LABELLING)
    (r"lanzacohetes|lanzamisiles", "firearm", "light_weapon"),
    (r"armas? (?:de fuego )?(?:hechizas?|artesanales?|improvisadas?|caseras?|de fabricacion (?:casera|artesanal|hechiza))",
     "firearm", "other"),
    (r"escopetas?(?: recortadas?)?|escopetin(?:es)?", "firearm", "shotgun"),
    (r"fusiles? de asalto|fusil(?:es)?|rifles?|carabinas?|cuernos? de chivo", "firearm", "rifle"),
    (r"pistolas?(?: semiautomaticas?| semi-automaticas?| automaticas?)?", "firearm", "pistol"),
    (r"revolver(?:es)?", "firearm", "revolver"),
    (r"armas? (?:de fuego )?cortas?|armas? de puno|cortas(?=\s*(?:[,.;)\u2014\u2013-]|(?:y|e|en|con|calibre|de calibre|tipo|que|fueron)\b|$))", "firearm", "handgun_unspecified"),
    (r"armas? (?:de fuego )?largas?|armas? de largo alcance|largas(?=\s*(?:[,.;)\u2014\u2013-]|(?:y|e|en|con|calibre|de calibre|tipo|que|fueron)\b|$))", "firearm", "long_gun_unspecified"),
    (r"armas? de fuego|armas?|armamentos?|pistolones?(?: a cartuchos?)?", "firearm", None),
    (r"cartuchos?|municion(?:es)?|balas?|tiros|capsulas?", "ammo", None),
    (r"canon(?:es)?|armazon(?:es)?|marcos(?! (?:legales|normativos|juridicos))|marco (?:de|para) (?:pistola|arma|fusil)|"
     r"correderas?|cerrojos?|silenciador(?:es)?|supresor(?:es)?|receptor(?:es)?|"
     r"(?:piezas?|partes?|componentes?) (?:(?:de|para) (?:(?:un|una) )?(?:armas?(?: de fuego)?|fusil(?:es)?|pistolas?)|"
     r"fundamentales|esenciales)|piezas?|componentes?|(?:kits?|dispositivos?) de (?:conversion|modificacion)",
     "part", None),
    (r"personas?|individuos?|hombres?|mujer(?:es)?|sospechosos?|presuntos?|joven(?:es)?|menor(?:es)?|ciudadanos?|"
     r"integrantes|miembros?|conductor(?:es)?|varones|extranjeros?|delincuentes|sicarios|pandilleros|"
     r"antisociales|narcotraficantes|contrabandistas", "person", None),
    (r"detenidos?|detenidas?|detenciones|capturados?|capturadas?|arrestados?|arrestadas?|aprehendidos?|"
     r"aprehendidas?|arrestos?|capturas", "arrest", None),
    (r"kg|kilos?|kilogramos?|gramos?|g|toneladas?|cajas?|bolsas?|paquetes?|cigarrillos|litros?|euros?|dolares|"
     r"pesos|años|anos|meses|semanas?|dias?|horas?|paises|vehiculos?|coches?|contenedores?|registros|"
     r"agentes|policias|veces|por ?ciento|km|metros?", "unit", None),
]

LEXICONS = {"en": EN + _COMMON, "fr": FR + _COMMON, "es": ES + _COMMON}
# "armas largas tipo AK-47", "two long guns (AR-15 style)": a model name after a noun of no or a broad type.
MODEL_AFTER = re.compile(r"[\s(\"“]*(?:de (?:grueso|alto|gros) calibre\s+)?"
                         r"(?:(?:tipo|type|de type|du type|style|modelo|model|marca|modele|de marque)\s+)?(?:" +
                         "|".join(f"(?P<{kind}>" + "|".join(p for p, c, k in _COMMON if c == "firearm" and k == kind) + ")"
                                  for kind in dict.fromkeys(k for _, c, k in _COMMON if c == "firearm")) +
                         r")(?![-\w])")
# An unspecified kind and the specific kinds it covers.
COVERS = {"handgun_unspecified": ("pistol", "revolver"), "long_gun_unspecified": ("rifle", "shotgun")}
_BROADER = {None: None, "long_gun_unspecified": ("rifle", "shotgun"), "handgun_unspecified": ("pistol", "revolver",
            "submachine_gun"), "submachine_gun": ("rifle",)}  # "pistolet mitrailleur de type Kalachnikov": a rifle


_TYPE_WORD = re.compile(r"[\s(]*(?:tipo|de type|du type|type|clase)\s+")


def model_kind(after_noun, kind, lang="en"):
    """The kind a model name right after the noun gives, where it narrows `kind`; else `kind`. A type noun after
    "tipo" / "type" does too ("armas de fuego tipo pistola")."""
    if kind not in _BROADER:
        return kind
    match = MODEL_AFTER.match(after_noun)
    found = match.lastgroup if match else None
    if found is None and (typed := _TYPE_WORD.match(after_noun)):
        named = classify(after_noun[typed.end():], lang)
        found = named[2] if named and named[1] == "firearm" else None
    return found if found and (_BROADER[kind] is None or found in _BROADER[kind]) else kind

# Words between a number and its noun that end the search (the number counts something else).
_APPROXIMATE = ("dozen dozens scores hundreds thousands dizaine dizaines douzaine vingtaine trentaine quarantaine "
                "cinquantaine soixantaine centaine centaines millier milliers decena decenas docena centenar "
                "centenares millares")
STOPS = {
    "en": "of the and or with were was in at from by on for to is are has have had which who that than this a an".split(),
    "fr": "de des du d' et ou avec dans en par pour sur au aux a le la les l' qui que ont ete sont est".split(),
    "es": "de del y o con en por para sobre al el la los las que fueron fue son han ha a".split(),
}
for _words in STOPS.values():
    _words.extend(_APPROXIMATE.split())


def _compile(entries):
    alternation = "|".join(f"(?:{pattern})" for pattern, _, _ in entries)
    return re.compile(rf"(?:{alternation})(?!\w|-\w)"), [(re.compile(rf"(?:{p})(?!\w|-\w)"), c, k) for p, c, k in entries]


COMPILED = {lang: _compile(entries) for lang, entries in LEXICONS.items()}


def classify(noun_text, lang):
    """(category, kind) of the noun phrase that starts `noun_text`, or None."""
    _, entries = COMPILED[lang]
    best = None
    for pattern, category, kind in entries:
        match = pattern.match(noun_text)
        if match and (best is None or match.end() > best[0]):
            best = (match.end(), category, kind)
    return best
