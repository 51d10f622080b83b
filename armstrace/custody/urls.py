from django.urls import path

from armstrace.custody import views

app_name = "custody"

urlpatterns = [
    path("", views.case_list, name="case-list"),
    path("cases/new/", views.case_create, name="case-create"),
    path("cases/<int:pk>/", views.case_detail, name="case"),
    path("items/<int:pk>/move/", views.item_move, name="item-move"),
    path("items/<int:pk>/dispose/", views.item_dispose, name="item-dispose"),
    path("depots/", views.depot_list, name="depot-list"),
    path("depots/new/", views.depot_create, name="depot-create"),
    path("depots/<int:pk>/", views.depot_detail, name="depot"),
    path("depots/<int:pk>/stocktake/", views.stocktake_create, name="stocktake-create"),
    path("stocktakes/<int:pk>/", views.stocktake_detail, name="stocktake"),
    path("facilities/new/", views.facility_create, name="facility-create"),
]
