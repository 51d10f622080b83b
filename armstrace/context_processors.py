from functools import partial

from armstrace.accounts.policy import may_open
from armstrace.core.extensions import nav_links
from armstrace.profile import get_profile


def country_profile(request):
    links = nav_links(partial(may_open, request.user)) if request.user.is_authenticated else []
    return {"country_profile": get_profile(), "nav_links": links}
