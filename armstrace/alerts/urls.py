from django.urls import path

from armstrace.alerts import views

app_name = "alerts"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/acknowledge/", views.acknowledge, name="acknowledge"),
    path("<int:pk>/resolve/", views.resolve, name="resolve"),
]
