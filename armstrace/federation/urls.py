from django.urls import path

from armstrace.federation import views

app_name = "federation"
urlpatterns = [
    path("inbox/", views.inbox, name="inbox"),
]
