from django.urls import path

from armstrace.registry import audit_views, method_views, views

app_name = "registry"

urlpatterns = [
    path("search/", views.search, name="search"),
    path("items/", views.item_list, name="item-list"),
    path("items/new/", views.register_item, name="item-register"),
    path("items/<int:pk>/", views.item_detail, name="item-detail"),
    path("items/<int:pk>/transfer/", views.transfer, name="item-transfer"),
    path("items/<int:pk>/missing/", views.report_missing, name="item-missing"),
    path("items/<int:pk>/custody/", views.custody, name="item-custody"),
    path("items/<int:pk>/marking/", views.add_marking, name="item-marking"),
    path("items/<int:pk>/recover/", views.recover, name="item-recover"),
    path("items/<int:pk>/correct/", views.correct, name="item-correct"),
    path("items/<int:pk>/converted/", method_views.convert, name="item-convert"),
    path("items/<int:pk>/reactivated/", method_views.reactivate, name="item-reactivate"),
    path("holders/", views.party_list, name="party-list"),
    path("holders/new/", views.party_create, name="party-create"),
    path("holders/pick/", views.party_picker, name="party-picker"),
    path("holders/<int:pk>/", views.party_detail, name="party-detail"),
    path("holders/<int:pk>/edit/", views.party_edit, name="party-edit"),
    path("holders/<int:pk>/licence/", views.licence_create, name="licence-create"),
    path("licences/<int:pk>/edit/", views.licence_edit, name="licence-edit"),
    path("events/", audit_views.event_log, name="event-log"),
    path("events/verifications/", audit_views.verifications, name="verifications"),
    path("events/verifications/start/", audit_views.verify_start, name="verify-start"),
    path("events/verifications/<int:pk>/", audit_views.verification_status, name="verification-status"),
]
