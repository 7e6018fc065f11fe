"""argparse in Danish: the help's headings, ``-h``, and argparse's own error messages.

argparse writes English (through gettext, with no Danish catalogue); :class:`DanishArgumentParser`
gives its section titles and usage prefix in Danish and translates its error messages by their
form (:data:`ERRORS`), keeping the parts that name arguments and values.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import Any, NoReturn

ERRORS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.DOTALL), danish)
    for pattern, danish in (
        (r"^the following arguments are required: (.*)$", r"følgende argumenter mangler: \1"),
        (r"^unrecognized arguments: (.*)$", r"ukendte argumenter: \1"),
        (
            r"^argument (\S+): invalid choice: (.*?) \(choose from (.*)\)$",
            r"argument \1: ugyldigt valg: \2 (vælg mellem \3)",
        ),
        (r"^argument (\S+): invalid \S+ value: (.*)$", r"argument \1: ugyldig værdi: \2"),
        (r"^argument (\S+): expected one argument$", r"argument \1: kræver én værdi"),
        (r"^argument (\S+): expected at least one argument$", r"argument \1: kræver mindst én værdi"),
        (r"^argument (\S+): expected (.*) arguments?$", r"argument \1: kræver \2 værdier"),
        (r"^argument (\S+): not allowed with argument (.*)$", r"argument \1: kan ikke bruges sammen med \2"),
        (r"^argument (\S+): ignored explicit argument (.*)$", r"argument \1: værdien \2 ignoreres"),
        (r"^ambiguous option: (\S+) could match (.*)$", r"tvetydigt tilvalg: \1 kan betyde \2"),
        (r"^one of the arguments (.*) is required$", r"et af argumenterne \1 skal angives"),
        (r"^argument (\S+): (.*)$", r"argument \1: \2"),
    )
)


def translate_error(message: str) -> str:
    """argparse's English error message in Danish (unknown forms are kept as they are)."""
    for pattern, danish in ERRORS:
        if pattern.match(message):
            return pattern.sub(danish, message)
    return message


class DanishHelpFormatter(argparse.HelpFormatter):
    """Usage lines start "brug:"."""

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "brug: " if prefix is None else prefix)


class DanishArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser whose help and errors are Danish (subcommand parsers are of this class too)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", DanishHelpFormatter)
        add_help = kwargs.pop("add_help", True)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = "argumenter"
        self._optionals.title = "tilvalg"
        if add_help:
            self.add_argument("-h", "--help", action="help", help="vis denne hjælp og afslut")

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fejl: {translate_error(message)}\n")
