"""The two kinds of error: a UserError is shown to the person at the till and changes
nothing; anything else is a bug, logged with its traceback.

A UserError carries a message id from the catalog (pos.kernel.messages) and its values,
never finished English, so the till and the `pos` command can say it in the reader's
language:

    raise UserError("catalog.unknown_code", code=code)
    raise UserError("tender.short", due=due - tendered)          # {due:money}: minor units
    raise UserError("permission.manager_must_approve", action="action.void")  # a phrase: an id

``str(error)`` (and ``error.message``) is the English text, for logs and tests."""

from __future__ import annotations

import errno as errnos
from collections.abc import Iterable
from typing import Any

from pos.kernel.messages import Message, as_message, msg, render


class UserError(Exception):
    """A refusal the user can act on: bad input, a rule of the store, a missing device.

    `message_id` names the message in pos.kernel.messages.CATALOG; `params` are its values
    (amounts as int minor units, names, numbers; phrases as message ids or Messages);
    `details` are sub-messages (Messages), e.g. one per bad line of an imported file.
    """

    def __init__(self, message_id: str, /, *,
                 details: Iterable[Message | UserError | str] | None = None, **params: Any):
        super().__init__(message_id)
        self.message_id = message_id
        self.params = params
        self.details: list[Message] = [as_message(detail) for detail in details or ()]

    def as_message(self) -> Message:
        """The message itself, without its details (to use as another message's value)."""
        return Message(self.message_id, self.params)

    @property
    def message(self) -> str:
        """The message in English."""
        return render(self.as_message())

    def __str__(self) -> str:
        return "\n".join([self.message, *(render(detail) for detail in self.details)])

    def __reduce__(self):
        return (_rebuild, (type(self), self.message_id, self.params, self.details))


def _rebuild(cls, message_id, params, details):
    return cls(message_id, details=details, **params)


class SchemaTooNew(UserError):
    """The database was migrated by a newer version of Tickbox POS than this one."""


_OS_REASONS = {
    errnos.ENOENT: "os.no_such_file",
    errnos.EACCES: "os.permission_denied",
    errnos.EPERM: "os.permission_denied",
    errnos.EISDIR: "os.is_a_directory",
    errnos.ENOTDIR: "os.not_a_directory",
    errnos.ENOSPC: "os.disk_full",
    errnos.EROFS: "os.read_only",
}


def os_reason(exc: OSError) -> Message | str:
    """Why the operating system refused, as a message where the catalog has one (else the
    system's own words)."""
    known = _OS_REASONS.get(exc.errno)
    return msg(known) if known else (exc.strerror or str(exc))
