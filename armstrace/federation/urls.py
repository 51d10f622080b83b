from django.urls import path

from armstrace.federation import views

app_name = "federation"
urlpatterns = [
    path("inbox/", views.inbox, name="inbox"),
    path("", views.overview, name="overview"),
    path("verify/", views.verify, name="verify"),
    path("requests/<int:pk>/", views.request_exchange, name="send-request"),
    path("items/<int:pk>/check/", views.check_item, name="check-item"),
]
