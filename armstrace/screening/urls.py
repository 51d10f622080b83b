from django.urls import path

from armstrace.screening import views

app_name = "screening"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("consignments/<int:pk>/", views.consignment_detail, name="consignment"),
    path("consignments/<int:pk>/inspect/", views.inspect, name="inspect"),
]
