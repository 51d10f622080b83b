"""A seeded stream of inbound postal and express consignments, with illicit ones planted among them.

The ordinary traffic is e-commerce and private mail to one country (Kenya, as the demo profile): shops that send
many parcels, private senders, frequent online shoppers, a catalogue of everyday goods with their weights and
prices, and the sloppiness of real declarations (vague words, missing HS codes, weights written from memory,
under-valued goods). About one consignment in 2,000 is illicit, built as the WCO/UNODC Hermes trainings describe
the trade: a real object (a slide, a barrel, a frame, a pistol, rounds) of its real weight, hidden behind a
declaration chosen to look harmless (auto, bicycle or tool headings, a toy, documents, vague words), sent by private
persons, often from or through civilian gun markets, sometimes split over several parcels to one address.
"""

import csv
import itertools
import random
from datetime import UTC, datetime, timedelta

from armstrace.screening.consignment import CSV_COLUMNS, Consignment, ContentLine

DESTINATION = "KEN"
ORIGINS = {"CHN": 34, "USA": 11, "GBR": 8, "DEU": 6, "IND": 6, "ARE": 5, "TUR": 4, "ZAF": 4, "FRA": 3, "ITA": 2,
           "NLD": 2, "JPN": 2, "UGA": 2, "TZA": 2, "CAN": 2, "SRB": 0.5, "UKR": 0.5, "BGR": 0.5, "HRV": 0.5}
HUBS = ["ARE", "DEU", "NLD", "QAT", "ETH", "TUR", "BEL"]
CURRENCY = {"USA": "USD", "GBR": "GBP", "DEU": "EUR", "FRA": "EUR", "ITA": "EUR", "NLD": "EUR", "HRV": "EUR",
            "CHN": "CNY", "TUR": "TRY", "JPN": "JPY", "IND": "INR", "ZAF": "ZAR"}
USD_RATE = {"USD": 1.0, "GBP": 1.27, "EUR": 1.08, "CNY": 0.14, "TRY": 0.03, "JPY": 0.0067, "INR": 0.012,
            "ZAR": 0.054}
POSTS = {"CHN": "China Post", "USA": "USPS", "GBR": "Royal Mail", "DEU": "Deutsche Post", "IND": "India Post",
         "ARE": "Emirates Post", "TUR": "PTT", "ZAF": "SAPO", "FRA": "La Poste"}
COURIERS = ["DHL Express", "FedEx", "UPS", "Aramex"]
MAIL_CLASSES = {"parcel": 45, "express": 25, "ems": 15, "letter": 15}
CATEGORIES = {"sale_of_goods": 62, "gift": 15, "other": 10, "commercial_sample": 5, "returned_goods": 2}

# description variants, HS code, unit weight kg, unit value USD, share of traffic
CATALOGUE = [
    (["Phone case", "Silicone phone cover"], "392690", 0.05, 5, 9), (["USB cable", "Charging cable"], "854442", 0.06, 3, 7),
    (["Cotton T-shirt", "T-shirt"], "610910", 0.2, 8, 9), (["Jeans", "Denim trousers"], "620342", 0.6, 20, 4),
    (["Sneakers", "Running shoes"], "640411", 0.9, 40, 4), (["Perfume", "Eau de parfum"], "330300", 0.3, 35, 3),
    (["Paperback novel", "Textbook"], "490199", 0.45, 12, 4), (["Plastic toy car", "Doll", "Building blocks"], "950300", 0.3, 10, 4),
    (["Bicycle brake pads", "Bicycle chain", "Bike light"], "871494", 0.2, 12, 2),
    (["Brake discs", "Car oil filter", "Spark plugs"], "870830", 1.2, 25, 2),
    (["Cordless drill", "Angle grinder"], "846721", 1.8, 45, 1), (["Wrench set", "Pliers"], "820411", 0.9, 20, 1.5),
    (["Steel hinges", "Cabinet handles"], "830210", 0.4, 6, 1), (["Laptop computer"], "847130", 2.2, 550, 1),
    (["Earphones", "Bluetooth headphones"], "851830", 0.15, 20, 4), (["Necklace", "Bracelet"], "711719", 0.05, 15, 3),
    (["Wrist watch"], "910211", 0.1, 60, 2), (["Green tea", "Ground coffee", "Spices"], "090240", 0.5, 9, 3),
    (["Dietary supplement capsules"], "210690", 0.3, 22, 3), (["Face cream", "Lipstick"], "330499", 0.15, 14, 3),
    (["Power bank"], "850760", 0.3, 18, 3), (["Handbag", "Backpack"], "420222", 0.7, 30, 3),
    (["Sunglasses"], "900410", 0.08, 15, 2), (["Car phone holder"], "870829", 0.2, 8, 1),
    (["Fishing reel", "Fishing lure set"], "950731", 0.4, 25, 1), (["Yoga mat"], "392190", 1.1, 18, 1),
]
VAGUE_WORDS = ["Gift", "Parts", "Accessories", "Clothes", "Samples", "Spare parts", "Goods", "Personal items", "Tools"]
FIRST = ["James", "Mary", "Wei", "Li", "Ahmed", "Fatima", "John", "Grace", "Peter", "Aisha", "David", "Mercy",
         "Kevin", "Faith", "Hassan", "Joy", "Brian", "Esther", "Mohamed", "Lucy", "Michael", "Anna", "Ivan", "Elif"]
LAST = ["Smith", "Wang", "Otieno", "Kamau", "Mwangi", "Njeri", "Ochieng", "Wanjiru", "Khan", "Patel", "Muller",
        "Yilmaz", "Brown", "Zhang", "Hassan", "Kiprop", "Achieng", "Petrov", "Jones", "Garcia", "Chen", "Mutua"]
TOWNS = ["Nairobi", "Mombasa", "Kisumu", "Nakuru", "Eldoret", "Thika", "Machakos", "Nyeri"]
STREETS = ["Ngong Road", "Moi Avenue", "Kenyatta Avenue", "Jogoo Road", "Thika Road", "Waiyaki Way", "Lang'ata Road"]

# Illicit objects: real weight kg (per piece) and how they are described when hidden
PARTS = [("pistol slide", 0.45), ("barrel", 0.35), ("pistol frame", 0.3), ("trigger group", 0.15),
         ("bolt carrier group", 0.5), ("magazines", 0.25), ("upper receiver", 0.6)]
COVERS = [("Bicycle parts", "871499"), ("Bicycle fork", "871491"), ("Auto spare parts", "870899"),
          ("Car parts", "870899"), ("Hand tool", "820559"), ("Power tool parts", "846791"), ("Steel tube", "730690"),
          ("Articles of steel", "732690"), ("Hardware", "830249"), ("Fishing weights", "950790"),
          ("Solvent trap cleaning kit", "842139"), ("Fuel filter kit", "842123")]
RISKY_ORIGINS = {"USA": 55, "TUR": 12, "DEU": 6, "BGR": 5, "HRV": 4, "SRB": 4, "UKR": 4, "GBR": 4, "ZAF": 3, "CHN": 3}
SCHEMES = {"parts_under_cover": 32, "split_shipment": 18, "toy_too_heavy": 14, "documents_too_heavy": 10,
           "vague_ammunition": 14, "risky_route_parts": 12}


_CATALOGUE_WEIGHTS = list(itertools.accumulate(g[4] for g in CATALOGUE))
# what private persons send one another: clothes, cosmetics, food, books, toys, jewellery, small electronics
PERSONAL = [g for g in CATALOGUE if g[1][:2] in ("61", "62", "64", "33", "09", "21", "49", "95", "71", "91", "85", "42")]
_PERSONAL_WEIGHTS = list(itertools.accumulate(g[4] for g in PERSONAL))


def _weighted(rng, table):
    return rng.choices(list(table), weights=list(table.values()))[0]


class Simulator:
    """`stream(n)` yields (Consignment, scheme) in acceptance order; scheme is "" for ordinary traffic."""

    def __init__(self, seed=1, start=datetime(2026, 10, 1, tzinfo=UTC), per_day=20_000, illicit_rate=1 / 2000):
        self.rng = random.Random(seed)
        self.clock = start
        self.step = timedelta(days=1) / per_day
        self.illicit_rate = illicit_rate
        self.number = 0
        self.shops = [self._shop(i) for i in range(3000)]
        self.shop_weights = list(itertools.accumulate(1 / (i + 1) for i in range(len(self.shops))))  # Zipf
        self.shoppers = [self._person_address() for _ in range(max(100, per_day * 3 // 10))]
        self.pending = []  # parcels of split shipments still to send: (due time, consignment, scheme)

    # parties
    def _name(self):
        return f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)}"

    def _shop(self, i):
        country = _weighted(self.rng, ORIGINS)
        kind = self.rng.choice(["Trading Co", "Store", "Ltd", "Online Shop", "Electronics", "Fashion"])
        return (f"{self.rng.choice(LAST)} {kind} {i}", f"{i} Commerce Park", country)

    def _person_address(self):
        rng = self.rng
        return (self._name(), f"{rng.choice(['Plot', 'House', 'Apt'])} {rng.randint(1, 99999)}, "
                f"{rng.choice(STREETS)}, {rng.choice(TOWNS)}", f"+2547{rng.randint(10000000, 99999999)}")

    def _addressee(self):
        if self.rng.random() < 0.08:
            return self.rng.choice(self.shoppers)
        return self._person_address()

    # ordinary traffic
    def _tick(self):
        self.clock += self.step * self.rng.expovariate(1.0)
        self.number += 1
        return self.number

    def _route(self, origin):
        return (origin, self.rng.choice(HUBS), DESTINATION) if self.rng.random() < 0.2 else (origin, DESTINATION)

    def _frame(self, number, sender, origin, mail_class, category, addressee, weight, measured):
        operator = self.rng.choice(COURIERS) if mail_class == "express" else POSTS.get(origin, "National Post")
        route = self._route(origin)
        return Consignment(
            consignment_id=f"S{number:08d}", operator=operator, mail_class=mail_class,
            tracking_id=f"{'EX' if mail_class == 'express' else 'RR'}{number:09d}{origin[:2]}",
            accepted_at=self.clock, sender_name=sender[0], sender_address=sender[1], sender_country=origin,
            addressee_name=addressee[0], addressee_address=addressee[1], addressee_phone=addressee[2],
            addressee_country=DESTINATION, route=route if route[0] != route[1] else (origin, DESTINATION),
            category=category, declared_weight_kg=round(weight, 3), measured_weight_kg=round(measured, 3))

    def _measured(self, declared):
        """Scales weigh close to the declaration, except for the declarants who guess (3 %)."""
        if self.rng.random() < 0.03:
            return declared * self.rng.choice([0.5, 1.6, 2.0, 2.5]) + 0.1
        return declared * self.rng.gauss(1.0, 0.04)

    def ordinary(self):
        rng = self.rng
        number = self._tick()
        mail_class = _weighted(rng, MAIL_CLASSES)
        if rng.random() < (0.35 if mail_class in ("letter", "express") else 0.03):
            return self._documents(number, mail_class)
        category = _weighted(rng, CATEGORIES)
        shop = category == "sale_of_goods" and rng.random() < 0.75
        if shop:
            sender = rng.choices(self.shops, cum_weights=self.shop_weights)[0]
            origin = sender[2]
        else:
            origin = _weighted(rng, ORIGINS)
            sender = (self._name(), f"{rng.randint(1, 300)} {rng.choice(['Main St', 'Park Rd', 'Station Rd'])}", origin)
        private = not shop and rng.random() < 0.9
        lines, weight = self._goods(origin, rng.choices([1, 2, 3], weights=[80, 15, 5])[0], private)
        declared = max(0.02, weight + rng.uniform(0.05, 0.3))
        if rng.random() < 0.05:
            declared = float(max(1, round(declared)))  # a round number written from memory
        c = self._frame(number, sender, origin, mail_class, category, self._addressee(), declared,
                        self._measured(declared))
        c.lines = lines
        return c

    def _goods(self, origin, count, private=False):
        rng, lines, weight = self.rng, [], 0.0
        currency = CURRENCY.get(origin, "USD") if rng.random() < 0.6 else "USD"
        for _ in range(count):
            names, hs, unit_kg, unit_usd, _share = (rng.choices(PERSONAL, cum_weights=_PERSONAL_WEIGHTS)[0] if private
                                                    else rng.choices(CATALOGUE, cum_weights=_CATALOGUE_WEIGHTS)[0])
            quantity = rng.choices([1, 2, 3, 5], weights=[70, 18, 8, 4])[0]
            weight += quantity * unit_kg * rng.lognormvariate(0, 0.25)
            usd = quantity * unit_usd * rng.lognormvariate(0, 0.4)
            if rng.random() < 0.05:
                usd *= rng.uniform(0.02, 0.15)  # under-valued to save duty
            description = rng.choice(names)
            if rng.random() < 0.04:
                description = rng.choice(VAGUE_WORDS)
            code = hs if rng.random() > 0.07 else ""
            lines.append(ContentLine(description, code, quantity, round(usd / USD_RATE[currency], 2), currency))
        return lines, weight

    def _documents(self, number, mail_class):
        rng = self.rng
        origin = _weighted(self.rng, ORIGINS)
        sender = (rng.choice([self._name(), f"{rng.choice(LAST)} & Partners Law Office", "Embassy Services"]),
                  f"{rng.randint(1, 90)} Office Park", origin)
        weight = rng.uniform(0.03, 0.45)
        c = self._frame(number, sender, origin, mail_class, "documents", self._addressee(), weight,
                        self._measured(weight))
        c.lines = [ContentLine(rng.choice(["Documents", "Contract", "Papers", "Certificates"]), "", 1, 0.0, "USD")]
        return c

    # illicit traffic
    def _smuggler(self, origin=None):
        origin = origin or _weighted(self.rng, RISKY_ORIGINS)
        return (self._name(), f"{self.rng.randint(1, 9000)} {self.rng.choice(['Oak St', 'Pine Rd', 'Lake Dr'])}",
                origin)

    def _illicit_frame(self, scheme, sender=None, addressee=None, mail_class=None, category=None):
        rng = self.rng
        number = self._tick()
        sender = sender or self._smuggler()
        mail_class = mail_class or _weighted(rng, {"parcel": 45, "ems": 25, "express": 30})
        category = category or _weighted(rng, {"gift": 40, "sale_of_goods": 35, "commercial_sample": 10, "other": 15})
        addressee = addressee or (rng.choice(self.shoppers) if rng.random() < 0.15 else self._person_address())
        real = self._concealed_weight(scheme)
        declared = real * rng.uniform(0.3, 0.7) if rng.random() < 0.45 else real * rng.gauss(1.0, 0.05)
        c = self._frame(number, sender, sender[2], mail_class, category, addressee, max(0.05, declared),
                        real * rng.gauss(1.0, 0.02))
        if scheme == "risky_route_parts":
            c.route = (sender[2], rng.choice(["TUR", "SRB", "UKR"]), DESTINATION)
        return c

    def _concealed_weight(self, scheme):
        rng = self.rng
        packaging = rng.uniform(0.1, 0.4)
        if scheme == "toy_too_heavy":
            return rng.uniform(0.7, 1.1) + rng.choice([0, 0.25]) + packaging  # a pistol, perhaps with a magazine
        if scheme == "documents_too_heavy":
            return rng.uniform(0.3, 0.9) + 0.1  # magazines or rounds in an envelope
        if scheme == "vague_ammunition":
            return rng.randint(50, 200) * 0.012 + packaging  # 9 mm rounds
        pieces = rng.sample(PARTS, rng.choice([1, 1, 2]))
        return sum(weight for _, weight in pieces) * rng.uniform(0.9, 1.2) + packaging

    def _declare(self, c, scheme):
        rng = self.rng
        value = round(rng.uniform(5, 45), 2)
        if scheme == "toy_too_heavy":
            text = rng.choice(["Toy gun", "Plastic toy", "Model kit", "Toy pistol replica", "Kids toy"])
            c.lines = [ContentLine(text, "950300" if rng.random() < 0.8 else "", 1, value, "USD")]
        elif scheme == "documents_too_heavy":
            c.category = "documents"
            c.mail_class = rng.choice(["express", "ems", "letter"])
            c.lines = [ContentLine(rng.choice(["Documents", "Papers", "Contract"]), "", 1, 0.0, "USD")]
        elif scheme == "vague_ammunition":
            text = rng.choice(["Parts", "Gift", "Accessories", "Metal parts", "Samples", "Fishing weights", "Goods"])
            c.lines = [ContentLine(text, "" if rng.random() < 0.7 else "732690", 1, round(value / 2, 2), "USD")]
        elif scheme == "risky_route_parts":
            text, code = rng.choice([("Machine parts", "848390"), ("Metal parts", "732690"),
                                     ("Hydraulic fittings", "848180"), ("Steel bushings", "848330")])
            c.lines = [ContentLine(text, code, rng.randint(1, 3), value * 2, "USD")]
        else:
            text, code = rng.choice(COVERS)
            c.lines = [ContentLine(text, code if rng.random() < 0.85 else "", 1, value, "USD")]
        return c

    def illicit(self, scheme):
        """One illicit consignment; a split shipment also queues the rest of its parcels for the days after."""
        if scheme != "split_shipment":
            return self._declare(self._illicit_frame(scheme), scheme)
        rng = self.rng
        addressee = self._person_address()
        origin = _weighted(rng, RISKY_ORIGINS)
        parcels = rng.choice([3, 3, 4, 4, 5])
        due = self.clock
        for _ in range(parcels - 1):
            due += timedelta(hours=rng.uniform(6, 60))
            sender = self._smuggler(origin if rng.random() < 0.7 else None)
            self.pending.append((due, sender, addressee))
        self.pending.sort(key=lambda entry: entry[0])
        return self._split_parcel(self._smuggler(origin), addressee)

    def _split_parcel(self, sender, addressee):
        c = self._illicit_frame("split_shipment", sender=sender, addressee=addressee)
        return self._declare(c, "split_shipment" if self.rng.random() < 0.6 else "vague_ammunition")

    def stream(self, n):
        """(Consignment, scheme) × n in acceptance order; scheme is "" for ordinary traffic."""
        mean_parcels = (SCHEMES["split_shipment"] * 4 + sum(SCHEMES.values()) - SCHEMES["split_shipment"]) \
            / sum(SCHEMES.values())
        event_rate = self.illicit_rate / mean_parcels
        for _ in range(n):
            if self.pending and self.pending[0][0] <= self.clock:
                _, sender, addressee = self.pending.pop(0)
                yield self._split_parcel(sender, addressee), "split_shipment"
            elif self.rng.random() < event_rate:
                scheme = _weighted(self.rng, SCHEMES)
                yield self.illicit(scheme), scheme
            else:
                yield self.ordinary(), ""


def csv_rows(consignment):
    """The CSV rows (one per content line) of a consignment."""
    c = consignment
    head = [c.consignment_id, c.operator, c.mail_class, c.tracking_id, c.accepted_at.isoformat(), c.sender_name,
            c.sender_address, c.sender_country, c.addressee_name, c.addressee_address, c.addressee_phone,
            c.addressee_country, ">".join(c.route), c.category]
    measured = "" if c.measured_weight_kg is None else f"{c.measured_weight_kg:g}"
    return [[*head, line.description, line.hs_code, line.quantity, f"{c.declared_weight_kg:g}", measured,
             f"{line.value:g}", line.currency] for line in c.lines]


def write_csv(path, n, seed=1, truth=None, **options):
    """Write n simulated consignments to `path` (the screening CSV); `truth`, if given, gets the planted ids.

    Returns {scheme: count} of the planted consignments.
    """
    planted = {}
    with open(path, "w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        truth_writer = None
        if truth is not None:
            truth_stream = open(truth, "w", newline="", encoding="utf-8")
            truth_writer = csv.writer(truth_stream, lineterminator="\n")
            truth_writer.writerow(["consignment_id", "scheme"])
        for consignment, scheme in Simulator(seed, **options).stream(n):
            writer.writerows(csv_rows(consignment))
            if scheme:
                planted[scheme] = planted.get(scheme, 0) + 1
                if truth_writer is not None:
                    truth_writer.writerow([consignment.consignment_id, scheme])
        if truth is not None:
            truth_stream.close()
    return planted
