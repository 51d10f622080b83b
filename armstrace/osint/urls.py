from django.urls import path

from armstrace.osint import views

app_name = "osint"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("documents/", views.documents, name="documents"),
    path("upload/", views.upload, name="upload"),
    path("records/<int:pk>/", views.record_detail, name="record"),
    path("records/<int:pk>/fields/<slug:key>/", views.review_field, name="review-field"),
    path("records/<int:pk>/review/", views.review_record, name="review-record"),
    path("incidents/", views.incidents, name="incidents"),
    path("incidents/<int:pk>/", views.incident_detail, name="incident"),
    path("export.csv", views.export_csv, name="export"),
    path("accuracy/", views.accuracy, name="accuracy"),
    path("labels.jsonl", views.labels, name="labels"),
]
