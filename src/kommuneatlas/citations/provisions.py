"""URL keys for law and provision pages: ``/love/<law>/<provision>/``."""

from __future__ import annotations

import re

_LAW_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_PROVISION = re.compile(r"^\d{1,4}[a-z]?(?:-\d{0,4}[a-z]?)?$")


def provision_id(law: str, paragraph: str) -> str:
    """The URL slug of the page for § ``paragraph`` of ``law``: "129", "31a", "92-96c".

    ``paragraph`` is a normalised paragraph of a :class:`~.model.Citation` (spaces are
    dropped and letters lower-cased, so "31 A" gives "31a" too). Raises ``ValueError`` for a
    law id that is not a catalogue id or a paragraph that is not a paragraph number.
    """
    if not _LAW_ID.match(law):
        raise ValueError(f"not a law id: {law!r}")
    slug = "".join(paragraph.split()).lower().replace("–", "-")
    if not _PROVISION.match(slug):
        raise ValueError(f"not a paragraph of {law}: {paragraph!r}")
    return slug
