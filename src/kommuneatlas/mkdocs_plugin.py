"""The one place Kommuneatlas touches MkDocs: hand over generated pages, set edit links, write the API."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

from .api import serialise
from .citations import Citation, link_markdown
from .generate import Generated, generate
from .references import link_target
from .urls import relative

log = get_plugin_logger(__name__)


class KommuneatlasConfig(Config):
    data_dir = c.Type(str, default="data")
    templates_dir = c.Type(str, default="templates")
    edit_base = c.Type(str, default="edit/main/")  # repo_url + this + data/… is a YAML file's edit link


class KommuneatlasPlugin(BasePlugin[KommuneatlasConfig]):
    """Adds the pages rendered from ``data/`` to the build (see :mod:`kommuneatlas.generate`)."""

    def __init__(self) -> None:
        self.generated: Generated | None = None

    def _root(self, config: MkDocsConfig) -> Path:
        return Path(config.config_file_path).resolve().parent

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        root = self._root(config)
        content = {}
        for file in files.documentation_pages():
            markdown, meta = get_data(file.content_string)
            content[file.url] = (str(meta.get("title") or file.name), markdown)
        self.generated = generate(
            root / self.config.data_dir, root / self.config.templates_dir, repo_root=root, content=content
        )
        for page in self.generated.pages:
            files.append(File.generated(config, page.src_path, content=page.markdown))
        for path, text in serialise(self.generated.api).items():
            files.append(File.generated(config, path, content=text))
        log.info("%d pages generated from %s", len(self.generated.pages), self.config.data_dir)
        for name, count in self.generated.references.unknown_laws.most_common():
            log.info("unknown law name %r (%d references): add it to data/laws.yaml", name, count)
        for network in self.generated.site.all("networks"):
            for note in network.get("notes") or []:
                log.info("source inconsistency, network %s: %s", network["number"], note)
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
        if self.generated is None or page.file.generated_by:
            return markdown

        def href(citation: Citation) -> str | None:
            target = link_target(citation)
            return relative(target, page.url) if target else None

        return link_markdown(markdown, self.generated.catalogue, href)

    def on_page_context(
        self, context: dict[str, Any], /, *, page: Page, config: MkDocsConfig, nav: Any
    ) -> dict[str, Any]:
        edit_path = page.meta.get("edit_path")
        if edit_path and config.repo_url:
            page.edit_url = f"{config.repo_url.rstrip('/')}/{self.config.edit_base.strip('/')}/{edit_path}"
        elif page.file.generated_by:
            page.edit_url = None
        return context
