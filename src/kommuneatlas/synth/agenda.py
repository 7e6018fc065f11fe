"""KKR agendas (kind ``kkr-agenda``): the KL template before the meeting, as :mod:`.minutes`
lays it out without decisions (see :func:`.minutes.write`); :func:`kkr_agenda_and_minutes` gives a
meeting's agenda and its minutes, as an editor adds them one after the other."""

from __future__ import annotations

from .context import Context, Document
from .minutes import compose, write


def kkr_agenda(ctx: Context) -> Document:
    """The agenda of a meeting no other generated document speaks of."""
    return write(compose(ctx), ctx, agenda=True)


def kkr_agenda_and_minutes(ctx: Context) -> tuple[Document, Document]:
    """The agenda and the minutes of the same meeting."""
    meeting = compose(ctx)
    return write(meeting, ctx, agenda=True), write(meeting, ctx)
