"""Response headers that Django's SecurityMiddleware does not send (issue 18, part 6).

* Content-Security-Policy: scripts, styles, fonts and connections from this site only (the package's own static
  files; no inline script, style or event handler), images also as data: URIs (the API docs' icons), no plugins,
  no framing, forms posted to this site only.
* Strict-Transport-Security when the site is served over HTTPS (ARMSTRACE_SECURE_COOKIES=1), sent on every response
  since a TLS proxy in front forwards plain HTTP (browsers ignore it over http://).
* No Server header (gunicorn's is dropped by `armstrace serve`, see registry/management/commands/serve.py).
"""

from django.conf import settings

CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "font-src 'self'",
    "connect-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
])


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        seconds = getattr(settings, "ARMSTRACE_HSTS_SECONDS", 0)
        if seconds:
            response.setdefault("Strict-Transport-Security", f"max-age={seconds}; includeSubDomains")
        if "Server" in response:
            del response["Server"]
        return response
