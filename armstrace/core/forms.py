"""Forms and services: a rule violation shown on the form."""

from armstrace.core.errors import RuleViolation


def run_service(form, call):
    """Run a service command; a rule violation becomes an error on the form (on its field when it names one)."""
    try:
        return call()
    except RuleViolation as exc:
        field = exc.field if exc.field in form.fields else None
        form.add_error(field, exc.message)
        return None
