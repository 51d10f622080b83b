"""Role matrix: every page of the project and every API endpoint of the OpenAPI schema, visited as every role, is
allowed or refused as the tables below say.

The tables are written here, independently of accounts/policy.py, so a mistake in the policy fails this test; a page
or API resource that someone adds fails it too until it is added to the policy and to these tables.
Masks: R registrar, I investigator, C customs officer, N analyst, U auditor, A administrator; "." refused.
"""

import re

from django.urls import URLPattern, URLResolver, get_resolver, resolve
from drf_spectacular.generators import SchemaGenerator
from rest_framework.viewsets import ViewSetMixin

from armstrace.accounts import policy
from armstrace.accounts.tests.conftest import ROLES

ROLE_LETTERS = dict(zip("RICNUA", ROLES))

PUBLIC_PAGES = {"login", "set_language", "javascript-catalog", "api-schema", "api-docs", "federation:inbox"}
LOGIN_STEP_PAGES = {"logout", "accounts:two-factor", "accounts:two-factor-setup"}  # any logged-in user

PAGES = """
dashboard                       RICNUA
accounts:account                RICNUA
accounts:recovery-codes         RICNUA
api-root                        RICNUA
accounts:access-log             ....UA
admin:*                         .....A
registry:search                 RIC.UA
registry:item-list              RIC.UA
registry:item-detail            RIC.UA
registry:party-list             RIC.UA
registry:party-detail           RIC.UA
registry:party-picker           RIC.UA
registry:item-register          R....A
registry:item-transfer          R....A
registry:item-missing           R....A
registry:item-marking           R....A
registry:party-create           R....A
registry:licence-create         R....A
registry:party-edit             R....A
registry:licence-edit           R....A
registry:item-custody           .IC..A
registry:item-recover           .IC..A
registry:item-correct           R....A
registry:item-convert           .IC..A
registry:item-reactivate        .IC..A
registry:event-log              ....UA
registry:verifications          ....UA
registry:verify-start           ....UA
registry:verification-status    ....UA
custody:case-list               .IC.UA
custody:case                    .IC.UA
custody:depot-list              .IC.UA
custody:depot                   .IC.UA
custody:stocktake               .IC.UA
custody:case-create             .IC..A
custody:item-move               .IC..A
custody:item-dispose            .IC..A
custody:depot-create            .IC..A
custody:stocktake-create        .IC..A
custody:facility-create         .IC..A
transfers:authorization-list    RIC.UA
transfers:authorization         RIC.UA
transfers:broker-list           RIC.UA
transfers:authorization-create  R....A
transfers:broker-create         R....A
transfers:shipment-create       R.C..A
transfers:shipment-receipt      R.C..A
tracing:search                  .I..UA
tracing:trace-report            .I..UA
tracing:trace-report-json       .I..UA
tracing:trace-report-pdf        .I..UA
tracing:request-pdf             .I..UA
tracing:request-list            .I..UA
tracing:request-detail          .I..UA
tracing:request-print           .I..UA
tracing:request-export          .I..UA
tracing:answer-export           .I..UA
tracing:request-for-item        .I...A
tracing:request-create          .I...A
tracing:request-edit            .I...A
tracing:request-action          .I...A
tracing:import-answer           .I...A
monitoring:dashboard            ...NUA
monitoring:iafq-download        ...NUA
monitoring:sdg-download         ...NUA
monitoring:hotspots             ...NUA
monitoring:flows                ...NUA
monitoring:portal-dataset       ...NUA
monitoring:portal-country       ...NUA
screening:queue                 .IC.UA
screening:consignment           .IC.UA
screening:inspect               ..C..A
screening:feedback              .IC.UA
screening:rule                  .IC.UA
screening:rules-edit            .....A
screening:weights-approve       .....A
screening:xray                  .IC.UA
screening:xray-file             .IC.UA
screening:xray-coco             .IC.UA
screening:xray-upload           ..C..A
federation:overview             .....A
federation:verify               .....A
federation:send-request         .I...A
federation:check-item           .I...A
exchange:inbox                  RICNUA
exchange:preferences            RICNUA
exchange:search                 RICNUA
exchange:thread                 RICNUA
exchange:attachment             RICNUA
exchange:thread-create          RIC..A
exchange:thread-reply           RIC..A
exchange:thread-members         RIC..A
exchange:message-edit           RIC..A
exchange:digest                 RICNUA
exchange:digest-case            RICNUA
exchange:digest-print           RICNUA
exchange:digest-create          RIC..A
alerts:inbox                    RICNUA
alerts:detail                   RICNUA
alerts:acknowledge              RICNUA
alerts:resolve                  RICNUA
osint:queue                     .I.NUA
osint:documents                 .I.NUA
osint:record                    .I.NUA
osint:incidents                 .I.NUA
osint:incident                  .I.NUA
osint:export                    .I.NUA
osint:accuracy                  .I.NUA
osint:labels                    .I.N.A
osint:upload                    .I.N.A
osint:review-field              .I.N.A
osint:review-record             .I.N.A
"""

# viewset basename, who may read (GET), who may write (POST/PUT/PATCH/DELETE); basename/action: that action's writers
API = """
item                            RIC.UA  R....A
item/seize                      -       .IC..A
item/converted                  -       .IC..A
item/reactivated                -       .IC..A
marking                         RIC.UA  R....A
event                           RIC.UA  .....A
party                           RIC.UA  R....A
licence                         RIC.UA  R....A
make                            RICNUA  .....A
calibre                         RICNUA  .....A
firearmmodel                    RICNUA  .....A
custody-case                    .IC.UA  .IC..A
custody-depot                   .IC.UA  .IC..A
custody-depot-location          .IC.UA  .IC..A
custody-facility                .IC.UA  .IC..A
custody-movement                .IC.UA  .IC..A
custody-stocktake               .IC.UA  .IC..A
custody-disposal                .IC.UA  .IC..A
transfers-authorization         RIC.UA  R....A
transfers-authorization/ship    -       R.C..A
transfers-shipment              RIC.UA  R.C..A
transfers-broker                RIC.UA  R....A
tracing-search                  .I..UA  .....A
tracing-report                  .I..UA  .....A
tracing-request                 .I..UA  .I...A
monitoring-iafq                 ...NUA  .....A
monitoring-sdg                  ...NUA  .....A
monitoring-hotspot              ...NUA  .....A
monitoring-dataset              ...NUA  .....A
screening-consignment           .IC.UA  ..C..A
screening-xray-label            .IC.UA  ..C..A
screening-xray-image            .IC.UA  ..C..A
access-log                      ....UA  .....A
exchange-thread                 RICNUA  RIC..A
exchange-digest-case            RICNUA  RIC..A
alert                           RICNUA  RICNUA
osint-document                  .I.NUA  .I.N.A
osint-record                    .I.NUA  .I.N.A
osint-incident                  .I.NUA  .....A
"""


def _roles(mask):
    assert len(mask) == 6, mask
    return {ROLE_LETTERS[c] for c in mask if c != "."}


def _table(text):
    rows = {}
    for line in text.strip().splitlines():
        name, *masks = line.split()
        rows[name] = [None if m == "-" else _roles(m) for m in masks]
    return rows


PAGE_TABLE = {name: masks[0] for name, masks in _table(PAGES).items()}
API_TABLE = _table(API)


def page_params(w):
    """Example path parameters of each page that has some, from the `world` fixture."""
    item, seized, request = {"pk": w.item.pk}, {"pk": w.seized.pk}, {"pk": w.request.pk}
    return {
        **dict.fromkeys(["registry:item-detail", "registry:item-transfer", "registry:item-missing",
                         "registry:item-custody", "registry:item-marking", "registry:item-recover",
                         "registry:item-correct", "registry:item-convert", "registry:item-reactivate",
                         "tracing:trace-report",
                         "tracing:trace-report-json", "tracing:trace-report-pdf", "tracing:request-for-item",
                         "federation:check-item"], item),
        **dict.fromkeys(["registry:party-detail", "registry:licence-create", "registry:party-edit"], {"pk": w.alice.pk}),
        "registry:licence-edit": {"pk": w.alice.licences.first().pk},
        "custody:case": {"pk": w.case.pk},
        **dict.fromkeys(["custody:item-move", "custody:item-dispose"], seized),
        **dict.fromkeys(["custody:depot", "custody:stocktake-create"], {"pk": w.depot.pk}),
        "custody:stocktake": {"pk": w.stocktake.pk},
        **dict.fromkeys(["transfers:authorization", "transfers:shipment-create"], {"pk": w.authorization.pk}),
        "transfers:shipment-receipt": {"pk": w.shipment.pk},
        **dict.fromkeys(["tracing:request-detail", "tracing:request-edit", "tracing:request-print",
                         "tracing:request-export", "tracing:answer-export", "tracing:request-pdf",
                         "federation:send-request"], request),
        "tracing:request-action": {**request, "action": "send"},
        "monitoring:iafq-download": {"year": 2023, "fmt": "csv"},
        "monitoring:sdg-download": {"fmt": "csv"},
        "monitoring:portal-dataset": {"pk": w.dataset.pk},
        "monitoring:portal-country": {"pk": w.dataset.pk, "iso3": "KEN"},
        **dict.fromkeys(["screening:consignment", "screening:inspect", "screening:xray-upload"], {"pk": w.consignment.pk}),
        "screening:rule": {"rule_id": "arms_heading"},
        **dict.fromkeys(["screening:xray", "screening:xray-file"], {"pk": w.xray_image.pk}),
        "registry:verification-status": {"pk": 1},
        **dict.fromkeys(["exchange:thread", "exchange:thread-reply", "exchange:thread-members"], {"pk": w.thread.pk}),
        "exchange:message-edit": {"pk": w.message.pk},
        "exchange:attachment": {"pk": w.attachment.pk},
        "exchange:digest-case": {"pk": w.digest_case.pk},
        **dict.fromkeys(["alerts:detail", "alerts:acknowledge", "alerts:resolve"], {"pk": 1}),
        "api-root": {"format": ".json"},
        **dict.fromkeys(["osint:record", "osint:incident", "osint:review-record"], {"pk": 1}),
        "osint:review-field": {"pk": 1, "key": "date"},
    }


def admin_params(admin):
    """Parameters of the Django admin site's pages, by name: the administrator's own user and authenticator."""
    from django.contrib.contenttypes.models import ContentType

    return {"object_id": admin.pk, "id": admin.pk, "pk": admin.totp_device.pk, "app_label": "auth",
            "content_type_id": ContentType.objects.get_for_model(admin).pk, "url": "nothing/"}


def _fill(pattern_text, params):
    """A concrete path for a route or regex pattern, with its parameters filled in."""
    def value(match):
        name = match.group("name")
        assert name in params, f"no example value for <{name}> in {pattern_text!r}: add one to page_params()"
        return str(params[name])

    text = re.sub(r"\(\?P<(?P<name>\w+)>[^)]*\)", value, pattern_text)  # regex groups
    text = re.sub(r"<(?:[^>:]+:)?(?P<name>[^>]+)>", value, text)  # route converters
    return text.replace("^", "").replace("$", "").replace("\\.", ".").replace("/?", "/")


def walk_pages(patterns=None, prefix="", namespaces=()):
    """(view name, path pattern text) of every page of the project; router viewsets are left to the API part."""
    for p in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(p, URLResolver):
            yield from walk_pages(p.url_patterns, prefix + str(p.pattern), namespaces + ((p.namespace,) if p.namespace else ()))
        elif isinstance(p, URLPattern):
            view_class = getattr(p.callback, "cls", None)
            if isinstance(view_class, type) and issubclass(view_class, ViewSetMixin):
                continue
            yield ":".join((*namespaces, p.name or p.lookup_str)), prefix + str(p.pattern)


def _table_key(name):
    namespace = name.split(":")[0] if ":" in name else None
    if name in PAGE_TABLE or name in PUBLIC_PAGES or name in LOGIN_STEP_PAGES:
        return name
    return f"{namespace}:*" if namespace and f"{namespace}:*" in PAGE_TABLE else None


def _refused(response):
    """Refused by the policy (not by a view of its own, as the admin site does for read-only models)."""
    return response.status_code == 403 and (b'id="forbidden"' in response.content or
                                            response.get("Content-Type", "").startswith("application/json"))


def _sent_to_login(response):
    return response.status_code in (401, 403) or (
        response.status_code == 302 and response["Location"].startswith("/login/"))


def _allowed(response, two_factor_step=False):
    location = response.get("Location", "") if response.status_code == 302 else ""
    sent_back = ("/login/",) if two_factor_step else ("/login/", "/accounts/two-factor")
    return response.status_code != 401 and not _refused(response) and not location.startswith(sent_back)


def test_every_page_allows_exactly_the_roles_of_the_table(clients, world, role_users):
    params, admin = page_params(world), admin_params(role_users["administrator"])
    walked = list(walk_pages())
    names = {name for name, _ in walked}
    unknown = sorted(name for name in names if _table_key(name) is None)
    assert not unknown, f"pages missing from accounts/policy.py and from this test's tables: {unknown}"
    not_in_policy = sorted(n for n in names if n not in policy.URL_CAPABILITIES and n not in policy.API_CAPABILITIES
                           and f"{n.split(':')[0]}:*" not in policy.URL_CAPABILITIES)
    assert not not_in_policy, f"pages missing from policy.URL_CAPABILITIES: {not_in_policy}"
    assert set(PAGE_TABLE) - {_table_key(n) for n in names} == set(), "rows of PAGES that match no page"

    wrong = []
    for name, pattern_text in walked:
        key = _table_key(name)
        path = "/" + _fill(pattern_text, admin if key == "admin:*" else params.get(name, {}))
        for who, client in clients.items():
            response = client.get(path)
            if key in PUBLIC_PAGES:
                ok = _allowed(response)
            elif who == "anonymous":
                ok = _sent_to_login(response)
            elif key in LOGIN_STEP_PAGES:
                ok = _allowed(response, two_factor_step=True)
            elif who == "norole":
                ok = _refused(response)
            else:
                ok = _allowed(response) if who in PAGE_TABLE[key] else _refused(response)
            if not ok:
                wrong.append(f"{who:13} GET {path} ({name}) -> {response.status_code} {response.get('Location', '')}")
    assert not wrong, "\n".join(wrong)


def _api_operations(world):
    """(basename, action, method, path) of every operation in the OpenAPI schema, path filled with a real id."""
    objects = {"item": world.item, "marking": world.item.markings.first(), "event": world.item.events.first(),
               "party": world.alice, "licence": world.alice.licences.first(), "custody-case": world.case,
               "custody-depot": world.depot, "custody-depot-location": world.depot.locations.first(),
               "custody-stocktake": world.stocktake, "transfers-authorization": world.authorization,
               "transfers-shipment": world.shipment, "tracing-report": world.item, "tracing-request": world.request,
               "monitoring-dataset": world.dataset, "screening-consignment": world.consignment,
               "screening-xray-image": world.xray_image, "screening-xray-label": world.xray_label,
               "exchange-thread": world.thread, "exchange-digest-case": world.digest_case}
    schema = SchemaGenerator().get_schema(request=None, public=True)
    for path, operations in schema["paths"].items():
        match = resolve(re.sub(r"\{\w+\}", "1", path))
        basename = match.func.initkwargs.get("basename")
        obj = objects.get(basename)
        lookup = "seq" if basename == "event" else "pk"
        real_path = re.sub(r"\{\w+\}", str(getattr(obj, lookup, 1)) if obj is not None else "1", path)
        for method in operations:
            if method in ("get", "post", "put", "patch", "delete"):
                yield basename, match.func.actions.get(method), method, real_path


def test_every_api_endpoint_allows_exactly_the_roles_of_the_table(clients, world):
    from armstrace.api import router

    operations = list(_api_operations(world))
    registered = {basename for _prefix, _viewset, basename in router.registry}
    assert registered == {b for b, *_ in operations}, "an API resource is missing from the OpenAPI schema"
    assert registered <= set(API_TABLE), f"API resources missing from this test's table: {sorted(registered - set(API_TABLE))}"
    assert registered <= set(policy.API_CAPABILITIES), \
        f"API resources missing from policy.API_CAPABILITIES: {sorted(registered - set(policy.API_CAPABILITIES))}"

    wrong = []
    for basename, action, method, path in operations:
        safe = method == "get"
        expected = API_TABLE[basename][0] if safe else (
            API_TABLE.get(f"{basename}/{action}", [None, None])[1] or API_TABLE[basename][1])
        for who, client in clients.items():
            response = client.generic(method.upper(), path, b"" if safe else b"{}", content_type="application/json")
            if who == "anonymous":
                ok = response.status_code == 401
            elif who == "norole":
                ok = response.status_code == 403
            else:
                ok = _allowed(response) if who in expected else response.status_code == 403
            if not ok:
                wrong.append(f"{who:13} {method.upper()} {path} ({basename}/{action}) -> {response.status_code}")
    assert not wrong, "\n".join(wrong)
