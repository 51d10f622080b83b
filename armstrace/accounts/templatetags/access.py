"""Template helpers of accounts.policy: `user|may_open:"url-name"` and `{% personal_fields obj as p %}`."""

from django import template

from armstrace.accounts import personal, policy

register = template.Library()


@register.filter
def may_open(user, view_name):
    """Whether `user` may open the page named `view_name`: show a link only when it leads somewhere."""
    return policy.may_open(user, view_name)


@register.filter
def can(user, capability):
    return policy.access_for(user).can(capability)


@register.simple_tag(takes_context=True)
def personal_fields(context, obj, subject="party", only=""):
    """The personal fields of `obj` (a Party, a holder dict, or with subject="case_person" a CasePerson) that the
    user may see; the others are None and listed in `.withheld`. `only`: the fields the page shows, comma-separated
    (default: all). The read of the fields shown is written to the access log."""
    return personal.view_of(context.get("request"), subject, obj, only=[f for f in only.split(",") if f] or None)
