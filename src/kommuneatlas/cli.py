"""``kommuneatlas``: kildedokumenter → YAML → website (add, extract, validate, build, serve, cite, synth)."""

from __future__ import annotations

import argparse
import errno
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from .cli_parser import DanishArgumentParser
from .errors import KommuneatlasError

if TYPE_CHECKING:
    from .model.upgrade import Change

REFERENCE = Path("reference") / "kommuner.yaml"
UPGRADES_SHOWN = 3  # conversions to ids listed per file by `extract`; the rest are counted
_OS_ERRORS = {
    errno.ENOENT: "findes ikke",
    errno.EACCES: "adgang nægtet",
    errno.EPERM: "adgang nægtet",
    errno.ENOSPC: "der er ikke mere plads på disken",
    errno.EISDIR: "er en mappe, ikke en fil",
    errno.ENOTDIR: "er ikke en mappe",
    errno.EROFS: "filsystemet er skrivebeskyttet",
}


def _extract(args: argparse.Namespace) -> int:
    from .extract.run import run_extract
    from .sources.reference import load_kommuner

    data: Path = args.data
    report = run_extract(args.sources, data, load_kommuner(data / REFERENCE))
    for path, changes in _by_file(report.upgraded).items():
        shown = "; ".join(str(change) for change in changes[:UPGRADES_SHOWN])
        more = f"; … ({len(changes)} i alt)" if len(changes) > UPGRADES_SHOWN else ""
        print(f"opdateret til id'er: {path}: {shown}{more}")
    for path in report.written:
        print(f"skrevet: {path}")
    for path, conflicts in report.conflicts.items():
        for conflict in conflicts:
            print(f"{path}: konflikt: {conflict}", file=sys.stderr)
    for path in report.kept:
        print(f"{path}: kilden giver ikke længere denne post; filen er redigeret og bevares", file=sys.stderr)
    for note in report.notes:
        print(f"bemærkning: {note}", file=sys.stderr)
    for problem in report.problems:
        print(f"fejl: {problem}", file=sys.stderr)
    for document, problems in report.failed.items():
        for problem in problems:
            print(f"fejl: {problem}", file=sys.stderr)
        print(
            f"fejl: dokumentet {document!r} er sprunget over; de data, det gav sidst, er bevaret uændret "
            "(et dokument uden egen udtrækker kan tages med som kind: document)",
            file=sys.stderr,
        )
    print(
        f"{len(report.written)} filer skrevet, {report.unchanged} uændrede, {len(report.removed)} fjernet, "
        f"{sum(len(c) for c in report.conflicts.values())} konflikter"
        + (
            f", {len(report.failed)} dokumenter sprunget over ({len(report.preserved)} filer bevaret)"
            if report.failed
            else ""
        ),
        file=sys.stderr,
    )
    return 1 if report.failed or report.problems else 0


def _by_file(changes: list[Change]) -> dict[Path, list[Change]]:
    """The conversions of references to ids in ``data/<kind>/`` (not ``data/.base/``), by file."""
    from .store.merge import BASE_DIR

    grouped: dict[Path, list[Change]] = {}
    for change in changes:
        if BASE_DIR not in change.path.parts:
            grouped.setdefault(change.path, []).append(change)
    return grouped


def _add(args: argparse.Namespace) -> int:
    from .sources.add import AddOptions, add_documents
    from .sources.reference import load_kommuner

    options = AddOptions(
        kind=args.kind, id=args.id, title=args.title, publisher=args.publisher, date=args.date
    )
    added = add_documents(args.paths, args.data, load_kommuner(args.data / REFERENCE), options)
    sources = args.data / "sources"
    for item in added:
        if item.unchanged:
            print(f"uændret: {item.path} er allerede tilføjet som {item.id!r}")
        else:
            files = ", ".join(str(sources / name) for name in item.files)
            pages = f", {item.pages} {'side' if item.pages == 1 else 'sider'}" if item.pages else ""
            print(f"tilføjet: {item.path} → {files} ({item.line_count} linjer{pages})")
            print(f"  id:      {item.id}" + ("" if args.id else " (dannet af udgiver, år og titel)"))
            if item.detected is None:
                print(f"  type:    {item.entry['kind']} (angivet med --kind)")
            else:
                print(f"  type:    {item.detected.doc_type} (fundet: {item.detected.explain()})")
            for key, label, given, found in (
                ("title", "titel", args.title, item.metadata.title if item.metadata else None),
                ("publisher", "udgiver", args.publisher, item.metadata.publisher if item.metadata else None),
                ("date", "dato", args.date, item.metadata.date if item.metadata else None),
            ):
                origin = "angivet" if given is not None else (found.origin() if found else "")
                value = item.entry.get(key)
                print(f"  {label + ':':<8} {value if value is not None else '(ingen)'} ({origin})")
        for warning in item.warnings:
            print(f"advarsel: {item.path}: {warning}", file=sys.stderr)
    if any(not item.unchanged for item in added):
        print(
            f"Tjek felterne i {sources / 'manifest.yaml'}, og kør derefter: kommuneatlas extract",
            file=sys.stderr,
        )
    return 0


def _validate(args: argparse.Namespace) -> int:
    from .extract.check import check_sources
    from .model.validate import validate_data

    notes: list[str] = []
    problems = validate_data(args.data, notes=notes)
    if args.data.is_dir():  # a missing data folder is the one problem reported
        problems += check_sources(args.sources or args.data / "sources")
    for note in notes:
        print(note, file=sys.stderr)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} fejl i {args.data}", file=sys.stderr)
        return 1
    print(f"{args.data}: ingen fejl", file=sys.stderr)
    return 0


def _build(args: argparse.Namespace) -> int:
    from .site.build import build_site

    build_site(args.data, args.site, config_file=args.config, search=not args.no_search)
    return 0


def _serve(args: argparse.Namespace) -> int:
    import logging

    from mkdocs.commands.serve import serve

    logging.basicConfig(level=logging.INFO, format="%(levelname)s: %(message)s")
    # Dirty reload: an edit re-renders only the pages whose content changed (see mkdocs_plugin).
    # Not strict, as MkDocs warns about every dirty build; `kommuneatlas build` is strict.
    serve(
        str(args.config),
        dev_addr=f"127.0.0.1:{args.port}",
        livereload=True,
        build_type="dirty",
        strict=False,
    )
    return 0


def _cite(args: argparse.Namespace) -> int:
    from .citations import load_catalogue, run_cite

    return run_cite(sys.stdin, sys.stdout, load_catalogue(args.laws))


def _synth(args: argparse.Namespace) -> int:
    from .synth import write_corpus

    corpus = write_corpus(args.out, args.scale, data=args.data, seed=args.seed)
    counts = ", ".join(f"{n} {kind}" for kind, n in sorted(corpus.counts.items()))
    print(f"{args.out}: {len(corpus.documents)} kildedokumenter ({counts})", file=sys.stderr)
    print(
        f"næste skridt: kommuneatlas extract --sources {args.out / 'sources'} --data {args.out}",
        file=sys.stderr,
    )
    return 0


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"forventede et helt tal, fandt {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"skal være mindst 1, fandt {value}")
    return value


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"forventede en dato som ÅÅÅÅ-MM-DD, fandt {text!r}") from None


def _kind(text: str) -> str:
    from .sources.document_types import DOCUMENT_TYPES

    if text not in DOCUMENT_TYPES:
        raise argparse.ArgumentTypeError(
            f"ukendt type {text!r} (kendte typer: {', '.join(sorted(DOCUMENT_TYPES))})"
        )
    return text


def parser() -> argparse.ArgumentParser:
    root = DanishArgumentParser(prog="kommuneatlas", description=__doc__)
    sub = root.add_subparsers(dest="command", required=True, title="kommandoer", metavar="KOMMANDO")

    p = sub.add_parser(
        "add",
        help="tilføj kildedokumenter (PDF eller tekst) til data/sources/ og manifestet",
        description="Kopierer hver fil til DATA/sources/, udtrækker teksten af en PDF, genkender type, "
        "titel, udgiver og dato og tilføjer dokumentet til manifest.yaml.",
    )
    p.add_argument("paths", type=Path, nargs="+", metavar="FIL", help="PDF- eller tekstfil(er)")
    p.add_argument("--data", type=Path, default=Path("data"), help="datamappe (standard: data)")
    p.add_argument("--kind", type=_kind, help="dokumenttype (standard: genkendes af teksten)")
    p.add_argument("--id", help="dokumentets id (standard: dannes af udgiver, år og titel)")
    p.add_argument("--title", help="titel (standard: genkendes af teksten)")
    p.add_argument("--publisher", help="udgiver (standard: genkendes af teksten)")
    p.add_argument(
        "--date", type=_iso_date, metavar="ÅÅÅÅ-MM-DD", help="dato (standard: genkendes af teksten)"
    )
    p.set_defaults(func=_add)

    p = sub.add_parser("extract", help="kildedokumenter → YAML under data/")
    p.add_argument(
        "--sources", type=Path, default=Path("data/sources"), help="kildedokumenter (standard: data/sources)"
    )
    p.add_argument("--data", type=Path, default=Path("data"), help="datamappe (standard: data)")
    p.set_defaults(func=_extract)

    p = sub.add_parser("validate", help="tjek YAML-data (skema, id'er, henvisninger) og kildedokumenterne")
    p.add_argument("--data", type=Path, default=Path("data"), help="datamappe (standard: data)")
    p.add_argument("--sources", type=Path, default=None, help="kildedokumenter (standard: DATA/sources)")
    p.set_defaults(func=_validate)

    p = sub.add_parser("build", help="byg sitet: valider, render, MkDocs, API, søgeindeks")
    p.add_argument("--data", type=Path, default=Path("data"), help="datamappe (standard: data)")
    p.add_argument("--site", type=Path, default=Path("site"), help="hvor sitet skrives (standard: site)")
    p.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="MkDocs-konfiguration")
    p.add_argument("--no-search", action="store_true", help="spring søgeindekset over")
    p.set_defaults(func=_build)

    p = sub.add_parser("serve", help="live-forhåndsvisning på 127.0.0.1")
    p.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="MkDocs-konfiguration")
    p.add_argument("--port", type=_positive, default=8000, help="port (standard: 8000)")
    p.set_defaults(func=_serve)

    p = sub.add_parser("cite", help="find lovhenvisninger i tekst på stdin (én JSON-linje pr. henvisning)")
    p.add_argument(
        "--laws", type=Path, default=Path("data/laws.yaml"), help="lovkatalog (standard: data/laws.yaml)"
    )
    p.set_defaults(func=_cite)

    p = sub.add_parser(
        "synth", help="skriv et syntetisk kildekorpus, N gange det medfølgende (til benchmarks)"
    )
    p.add_argument("--scale", type=_positive, required=True, help="antal kopier af det medfølgende korpus")
    p.add_argument(
        "--out", type=Path, required=True, help="datamappe: OUT/sources/, OUT/reference/, OUT/laws.yaml"
    )
    p.add_argument("--seed", type=int, default=0, help="startværdi for tilfældighederne (standard: 0)")
    p.add_argument(
        "--data", type=Path, default=Path("data"), help="hvorfra kommunelisten og lovkataloget kopieres"
    )
    p.set_defaults(func=_synth)
    return root


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.func(args))
    except KommuneatlasError as exc:
        for problem in exc.problems:
            print(f"fejl: {problem}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except OSError as exc:
        if os.environ.get("KOMMUNEATLAS_DEBUG"):
            raise
        reason = _OS_ERRORS.get(exc.errno or 0, exc.strerror or str(exc))
        print(f"fejl: {exc.filename or 'kommuneatlas'}: {reason}", file=sys.stderr)
        return 1
    except Exception as exc:
        if os.environ.get("KOMMUNEATLAS_DEBUG"):
            raise
        print(f"intern fejl: {type(exc).__name__}: {exc}", file=sys.stderr)
        print("Kør igen med KOMMUNEATLAS_DEBUG=1 for at se detaljerne, og meld fejlen.", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
