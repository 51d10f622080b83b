from django.urls import path

from armstrace.monitoring import views

app_name = "monitoring"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("iafq/<int:year>.<str:fmt>", views.iafq_download, name="iafq-download"),
    path("sdg-16-4-2.<str:fmt>", views.sdg_download, name="sdg-download"),
    path("hotspots/", views.hotspot_list, name="hotspots"),
    path("flows/", views.flow_view, name="flows"),
    path("portal/<int:pk>/", views.portal_dataset, name="portal-dataset"),
    path("portal/<int:pk>/<str:iso3>/", views.portal_country, name="portal-country"),
]
