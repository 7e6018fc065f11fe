"""The one place Kommuneatlas touches MkDocs: hand over generated pages and files, set edit links.

Generated pages are finished HTML under a front matter (:class:`kommuneatlas.site.render.page.Page`):
MkDocs reads their front matter as for any page, but their body bypasses Markdown (it is set
aside in ``on_page_markdown`` and put back as the page's content in ``on_page_content``),
together with their table of contents.
"""

from __future__ import annotations

import html
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

from jinja2 import FileSystemBytecodeCache
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils.meta import get_data

from ..citations import Citation, LawCatalogue, annotate_markdown, markdown_citations
from ..citations.report import report_lines
from ..citations.targets import link_target
from ..model.urls import relative
from ..store.atomic import write_text_atomic
from .api import serialise
from .phases import BuildInputs, build_content
from .render.headings import TocEntry

log = get_plugin_logger(__name__)
_ANCHOR = re.compile(r'\bid="([^"]+)"')


class KommuneatlasConfig(Config):
    data_dir = c.Type(str, default="data")
    templates_dir = c.Type(str, default="templates")
    edit_base = c.Type(str, default="edit/main/")  # repo_url + this + data/… is a YAML file's edit link


class KommuneatlasPlugin(BasePlugin[KommuneatlasConfig]):
    """Adds the pages rendered from ``data/`` to the build (see :mod:`kommuneatlas.site.phases`)."""

    def __init__(self) -> None:
        self.catalogue: LawCatalogue | None = None  # for the references in hand-written pages
        self.content: dict[str, tuple[str, list[Citation]]] = {}  # page URL → (Markdown, its references)
        self.tocs: dict[str, tuple[TocEntry, ...]] = {}  # generated page's src_uri → its headings
        self.bodies: dict[str, str] = {}  # generated page's src_uri → its HTML, between the two events
        self.page_cache: Path | None = None  # see on_startup

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """In a dirty-reloading preview the generated pages are files, rewritten only when they change.

        MkDocs' dirty build re-renders a page only when its source file is newer than its HTML;
        pages handed over in memory would all count as changed. So an edit to one YAML file
        re-renders the few pages that show it, not the whole site.
        """
        if command == "serve" and dirty:
            self.page_cache = Path(tempfile.mkdtemp(prefix="kommuneatlas-pages-"))
            self.page_cache.with_suffix(".jinja").mkdir()

    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        """In the preview, the theme's compiled templates are kept between builds (MkDocs makes a
        new environment for every build, and compiling Material's templates takes a second)."""
        if self.page_cache is not None:
            env.bytecode_cache = FileSystemBytecodeCache(str(self.page_cache.with_suffix(".jinja")))
        return env

    def on_shutdown(self) -> None:
        if self.page_cache is not None:
            shutil.rmtree(self.page_cache, ignore_errors=True)
            shutil.rmtree(self.page_cache.with_suffix(".jinja"), ignore_errors=True)

    def _generated_file(self, config: MkDocsConfig, src_path: str, content: str) -> File:
        if self.page_cache is None:
            return File.generated(config, src_path, content=content)
        path = self.page_cache / src_path
        if not path.is_file() or path.read_text(encoding="utf-8") != content:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_text_atomic(path, content)
        return File.generated(config, src_path, abs_src_path=str(path))

    def _root(self, config: MkDocsConfig) -> Path:
        return Path(config.config_file_path).resolve().parent

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        root = self._root(config)
        content = {}
        for file in files.documentation_pages():
            markdown, meta = get_data(file.content_string)
            content[file.url] = (str(meta.get("title") or file.name), markdown)
        generated = build_content(
            BuildInputs(
                root / self.config.data_dir,
                root / self.config.templates_dir,
                repo_root=root,
                repo_url=config.repo_url,
                site_url=config.site_url,
                content=content,
            )
        )
        ctx, data_files = generated.context, generated.data_files
        self.catalogue = ctx.catalogue
        self.content = ctx.backlinks.content
        self.tocs = {page.src_path: page.toc for page in generated.pages}
        for page in generated.pages:
            files.append(self._generated_file(config, page.src_path, page.source))
        for path, text in {**serialise(data_files.api), **data_files.files}.items():
            files.append(File.generated(config, path, content=text))
        for path, source in data_files.copies.items():
            files.append(File.generated(config, path, abs_src_path=str(source)))
        log.info("%d sider dannet fra %s", len(generated.pages), self.config.data_dir)
        for line in report_lines(ctx.backlinks.unknown_laws, Path(self.config.data_dir) / "laws.yaml"):
            log.info("%s", line)
        for network in ctx.dataset.all("networks"):
            for note in network.get("notes") or []:
                log.info("uoverensstemmelse i kilden, netværk %s: %s", network["number"], note)
        return files

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Legal references in hand-written pages become links (generated pages link their own).

        Material prints the front matter's title and description into the HTML unescaped
        (in ``<title>``, the header and ``<meta content="…">``); they come from YAML, so they
        are escaped here, once, for every page.
        """
        for key in ("title", "description"):
            if isinstance(page.meta.get(key), str):
                page.meta[key] = html.escape(page.meta[key], quote=True)
        if page.file.src_uri in self.tocs:
            self.bodies[page.file.src_uri] = markdown
            if self.page_cache is None:
                page.file.content_string = ""  # read: the page's only copy is now its body
            return ""
        if self.catalogue is None:
            return markdown

        def href(citation: Citation) -> str | None:
            target = link_target(citation)
            return relative(target, page.url) if target else None

        source, found = self.content.get(page.url, (None, []))
        if source != markdown:  # not the text collected (or not collected): find its references now
            found = markdown_citations(markdown, self.catalogue)
        return annotate_markdown(markdown, found, href)

    def on_page_content(self, html_: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        body = self.bodies.pop(page.file.src_uri, None)
        if body is None:
            return html_
        page.toc = get_toc([_toc_token(entry) for entry in self.tocs[page.file.src_uri]])
        page.present_anchor_ids = set(_ANCHOR.findall(body))  # for MkDocs' check of links to anchors
        return body

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        """A written page's content is not needed again: a build of tens of thousands of pages
        would otherwise hold all of them in memory until the end."""
        if page.file.src_uri in self.tocs:
            page.content = None
        return output

    def on_page_context(
        self, context: dict[str, Any], /, *, page: Page, config: MkDocsConfig, nav: Any
    ) -> dict[str, Any]:
        edit_path = page.meta.get("edit_path")
        if edit_path and config.repo_url:
            page.edit_url = f"{config.repo_url.rstrip('/')}/{self.config.edit_base.strip('/')}/{edit_path}"
        elif page.file.generated_by:
            page.edit_url = None
        return context


def _toc_token(entry: TocEntry) -> Any:
    """MkDocs' form of a table-of-contents entry (its ``name`` is HTML)."""
    return {
        "level": entry.level,
        "id": entry.id,
        "name": html.escape(entry.name),
        "children": [_toc_token(child) for child in entry.children],
    }
