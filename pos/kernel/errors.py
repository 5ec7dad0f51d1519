"""The two kinds of error: a UserError is shown to the person at the till and changes
nothing; anything else is a bug, logged with its traceback."""


class UserError(Exception):
    """A refusal the user can act on: bad input, a rule of the store, a missing device.

    The message is written for the cashier or manager, not for a developer.
    """

    def __init__(self, message: str, *, details: list[str] | None = None):
        super().__init__(message)
        self.message = message
        self.details = list(details or [])

    def __str__(self) -> str:
        if not self.details:
            return self.message
        return self.message + "\n" + "\n".join(self.details)


class SchemaTooNew(UserError):
    """The database was migrated by a newer version of Tickbox POS than this one."""
