"""The till's sync indicator (issue 21): how this store's link to head office stands, in
the top bar, for everyone at the till, once the database has joined a chain (before
that it is hidden and takes no room):

    ● Synced                               green: nothing waiting to go up
    ● 12 documents waiting                 amber: head office reachable, documents to send
    ● Head office unreachable since 14:05  red: the time in the till's local time
    ● Sync status unknown                  grey: the status could not be read (never a
                                           stale "Synced")

The tooltip says when documents last went up and the last error, in the till's
language. Read through ui.ops (pos.sync.status.store_status), off the GUI thread, every
POLL_MS and after each completed sale; one read at a time, without the "Working…"
banner (the till sells on meanwhile).

It never widens the window: its minimum is the coloured dot alone. Given less room than
its words need it shows a short form ("12 waiting", "Offline 14:05"), then the number
or the time alone, then the dot; the whole text is always in the tooltip."""

from __future__ import annotations

import json
from datetime import datetime

from PySide6.QtCore import QRect, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui import style
from ui.ops import sync as sync_ops

POLL_MS = 15_000
DOT = 10  # the coloured dot's diameter, in pixels
GAP = 6  # between the dot and the words
PAD = 4  # either side
COLOURS = {"ok": style.SUCCESS, "waiting": "#bf8700", "unreachable": style.DANGER,
           "refused": style.DANGER, "unknown": style.MUTED}
INKS = {"ok": style.SUCCESS, "waiting": style.WARNING_INK, "unreachable": style.DANGER,
        "refused": style.DANGER, "unknown": style.MUTED}
# Head office answered and would not take the store's documents: they wait until a head
# office manager looks (a stopped stream) or the versions agree; not a line to wait out.
REFUSALS = frozenset({"hq.stream_stopped", "hq.chain_gap", "hq.chain_broken",
                      "hq.schema_differs", "sync.already_joined", "sync.unknown_store"})


class SyncIndicator(QWidget):
    def __init__(self, till):
        super().__init__(till)
        self.till, self.ops = till, till.ops
        self.tone: str | None = None  # ok | waiting | unreachable | unknown; None: hidden
        self.full_text = self.short_text = self.tiny_text = ""
        self.status = None  # the last StoreSyncStatus read
        self.reading = False
        self.again = False  # asked for while a read ran: one more after it
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.hide()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.refresh)
        self.timer.start(POLL_MS)
        self.refresh()

    # reading ----------------------------------------------------------------------------
    def refresh(self) -> None:
        if self.reading:
            self.again = True
            return
        self.reading = True
        self.ops.run(sync_ops.sync_status(), parent=self.till, busy=False,
                     done=self._answered, refused=self._unreadable,
                     crashed=lambda: self._unreadable(None))

    def _answered(self, status) -> None:
        self.show_status(status)
        self._next()

    def show_status(self, status) -> None:
        """Show a pos.sync.status.StoreSyncStatus (what a read answered)."""
        self.status = status
        if not status.joined:
            self._set(None, "", "", "", "")
        else:
            self._set(*self._describe(status))

    def _unreadable(self, error) -> None:
        """The status could not be read: said so, never the last one kept. A till that
        has not been seen in a chain stays as it was (hidden)."""
        self.status = None
        if self.tone is not None:
            tip = self.tr("The sync status could not be read")
            if error is not None:
                tip += "\n" + _message_text(error)
            self._set("unknown", self.tr("Sync status unknown"), self.tr("Sync ?"), "?", tip)
        self._next()

    def _next(self) -> None:
        self.reading = False
        if self.again:
            self.again = False
            self.refresh()

    def _describe(self, status) -> tuple[str, str, str, str, str]:
        """(tone, text, short text, tiny text, tooltip) for a joined store's status."""
        waiting = int(status.documents_waiting or 0)
        if waiting == 1:
            waiting_text = self.tr("1 document waiting")
        else:
            waiting_text = self.tr("{n} documents waiting").format(n=waiting)
        if status.unreachable_since is not None:
            since = _local_time(status.unreachable_since)
            tone = "unreachable"
            text = self.tr("Head office unreachable since {time}").format(time=since)
            short, tiny = self.tr("Offline {time}").format(time=since), since
        elif getattr(status.last_error, "id", None) in REFUSALS:
            tone, text = "refused", self.tr("Head office refused the documents")
            short, tiny = self.tr("Refused"), "!"
        elif waiting > 0:
            tone, text = "waiting", waiting_text
            short, tiny = self.tr("{n} waiting").format(n=waiting), str(waiting)
        elif getattr(status, "rows_waiting", 0):  # changes that are no document (a count)
            tone, text, short, tiny = ("waiting", self.tr("Changes waiting"),
                                       self.tr("Waiting"), "")
        else:
            tone, text, short, tiny = "ok", self.tr("Synced"), self.tr("Synced"), ""

        lines = [text]
        if tone in ("unreachable", "refused") and waiting:
            lines.append(waiting_text)
        code = getattr(status, "store_code", None)
        if code:
            lines.append(self.tr("Store {code} of the chain").format(code=code))
        if status.last_ok_at is not None:
            lines.append(self.tr("Last sent to head office: {when}").format(
                when=_local_moment(status.last_ok_at)))
        else:
            lines.append(self.tr("Nothing sent to head office yet"))
        error = _message_text(status.last_error)
        if error:
            lines.append(self.tr("Last error: {error}").format(error=error))
        return tone, text, short, tiny, "\n".join(lines)

    # showing ----------------------------------------------------------------------------
    def _set(self, tone: str | None, text: str, short: str, tiny: str, tip: str) -> None:
        changed = (tone, text, short, tiny) != (self.tone, self.full_text, self.short_text,
                                                self.tiny_text)
        self.tone, self.full_text, self.short_text, self.tiny_text = tone, text, short, tiny
        self.setToolTip(tip)
        if changed:
            self.updateGeometry()
            self.update()
        self.setVisible(tone is not None)

    def colour(self) -> QColor:
        return QColor(COLOURS.get(self.tone or "unknown"))

    def ink(self) -> QColor:
        return QColor(INKS.get(self.tone or "unknown"))

    def text(self) -> str:
        return self.full_text

    def _font(self) -> QFont:
        font = QFont(self.font())
        font.setBold(self.tone in ("unreachable", "refused", "unknown"))
        return font

    def _room(self) -> int:
        return self.width() - 2 * PAD - DOT - GAP

    def shown_text(self) -> str:
        """What fits: the words, the short form ("12 waiting"), the number or time alone
        ("12", "14:05"), or nothing (the dot alone)."""
        room = self._room()
        metrics = QFontMetrics(self._font())
        for text in (self.full_text, self.short_text, self.tiny_text):
            if text and metrics.horizontalAdvance(text) <= room:
                return text
        return ""

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        metrics = QFontMetrics(self._font())
        words = metrics.horizontalAdvance(self.full_text) + GAP if self.full_text else 0
        return QSize(2 * PAD + DOT + words + 2, max(metrics.height(), DOT) + 4)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """The dot alone: it never keeps the till from fitting its screen."""
        return QSize(2 * PAD + DOT, self.sizeHint().height())

    def paintEvent(self, _event):  # noqa: N802 - Qt override
        if self.tone is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.colour())
        top = (self.height() - DOT) / 2 + 1  # on the words' middle, not their line's
        painter.drawEllipse(QRectF(PAD, top, DOT, DOT))
        shown = self.shown_text()
        if shown:
            painter.setFont(self._font())
            painter.setPen(self.ink())
            painter.drawText(QRect(PAD + DOT + GAP, 0, self._room(), self.height()),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, shown)
        painter.end()


def _local_time(when: datetime) -> str:
    """HH:MM in the till's local time; with the date (MM-DD) when it was not today."""
    local = when.astimezone()
    if local.date() == datetime.now().astimezone().date():
        return f"{local:%H:%M}"
    return f"{local:%m-%d %H:%M}"


def _local_moment(when: datetime) -> str:
    from ui.i18n import Formats

    local = when.astimezone()
    return Formats.current.moment(local) if Formats.current is not None else \
        f"{local:%Y-%m-%d %H:%M}"


def _message_text(error) -> str:
    """A message in the till's language: a UserError or Message, or as sync_state keeps
    one (JSON: its id and params; or a bare message id)."""
    from pos.kernel.messages import Message

    from ui.messages import refusal_text

    if error is None or error == "":
        return ""
    if isinstance(error, str):
        try:
            kept = json.loads(error)
        except ValueError:
            kept = error
        if isinstance(kept, dict):
            message_id = kept.get("id") or kept.get("message_id") or kept.get("message")
            params = kept.get("params") or {}
            error = Message(str(message_id), params) if message_id else error
        elif isinstance(kept, str):
            error = Message(kept)
    return refusal_text(error)
