"""Fixtures of the osint app's tests: seizure texts in three languages and a way to ingest one."""

from datetime import date

import pytest

EN = ("Kenyan police seized 12 pistols and 300 rounds of ammunition at the port of Mombasa on 3 March 2025 and "
      "arrested two suspects. The weapons were hidden in a container from Dubai, the police spokesman said.")
FR = ("La police kényane a saisi 12 pistolets et 300 cartouches au port de Mombasa le 3 mars 2025. Deux suspects "
      "ont été interpellés. Les armes étaient cachées dans un conteneur venu de Dubaï.")
ES = ("La policía de Kenia incautó 12 pistolas y 300 cartuchos en el puerto de Mombasa el 3 de marzo de 2025 y "
      "detuvo a dos sospechosos.")
OTHER_SEIZURE = ("Customs officers in Nairobi seized 40 rifles and 5,000 rounds of ammunition on 20 August 2025 at "
                 "Jomo Kenyatta International Airport; three men were arrested.")
IRRELEVANT = ("The parliament of Kenya debated a new law on hunting licences on Tuesday; the minister said the rules "
              "on shooting clubs will change next year.")
GERMAN = ("Die Polizei beschlagnahmte 12 Pistolen und 300 Schuss Munition im Hafen von Mombasa am 3. März 2025. "
          "Zwei Verdächtige wurden festgenommen.")


@pytest.fixture
def ingest(db):
    """ingest(text, **fields) -> services.Ingested."""
    from armstrace.osint import services

    def run(text, **fields):
        fields.setdefault("published", date(2025, 3, 5))
        return services.ingest(services.DocumentInput(text=text, **fields))

    return run


@pytest.fixture
def reviewer(make_user):
    return make_user("osint-analyst", "analyst")


@pytest.fixture
def accept(reviewer):
    """accept(record) as the analyst."""
    from armstrace.core.actor import Actor
    from armstrace.osint import services

    return lambda record: services.review_record(record, "accepted", Actor.of(reviewer))
