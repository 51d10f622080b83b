"""Who records an event."""

from dataclasses import dataclass


@dataclass
class Actor:
    """Who records an event: the user and the agency they act for."""

    user: object = None
    agency: str = ""

    @classmethod
    def of(cls, user):
        profile = getattr(user, "profile", None) if user is not None and user.is_authenticated else None
        agency = profile.agency.code if profile is not None and profile.agency_id else ""
        return cls(user=user, agency=agency)


SYSTEM = Actor()
