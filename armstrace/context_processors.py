from armstrace.profile import get_profile
from armstrace.registry.extensions import nav_links


def country_profile(request):
    return {"country_profile": get_profile(), "nav_links": nav_links(request.user) if request.user.is_authenticated else []}
