"""The comparison site: a plain mkdocs-material build of the same Markdown our plugin generates.

``export`` writes every page :func:`kommuneatlas.site.phases.build_content` renders from a data folder
(and the hand-written pages of ``content/``) as ordinary Markdown files, so the plain site has
the same number of pages with the same text. ``write_config`` gives it the stock Material theme,
our Markdown extensions and navigation, and MkDocs' default plugins (the built-in search) —
none of ours: no YAML, no validation, no citations, no Jinja, no Pagefind.

Run as a script to export (the benchmark does this in a subprocess, untimed)::

    python benchmarks/baseline.py DATA DOCS
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

REPO = Path(__file__).resolve().parents[1]


def export(data: Path, docs: Path) -> int:
    """Write the generated pages and ``content/*.md`` under ``docs``; the number of pages."""
    from kommuneatlas.site.phases import BuildInputs, build_content

    generated = build_content(BuildInputs(data.resolve(), REPO / "templates"))
    for page in generated.pages:
        target = docs / page.src_path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.source, encoding="utf-8")
    for source in (REPO / "content").glob("*.md"):
        shutil.copyfile(source, docs / source.name)
    return len(generated.pages) + len(list((REPO / "content").glob("*.md")))


def write_config(docs: Path, site: Path, config: Path) -> None:
    """A plain Material configuration for ``docs`` with our extensions and navigation."""
    yaml = YAML(typ="safe")
    ours: dict[str, Any] = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    plain = {
        "site_name": "Sammenligning",
        "docs_dir": str(docs.resolve()),
        "site_dir": str(site.resolve()),
        "theme": {"name": "material", "language": "da", "font": False},
        "markdown_extensions": ours["markdown_extensions"],
        "nav": ours["nav"],
        "validation": ours["validation"],
    }
    with config.open("w", encoding="utf-8") as handle:
        yaml.dump(plain, handle)


if __name__ == "__main__":
    print(export(Path(sys.argv[1]), Path(sys.argv[2])))
