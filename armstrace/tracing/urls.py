from django.urls import path

from armstrace.tracing import views

app_name = "tracing"

urlpatterns = [
    path("search/", views.search, name="search"),
    path("items/<int:pk>/report/", views.trace_report, name="trace-report"),
    path("items/<int:pk>/report.json", views.trace_report_json, name="trace-report-json"),
    path("items/<int:pk>/report.pdf", views.trace_report_pdf, name="trace-report-pdf"),
    path("items/<int:pk>/request/", views.request_for_item, name="request-for-item"),
    path("requests/", views.request_list, name="request-list"),
    path("requests/new/", views.request_create, name="request-create"),
    path("requests/import-answer/", views.import_answer_any, name="import-answer"),
    path("requests/<int:pk>/", views.request_detail, name="request-detail"),
    path("requests/<int:pk>/edit/", views.request_edit, name="request-edit"),
    path("requests/<int:pk>/print/", views.request_print, name="request-print"),
    path("requests/<int:pk>/request.pdf", views.request_pdf, name="request-pdf"),
    path("requests/<int:pk>/<str:action>/", views.request_action, name="request-action"),
    path("requests/<int:pk>/export.json", views.request_export, name="request-export"),
    path("requests/<int:pk>/answer.json", views.answer_export, name="answer-export"),
]
