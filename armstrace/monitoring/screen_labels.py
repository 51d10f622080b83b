"""The IAFQ code list's labels as people read them on screen: spelling corrected and translated.

codelist.py keeps the portal's exact strings (typos included) for the exports and the portal import; pages show
screen_label(portal_label) instead. A label missing here is shown as it is."""

from django.utils.translation import gettext_lazy as _

from armstrace.monitoring import codelist as cl

_LABELS = {
    # indicators
    cl.ARMS_SEIZED: _("Arms seized"), cl.ARMS_FOUND: _("Arms found"), cl.ARMS_SURRENDERED: _("Arms surrendered"),
    cl.AMMUNITION_SEIZED: _("Ammunition seized"), cl.PARTS_SEIZED: _("Parts and components seized"),
    cl.SEIZURE_CASES: _("Instances/cases of seizures"),
    cl.PERSONS_ARRESTED: _("Individuals arrested/suspected for illicit trafficking in weapons"),
    cl.PERSONS_PROSECUTED: _("Individuals prosecuted for illicit trafficking in weapons"),
    cl.PERSONS_CONVICTED: _("Individuals convicted for illicit trafficking in weapons"),
    cl.PERSONS_BY_OFFENCE: _("Individuals arrested/suspected"),
    cl.PERSONS_TARGETED: _("Individuals targeted by the criminal justice system for illicit trafficking in weapons"),
    # dimensions
    cl.TOTAL: _("Total"), cl.BY_TYPE: _("by type"), cl.BY_CONDITION: _("by condition"),
    cl.BY_JUSTIFICATION: _("by legal justification of seizure"), cl.BY_OFFENCE: _("by other suspected offences"),
    cl.BY_MARKING: _("by marking"), cl.BY_LOCATION: _("by location"), cl.BY_OFFENCE_TYPE: _("by type of offences"),
    # sex
    "Male": _("Male"), "Female": _("Female"), "Unknown": _("Unknown"),
    # by type
    "pistol": _("Pistol"), "revolver": _("Revolver"), "rifle (Inlcuding Carbine)": _("Rifle (including carbine)"),
    "shotgun (Including Short Carbine)": _("Shotgun (including short carbine)"),
    "submachine gun": _("Submachine gun"), "machine gun": _("Machine gun"), "other weapons": _("Other weapons"),
    cl.TYPE_UNKNOWN: _("Type unknown"),
    # by condition
    "Industrially manufactured arms": _("Industrially manufactured arms"), "Converted arms": _("Converted arms"),
    "Modified arms": _("Modified arms"), "Reactivated arms": _("Reactivated arms"),
    "Assembled arms": _("Assembled arms"), "otherwise illicitly manufactured": _("Otherwise illicitly manufactured"),
    # by legal justification
    "illicit posession": _("Illicit possession"), "illicit use": _("Illicit use"),
    "illicit trafficking": _("Illicit trafficking"), "illicit manufacture": _("Illicit manufacture"),
    "Altered markings": _("Altered markings"), "other": _("Other"), "unknown": _("Unknown"),
    # by other suspected offences
    "Violent crime": _("Violent crime"), "Drug trafficking": _("Drug trafficking"),
    "Acts of terrorism": _("Acts of terrorism"), "Other forms of organized crime": _("Other forms of organized crime"),
    "Illicit trafficking of firearms": _("Illicit trafficking of firearms"),
    "Other type of trafficking": _("Other types of trafficking"), "Other arms offences": _("Other arms offences"),
    "Other": _("Other"),
    # persons by type of offences
    cl.PERSON_ONLY_TRAFFICKING: _("Only for illicit trafficking in arms"),
    cl.PERSON_TERRORISM: _("Illicit trafficking of arms and terrorism"),
    cl.PERSON_VIOLENT_CRIME: _("Illicit trafficking of arms and violent crime"),
    cl.PERSON_DRUG_TRAFFICKING: _("Illicit trafficking of arms and drug trafficking"),
    cl.PERSON_OTHER_TRAFFICKING: _("Illicit trafficking of arms and other types of trafficking"),
    cl.PERSON_OTHER_OFFENCES: _("Illicit trafficking of arms and other offences"),
    cl.PERSON_POSSESSION_USE: _("Illicit trafficking and illicit possession/use of arms"),
    cl.PERSON_OTHER_ARMS_OFFENCES: _("Illicit trafficking and other arms offences"),
    # by marking ("Surrendered" is the code list's name of the total of surrendered arms)
    "uniquely marked": _("Uniquely marked"), "altered marking": _("Altered marking"), "no marking": _("No marking"),
    "unknown Status On Marking": _("Marking status unknown"), "Surrendered": _("Total"),
    # by location: place of seizure
    "national territory": _("National territory"), "land borders": _("Land borders"),
    "planes and airports": _("Planes and airports"), "vessels and harbours": _("Vessels and harbours"),
    # by location: tracing status
    cl.TRACING[cl.TracingStatus.LEGITIMATE_OWNER_NATIONAL]:
        _("Uniquely identifiable: from the legitimate owner in the national registry"),
    cl.TRACING[cl.TracingStatus.ILLEGITIMATE_OWNER_NATIONAL]:
        _("Uniquely identifiable: from an illegitimate owner in the national registry"),
    cl.TRACING[cl.TracingStatus.ILLEGITIMATE_OWNER_FOREIGN]:
        _("Uniquely identifiable: from an illegitimate owner in a foreign registry"),
    cl.TRACING[cl.TracingStatus.POINT_OF_DIVERSION]: _("Uniquely identifiable: point of diversion otherwise identified"),
    cl.TRACING[cl.TracingStatus.NO_POINT_OF_DIVERSION]:
        _("Uniquely identifiable: tracing attempted, no point of diversion identified"),
    cl.TRACING[cl.TracingStatus.PENDING]: _("Uniquely identifiable: tracing procedure pending"),
    cl.TRACING[cl.TracingStatus.NOT_INITIATED]: _("Uniquely identifiable: no tracing procedure initiated"),
    cl.TRACING[cl.TracingStatus.ILLICITLY_MANUFACTURED]: _("Not uniquely identifiable: illicitly manufactured"),
    cl.TRACING[cl.TracingStatus.ALTERED_MARKING]: _("Not uniquely identifiable: erased or altered marking"),
    cl.TRACING[cl.TracingStatus.NO_INFORMATION]: _("Not uniquely identifiable: no further information available"),
    cl.TRACING_UNIQUE_TOTAL: _("Uniquely identifiable: total uniquely identifiable through marking"),
    cl.TRACING_NOT_UNIQUE_TOTAL: _("Total not uniquely identifiable through marking"),
    cl.TRACING_UNKNOWN: _("Status regarding marking unknown"),
}


def screen_label(portal_label):
    """The corrected, translated label of a code-list label (itself when unknown)."""
    label = _LABELS.get(portal_label)
    return str(label) if label is not None else portal_label
