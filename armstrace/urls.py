from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from armstrace import api
from armstrace.registry import views as registry_views

handler400 = api.refused_request
handler404 = api.not_found

urlpatterns = [
    path("", registry_views.dashboard, name="dashboard"),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("armstrace.accounts.urls")),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("registry/", include("armstrace.registry.urls")),
    path("custody/", include("armstrace.custody.urls")),
    path("transfers/", include("armstrace.transfers.urls")),
    path("tracing/", include("armstrace.tracing.urls")),
    path("monitoring/", include("armstrace.monitoring.urls")),
    path("screening/", include("armstrace.screening.urls")),
    path("federation/", include("armstrace.federation.urls")),
    path("exchange/", include("armstrace.exchange.urls")),
    path("alerts/", include("armstrace.alerts.urls")),
    path("osint/", include("armstrace.osint.urls")),
    path("admin/", admin.site.urls),
    path("api/", include(api.router.urls)),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # the init script is served from ?script, not inline (Content-Security-Policy)
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema", template_name="api_docs.html"),
         name="api-docs"),
]
