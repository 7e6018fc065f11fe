"""Law names as keys: the form a title is looked up by, and the id of a law the catalogue lacks.

A title is written in many ways: "Lov om en aktiv socialpolitik" for "Lov om aktiv
socialpolitik", "lov om almene boliger mv." for "Lov om almene boliger m.v.", "Forslag til
lov om …" for the act it becomes, with a "(serviceloven)" after it. :func:`title_key` folds
all of these to one key; :func:`lookup_key`, by which the catalogue is searched, also writes
"m.v." inside a title one way.

**The id of a law not in the catalogue** (:func:`unknown_law_id`) is derived from its name
so that every text that names the law the same way gets the same id, build after build:

* a one-word name ("Forældreansvarsloven", "sygedagpengelovens", "LAB-loven") is lower-cased
  and put in the definite form without genitive: "forældreansvarsloven", "sygedagpengeloven";
* a title ("lov om sikkerhed til søs", "Lov om en aktiv socialpolitik mv.") is reduced to its
  :func:`title_key`: lower case, no "forslag til", no trailing "(…)", no "m.v."/"mv."/"m.m."
  at the end, and no "en"/"et" right after "om";
* the result is made a slug: æ → ae, ø → oe, å → aa, everything else than letters and digits
  becomes "-", at most 80 characters, cut at a word ("lov-om-sikkerhed-til-soes");
* an id that a catalogue law already has gets "-2" appended (the catalogue's ids win).
"""

from __future__ import annotations

import re

from ..text.slugs import slugify

_PARENTHETICAL = re.compile(r"\s*\([^()]*\)\s*$")
_ETC = re.compile(r",? (?:m\.v\.|mv\.?|m\.m\.|mm\.)$")
_ARTICLE = re.compile(r"\bom (?:en|et) ")
_PREFIX = re.compile(r"^(?:forslag til |bekendtgørelse af )")
_BILL = re.compile(r"^lovforslag(?: nr\.?)?(?: l)? ?\d{1,4} om ")
_GENITIVE = re.compile(r"(loven|lovs|bekendtgørelsen|forordningen|direktivet|reglementet)s$")
_INDEFINITE = (("lov", "loven"), ("bekendtgørelse", "bekendtgørelsen"), ("forordning", "forordningen"))


def name_key(name: str) -> str:
    """How a law name (or the text around one) is compared ignoring case: lower case, whitespace
    runs as one space. Unlike :func:`kommuneatlas.text.clean.fold` it keeps accents and letters
    such as "å" ("lånebekendtgørelsen") and the dots of "m.v.": the keys are matched against
    texts that are only lower-cased, where those are spelled out."""
    return " ".join(name.split()).lower()


def title_key(name: str) -> str:
    """The key a title is looked up by (see the module docstring); other names only get
    :func:`name_key`."""
    key = name_key(name)
    key = _PREFIX.sub("", key)
    key = _BILL.sub("lov om ", key)
    while _PARENTHETICAL.search(key):
        key = _PARENTHETICAL.sub("", key)
    key = _ETC.sub("", key)
    return _ARTICLE.sub("om ", key)


_MID_ETC = re.compile(r" (?:m\.v\.|mv\.?|m\.m\.|mm\.)(?= )")


def lookup_key(name: str) -> str:
    """The key the catalogue finds a title by: :func:`title_key`, and "m.v." inside a title
    written one way ("lov om miljøgodkendelse mv. af husdyrbrug" = "… m.v. af …")."""
    return _MID_ETC.sub(" mv.", title_key(name))


def one_word_key(name: str) -> str:
    """A one-word law name in the definite form without genitive: "sygedagpengelovens" →
    "sygedagpengeloven", "Ferielov" → "Ferieloven" (case kept; :func:`law_key` folds it)."""
    word = name
    if _GENITIVE.search(word.lower()):
        word = word[:-1]
    for indefinite, definite in _INDEFINITE:
        if word.lower().endswith(indefinite):
            return word + definite[len(indefinite) :]
    return word


def law_key(name: str) -> str:
    """:func:`one_word_key` for a one-word name, else :func:`title_key`."""
    folded = " ".join(name.split())
    return one_word_key(folded).lower() if " " not in folded else title_key(folded)


def unknown_law_id(name: str, taken: object = ()) -> str:
    """The id of a law the catalogue lacks, from its name as written; ``taken`` holds the
    catalogue's ids (an equal id gets "-2")."""
    law_id = slugify(law_key(name))
    return f"{law_id}-2" if law_id in taken else law_id  # type: ignore[operator]


def display_name(name: str) -> str:
    """A name as written, for a page title: whitespace folded, first letter upper-case."""
    folded = " ".join(name.split())
    return folded[:1].upper() + folded[1:]
