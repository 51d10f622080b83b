"""Locust users of bench/web_load.py: a registry officer's mix of pages and API calls.

ARMSTRACE_LOAD_SAMPLES names a JSON file {"items": [{"id", "serial", "make"}, ...]} of items that exist."""

import json
import os
import random
import re

import requests
from locust import HttpUser, between, task

SAMPLES = json.loads(open(os.environ["ARMSTRACE_LOAD_SAMPLES"]).read())["items"]
USERNAME = os.environ.get("ARMSTRACE_LOAD_USER", "demo-investigator")  # registry and tracing, no second factor
PASSWORD = os.environ.get("ARMSTRACE_LOAD_PASSWORD", "armstrace-demo")
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def near_miss(serial, rng):
    """The serial with one character changed, as a misread would."""
    i = rng.randrange(len(serial))
    other = rng.choice([c for c in "0123456789ABCDEFGHJKLMNPRSTUVWXYZ" if c != serial[i].upper()])
    return serial[:i] + other + serial[i + 1:]


class RegistryOfficer(HttpUser):
    wait_time = between(1, 3)

    def on_start(self):
        """Log in once, outside the measured mix (the password hash costs ~0.7 s by design)."""
        self.rng = random.Random()
        with requests.Session() as browser:
            token = CSRF.search(browser.get(f"{self.host}/login/").text).group(1)
            r = browser.post(f"{self.host}/login/", {"username": USERNAME, "password": PASSWORD,
                                                     "csrfmiddlewaretoken": token},
                             headers={"Referer": f"{self.host}/login/"})
            if "/login/" in r.url:
                raise RuntimeError(f"login of {USERNAME} refused")
            self.client.cookies.update(browser.cookies)

    def sample(self):
        return self.rng.choice(SAMPLES)

    @task(3)
    def dashboard(self):
        self.client.get("/", name="dashboard")

    @task(2)
    def item_list(self):
        self.client.get("/registry/items/", params={"page": self.rng.randint(1, 20)}, name="item list")

    @task(3)
    def search_exact(self):
        self.client.get("/tracing/search/", params={"q": self.sample()["serial"], "mode": "exact"},
                        name="search exact")

    @task(2)
    def search_registry(self):
        self.client.get("/registry/search/", params={"q": self.sample()["serial"]}, name="registry search")

    @task(2)
    def search_partial(self):
        s = self.sample()
        serial = list(s["serial"])
        for i in self.rng.sample(range(len(serial)), min(2, len(serial) - 1)):
            serial[i] = "?"  # two characters obliterated
        self.client.get("/tracing/search/", params={"q": "".join(serial), "mode": "partial", "make": s["make"]},
                        name="search partial (make given)")

    @task(2)
    def search_fuzzy(self):
        s = self.sample()
        self.client.get("/tracing/search/", params={"q": near_miss(s["serial"], self.rng), "mode": "fuzzy",
                                                    "make": s["make"]}, name="search fuzzy (make given)")

    @task(4)
    def item_detail(self):
        self.client.get(f"/registry/items/{self.sample()['id']}/", name="item page")

    @task(2)
    def trace_report(self):
        self.client.get(f"/tracing/items/{self.sample()['id']}/report/", name="trace report")

    @task(2)
    def api_list(self):
        self.client.get("/api/items/", params={"limit": 50, "offset": self.rng.randint(0, 1000)}, name="API items list")

    @task(3)
    def api_detail(self):
        self.client.get(f"/api/items/{self.sample()['id']}/", name="API item detail")
