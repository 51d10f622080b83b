from django.urls import path

from armstrace.screening import rule_views, views, xray_views

app_name = "screening"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("consignments/<int:pk>/", views.consignment_detail, name="consignment"),
    path("consignments/<int:pk>/inspect/", views.inspect, name="inspect"),
    path("consignments/<int:pk>/xray/", xray_views.upload, name="xray-upload"),
    path("xray/<int:pk>/", xray_views.annotate, name="xray"),
    path("xray/<int:pk>/file/", xray_views.image_file, name="xray-file"),
    path("xray/coco.json", xray_views.coco_export, name="xray-coco"),
    path("feedback/", rule_views.feedback, name="feedback"),
    path("rules/<slug:rule_id>/", rule_views.rule_detail, name="rule"),
    path("rules-edit/", rule_views.edit_rules, name="rules-edit"),
    path("weights/approve/", rule_views.approve_weights, name="weights-approve"),
]
