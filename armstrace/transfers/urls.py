from django.urls import path

from armstrace.transfers import views

app_name = "transfers"

urlpatterns = [
    path("", views.authorization_list, name="authorization-list"),
    path("authorizations/new/", views.authorization_create, name="authorization-create"),
    path("authorizations/<int:pk>/", views.authorization_detail, name="authorization"),
    path("authorizations/<int:pk>/ship/", views.shipment_create, name="shipment-create"),
    path("shipments/<int:pk>/receipt/", views.shipment_receipt, name="shipment-receipt"),
    path("brokers/", views.broker_list, name="broker-list"),
    path("brokers/new/", views.broker_create, name="broker-create"),
]
