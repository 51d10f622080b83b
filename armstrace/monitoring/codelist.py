"""The UNODC IAFQ code list (2024 release) and how ArmsTrace's own codes map onto it.

Every label below is copied from `iafq/codelist_indicator_dimension_category__2024_release.csv`, typos included
("rifle (Inlcuding Carbine)", "illicit posession", "unknown Status On Marking", "Surrendered" as the total of the
surrendered-by-marking table): the portal and the States' own time series use these exact strings, so they must
not be corrected. `tests/test_codelist.py` checks every label emitted here against the shared code list file.
"""

from armstrace.tracing.status import TracingStatus

# ---------------------------------------------------------------- indicators
ARMS_SEIZED = "Arms seized"
ARMS_FOUND = "Arms found"
ARMS_SURRENDERED = "Arms surrendered"
AMMUNITION_SEIZED = "Ammunition seized"
PARTS_SEIZED = "Parts and components seized"
SEIZURE_CASES = "Instances/cases of seizures"
PERSONS_ARRESTED = "Individuals arrested/suspected for illicit trafficking in weapons"
PERSONS_PROSECUTED = "Individuals prosecuted for illicit trafficking in weapons"
PERSONS_CONVICTED = "Individuals convicted for illicit trafficking in weapons"
PERSONS_BY_OFFENCE = "Individuals arrested/suspected"  # the "by type of offences" table (Sex and Age "Total")
PERSONS_TARGETED = "Individuals targeted by criminal justice system due to illicit trafficking in weapons"

ARMS_INDICATOR = {"seizure": ARMS_SEIZED, "found": ARMS_FOUND, "surrender": ARMS_SURRENDERED}
INDICATORS = [ARMS_SEIZED, ARMS_FOUND, ARMS_SURRENDERED, AMMUNITION_SEIZED, PARTS_SEIZED, SEIZURE_CASES,
              PERSONS_ARRESTED, PERSONS_PROSECUTED, PERSONS_CONVICTED, PERSONS_BY_OFFENCE, PERSONS_TARGETED]

# ---------------------------------------------------------------- dimensions
TOTAL = "Total"
BY_TYPE = "by type"
BY_CONDITION = "by condition"
BY_JUSTIFICATION = "by legal justification of seizure"
BY_OFFENCE = "by other suspected offences"
BY_MARKING = "by marking"
BY_LOCATION = "by location"  # the portal uses it both for the place of seizure and for the tracing status
BY_OFFENCE_TYPE = "by type of offences"
DIMENSIONS = [TOTAL, BY_TYPE, BY_CONDITION, BY_JUSTIFICATION, BY_OFFENCE, BY_MARKING, BY_LOCATION, BY_OFFENCE_TYPE]

NA = "na"
UNIT = "Counts"
SEX = {"male": "Male", "female": "Female", "unknown": "Unknown"}

# ---------------------------------------------------------------- categories
# registry.models.FirearmType -> "by type"; an item without a type is "Unknown status on type".
TYPE = {
    "pistol": "pistol",
    "revolver": "revolver",
    "rifle": "rifle (Inlcuding Carbine)",
    "shotgun": "shotgun (Including Short Carbine)",
    "submachine_gun": "submachine gun",
    "machine_gun": "machine gun",
    "other_firearm": "other weapons",
    "light_weapon": "other weapons",
}
TYPE_UNKNOWN = "Unknown status on type"
TYPE_CATEGORIES = ["pistol", "revolver", "rifle (Inlcuding Carbine)", "shotgun (Including Short Carbine)",
                   "submachine gun", "machine gun", "other weapons", TYPE_UNKNOWN]

# custody CaseItem.condition -> "by condition"; "unknown" has no category of its own (counted in the total only).
CONDITION = {
    "industrial": "Industrially manufactured arms",
    "converted": "Converted arms",
    "modified": "Modified arms",
    "reactivated": "Reactivated arms",
    "assembled": "Assembled arms",
    "otherwise_illicit": "otherwise illicitly manufactured",
}

# custody SeizureCase.legal_justification -> "by legal justification of seizure"
JUSTIFICATION = {
    "illicit_possession": "illicit posession",
    "illicit_use": "illicit use",
    "illicit_trafficking": "illicit trafficking",
    "illicit_manufacture": "illicit manufacture",
    "altered_markings": "Altered markings",
    "other": "other",
    "unknown": "unknown",
}

# custody SeizureCase.suspected_offences -> "by other suspected offences" (no total in the code list; an arm is
# counted once under every offence its case lists).
OFFENCE = {
    "violent_crime": "Violent crime",
    "drug_trafficking": "Drug trafficking",
    "terrorism": "Acts of terrorism",
    "organised_crime": "Other forms of organized crime",
    "firearms_trafficking": "Illicit trafficking of firearms",
    "other_trafficking": "Other type of trafficking",
    "other_arms_offences": "Other arms offences",
    "other": "Other",
}

# Persons arrested/suspected "by type of offences": the other offences of the person's case, one category per
# person (iafq.person_offence_category gives the rule and the precedence). "andIllicit" (sic) is the code list's.
PERSON_ONLY_TRAFFICKING = "Only for illicit trafficking in arms"
PERSON_TERRORISM = "Illicit trafficking of arms and terrorism"
PERSON_VIOLENT_CRIME = "Illicit trafficking of arms and violent crime"
PERSON_DRUG_TRAFFICKING = "Illicit trafficking of arms and drug trafficking"
PERSON_OTHER_TRAFFICKING = "Illicit trafficking of arms and other types of trafficking"
PERSON_OTHER_OFFENCES = "Illicit trafficking of arms and other offences"
PERSON_POSSESSION_USE = "Illicit trafficking andIllicit possession/use of arms"
PERSON_OTHER_ARMS_OFFENCES = "Illicit trafficking and other arms offences"
# In precedence order: a person whose case has several other offences is counted under the first that applies.
PERSON_OFFENCE_CATEGORIES = [PERSON_TERRORISM, PERSON_VIOLENT_CRIME, PERSON_DRUG_TRAFFICKING, PERSON_OTHER_TRAFFICKING,
                             PERSON_OTHER_OFFENCES, PERSON_POSSESSION_USE, PERSON_OTHER_ARMS_OFFENCES,
                             PERSON_ONLY_TRAFFICKING]
# custody SeizureCase.suspected_offences -> the person's category ("firearms_trafficking" is the indicator itself)
PERSON_OFFENCE = {
    "terrorism": PERSON_TERRORISM,
    "violent_crime": PERSON_VIOLENT_CRIME,
    "drug_trafficking": PERSON_DRUG_TRAFFICKING,
    "other_trafficking": PERSON_OTHER_TRAFFICKING,
    "organised_crime": PERSON_OTHER_OFFENCES,
    "other": PERSON_OTHER_OFFENCES,
    "other_arms_offences": PERSON_OTHER_ARMS_OFFENCES,
}
# custody SeizureCase.legal_justification -> the person's category, when the arms were seized for it
PERSON_JUSTIFICATION = {
    "illicit_possession": PERSON_POSSESSION_USE,
    "illicit_use": PERSON_POSSESSION_USE,
    "illicit_manufacture": PERSON_OTHER_ARMS_OFFENCES,
    "altered_markings": PERSON_OTHER_ARMS_OFFENCES,
}

# custody CaseItem.marking_status -> "by marking"
MARKING = {
    "uniquely_marked": "uniquely marked",
    "altered": "altered marking",
    "no_marking": "no marking",
    "unknown": "unknown Status On Marking",
}
# The total row of the "by marking" table is labelled "Surrendered" (sic) for surrendered arms.
MARKING_TOTAL = {ARMS_SEIZED: TOTAL, ARMS_FOUND: TOTAL, ARMS_SURRENDERED: "Surrendered"}

# custody SeizureCase.location_type -> "by location" (place of seizure, seized arms only)
PLACE = {
    "national_territory": "national territory",
    "land_border": "land borders",
    "airport": "planes and airports",
    "harbour": "vessels and harbours",
    "other": "other",
    "unknown": "unknown",
}

# tracing.status.TracingStatus -> "by location" (tracing status, seized, found and surrendered arms)
TRACING = {
    TracingStatus.LEGITIMATE_OWNER_NATIONAL: "Uniquely identifiable - from legitimate owner in national registry",
    TracingStatus.ILLEGITIMATE_OWNER_NATIONAL: "Uniquely identifiable - from illegitimate owner in national registry",
    TracingStatus.ILLEGITIMATE_OWNER_FOREIGN: "Uniquely identifiable - from illegitimate owner in foreign registry",
    TracingStatus.POINT_OF_DIVERSION: "Uniquely identifiable - point of diversion otherwise identified",
    TracingStatus.NO_POINT_OF_DIVERSION:
        "Uniquely identifiable - tracing attempted, no point of diversion identified",
    TracingStatus.PENDING: "Uniquely identifiable - tracing procedure pending",
    TracingStatus.NOT_INITIATED: "Uniquely identifiable - no tracing procedure initiated",
    TracingStatus.ILLICITLY_MANUFACTURED: "Not uniquely identifiable - Illicitly manufactured",
    TracingStatus.ALTERED_MARKING: "Not uniquely identifiable - Erased or altered marking",
    TracingStatus.NO_INFORMATION: "Not uniquely identifiable - No further information available",
}
TRACING_UNIQUE_TOTAL = "Uniquely identifiable - total uniquely identifiable through marking"
TRACING_NOT_UNIQUE_TOTAL = "Total not uniquely identifiable through marking"
TRACING_UNKNOWN = "Unknown status regarding marking"
TRACING_BY_LABEL = {label: status for status, label in TRACING.items()}

# ---------------------------------------------------------------- releases
# Categories renamed between the 17/06/2022 release and the 26/08/2024 release. Established by matching the
# values of the same country and year in both files (e.g. 73 country-years where "illicit offences" (2022) equals
# "Illicit trafficking of firearms" (2024), 88 for "Drugs" / "Drug trafficking").
RENAMED_CATEGORIES = {
    ("Arms seized", "by other suspected offences", "Drugs"): "Drug trafficking",
    ("Arms seized", "by other suspected offences", "Terrorism"): "Acts of terrorism",
    ("Arms seized", "by other suspected offences", "Other trafficking"): "Other type of trafficking",
    ("Arms seized", "by other suspected offences", "illicit offences"): "Illicit trafficking of firearms",
}


def current_category(indicator, dimension, category):
    """The 2024-release label of a category read from any release."""
    return RENAMED_CATEGORIES.get((indicator, dimension, category), category)
