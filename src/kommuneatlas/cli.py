"""The ``kommuneatlas`` command line: extract, validate, build, serve, cite."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from .errors import KommuneatlasError

REFERENCE = Path("reference") / "kommuner.yaml"


def _extract(args: argparse.Namespace) -> int:
    from .extraction import run_extract
    from .kommuner import load_kommuner

    data: Path = args.data
    report = run_extract(args.sources, data, load_kommuner(data / REFERENCE))
    for path in report.written:
        print(f"skrevet: {path}")
    for path, conflicts in report.conflicts.items():
        for conflict in conflicts:
            print(f"{path}: konflikt: {conflict}", file=sys.stderr)
    for path in report.kept:
        print(f"{path}: kilden giver ikke længere denne post; filen er redigeret og bevares", file=sys.stderr)
    for note in report.notes:
        print(f"bemærkning: {note}", file=sys.stderr)
    print(
        f"{len(report.written)} filer skrevet, {report.unchanged} uændrede, {len(report.removed)} fjernet, "
        f"{sum(len(c) for c in report.conflicts.values())} konflikter",
        file=sys.stderr,
    )
    return 0


def _validate(args: argparse.Namespace) -> int:
    from .validate import validate_data

    notes: list[str] = []
    problems = validate_data(args.data, sources=args.sources or args.data / "sources", notes=notes)
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
    from .build import build_site

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
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="kommuneatlas", description=__doc__)
    sub = root.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="kildedokumenter → YAML under data/")
    p.add_argument("--sources", type=Path, default=Path("data/sources"))
    p.add_argument("--data", type=Path, default=Path("data"))
    p.set_defaults(func=_extract)

    p = sub.add_parser("validate", help="tjek YAML-data (skema, id'er, henvisninger) og kildedokumenterne")
    p.add_argument("--data", type=Path, default=Path("data"))
    p.add_argument("--sources", type=Path, default=None, help="kildedokumenter (standard: DATA/sources)")
    p.set_defaults(func=_validate)

    p = sub.add_parser("build", help="byg sitet: valider, render, MkDocs, API, søgeindeks")
    p.add_argument("--data", type=Path, default=Path("data"))
    p.add_argument("--site", type=Path, default=Path("site"))
    p.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    p.add_argument("--no-search", action="store_true", help="spring søgeindekset over")
    p.set_defaults(func=_build)

    p = sub.add_parser("serve", help="live-forhåndsvisning på 127.0.0.1")
    p.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    p.add_argument("--port", type=int, default=8000)
    p.set_defaults(func=_serve)

    p = sub.add_parser("cite", help="find lovhenvisninger i tekst på stdin (én JSON-linje pr. henvisning)")
    p.add_argument("--laws", type=Path, default=Path("data/laws.yaml"))
    p.set_defaults(func=_cite)

    p = sub.add_parser(
        "synth", help="skriv et syntetisk kildekorpus, N gange det medfølgende (til benchmarks)"
    )
    p.add_argument("--scale", type=_positive, required=True, help="antal kopier af det medfølgende korpus")
    p.add_argument(
        "--out", type=Path, required=True, help="datamappe: OUT/sources/, OUT/reference/, OUT/laws.yaml"
    )
    p.add_argument("--seed", type=int, default=0)
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
    except Exception as exc:
        if os.environ.get("KOMMUNEATLAS_DEBUG"):
            raise
        print(f"intern fejl: {type(exc).__name__}: {exc}", file=sys.stderr)
        print("Kør igen med KOMMUNEATLAS_DEBUG=1 for at se detaljerne, og meld fejlen.", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
