"""The errors of every service: a broken rule, and a concurrent change."""


class RuleViolation(Exception):
    """A command broke a rule. `code` is stable for API clients; `field` names the input at fault."""

    def __init__(self, code, message, field=None):
        super().__init__(message)
        self.code, self.message, self.field = code, message, field


class Conflict(RuleViolation):
    """The item changed since the caller read it."""
