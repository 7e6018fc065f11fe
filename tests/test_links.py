"""Every internal link and anchor of the built site resolves (issue 9).

A crawler over the HTML files of the built site (no browser, no network): every ``href`` and
``src`` that stays on the site must name a file, and every ``#fragment`` an ``id`` on the target
page. Links to other sites are allowed for navigation (``<a href>``) but never as a resource the
browser would load (stylesheet, script, image, font, frame …). Links into the published site
(canonical, ``og:url``) and the "Rediger" links into the repository are checked as well.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

from site_quality import REPO, repo_url, site_prefix, site_url

pytest_plugins = ["browser_support"]  # the site_dir fixture

# Attributes that make the browser fetch something, by element; everything else is navigation.
RESOURCE_ATTRS: dict[str, tuple[str, ...]] = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "frame": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "audio": ("src",),
    "video": ("src", "poster"),
    "track": ("src",),
    "input": ("src",),
    "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"),
}
LINK_ATTRS: dict[str, tuple[str, ...]] = {"a": ("href",), "area": ("href",), "form": ("action",)}
# <link rel=…> values that are not fetched by the page (they only describe it).
DESCRIPTIVE_RELS = {"canonical", "alternate", "prev", "next", "author", "license", "me", "search"}


@dataclass
class Reference:
    """One URL on a page: where it is, what it is, and whether the browser would fetch it."""

    page: Path
    tag: str
    attr: str
    url: str
    resource: bool


@dataclass
class ParsedPage:
    ids: set[str] = field(default_factory=set)
    references: list[Reference] = field(default_factory=list)


class _Collector(HTMLParser):
    def __init__(self, page: Path) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.result = ParsedPage()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value for name, value in attrs if value is not None}
        if "id" in values:
            self.result.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.result.ids.add(values["name"])
        if tag == "meta" and values.get("property") == "og:url" and "content" in values:
            self._add(tag, "content", values["content"], resource=False)
        if tag == "link" and "href" in values:
            rels = set(values.get("rel", "").lower().split())
            self._add(tag, "href", values["href"], resource=not rels <= DESCRIPTIVE_RELS)
        for attr in LINK_ATTRS.get(tag, ()):
            if attr in values:
                self._add(tag, attr, values[attr], resource=False)
        for attr in RESOURCE_ATTRS.get(tag, ()):
            if attr in values:
                for url in _srcset(values[attr]) if attr == "srcset" else [values[attr]]:
                    self._add(tag, attr, url, resource=True)

    handle_startendtag = handle_starttag

    def _add(self, tag: str, attr: str, url: str, resource: bool) -> None:
        self.result.references.append(Reference(self.page, tag, attr, url.strip(), resource))


def _srcset(value: str) -> list[str]:
    return [part.split()[0] for part in value.split(",") if part.strip()]


@cache
def parse(path: Path) -> ParsedPage:
    collector = _Collector(path)
    collector.feed(path.read_text(encoding="utf-8"))
    collector.close()
    return collector.result


def html_files(site: Path) -> Iterator[Path]:
    """The site's pages (Pagefind's own files are not pages)."""
    for path in sorted(site.rglob("*.html")):
        if "pagefind" not in path.relative_to(site).parts:
            yield path


def page_url(site: Path, path: Path) -> str:
    """The URL path a file is served at, under the site's prefix (``/kommuneatlas/kkr/``)."""
    relative = path.relative_to(site).as_posix()
    if relative == "index.html":
        relative = ""
    elif relative.endswith("/index.html"):
        relative = relative[: -len("index.html")]
    return site_prefix() + relative


def target_file(site: Path, path: str) -> Path | None:
    """The file a URL path under the site's prefix is served from, or ``None``."""
    prefix = site_prefix()
    if not path.startswith(prefix):
        return None
    relative = PurePosixPath(unquote(path[len(prefix) :]))
    if ".." in relative.parts:
        return None
    candidate = site.joinpath(*relative.parts)
    if path.endswith("/") or not relative.parts:
        candidate = candidate / "index.html"
    elif candidate.is_dir():
        candidate = candidate / "index.html"  # GitHub Pages redirects /x to /x/
    return candidate if candidate.is_file() else None


def is_external(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.scheme or parts.netloc) and parts.scheme not in {"data", "blob", "about"}


def problems(site: Path) -> Iterator[str]:
    """Every broken internal link or anchor, and every resource fetched from another site."""
    published = urlsplit(site_url())
    edit_prefix = f"{repo_url()}/edit/main/"
    for page in html_files(site):
        base = page_url(site, page)
        where = f"/{page.relative_to(site).as_posix()}"
        for ref in parse(page).references:
            url = ref.url
            if not url or url.startswith(("mailto:", "tel:", "javascript:", "data:")):
                continue
            if url.startswith(edit_prefix):
                repo_path = urlsplit(url).path.removeprefix(urlsplit(edit_prefix).path)
                if not (REPO / unquote(repo_path)).is_file():
                    yield f"{where}: edit link to a file not in the repository: {url}"
                continue
            parts = urlsplit(url)
            if parts.netloc == published.netloc and parts.path.startswith(published.path):
                url = parts._replace(scheme="", netloc="").geturl() or "/"  # the published site itself
            elif is_external(url):
                if ref.resource:
                    yield f"{where}: <{ref.tag} {ref.attr}> loads from another site: {url}"
                continue
            resolved = urlsplit(urljoin(base, url))
            target = page if not parts.path and not parts.query else target_file(site, resolved.path)
            if target is None:
                yield f"{where}: <{ref.tag} {ref.attr}={ref.url!r}> → {resolved.path}: no such file"
                continue
            fragment = unquote(resolved.fragment)
            if fragment and target.suffix == ".html" and fragment not in parse(target).ids:
                yield f"{where}: <{ref.tag} {ref.attr}={ref.url!r}>: no id {fragment!r} on {target.relative_to(site)}"


def test_no_broken_internal_links_or_anchors(site_dir: Path) -> None:
    pages = list(html_files(site_dir))
    assert len(pages) > 100, "the built site looks empty"
    found = list(problems(site_dir))
    assert not found, f"{len(found)} broken links:\n" + "\n".join(found[:60])


def test_crawler_catches_broken_links(tmp_path: Path) -> None:
    """The crawler itself: a broken page, a missing anchor and an external script are reported."""
    prefix = site_prefix()
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        '<p id="top"><a href="a/">ok</a> <a href="a/#here">ok</a> <a href="#top">ok</a>'
        ' <a href="b/">broken</a> <a href="a/#gone">broken anchor</a>'
        f' <a href="{prefix}a/">ok</a> <a href="/elsewhere/">broken</a>'
        ' <a href="https://example.org/">fine</a>'
        ' <script src="https://cdn.example.org/x.js"></script>'
        ' <link rel="canonical" href="https://example.org/"></p>',
        encoding="utf-8",
    )
    (tmp_path / "a" / "index.html").write_text('<h1 id="here">A</h1><a href="../">up</a>', encoding="utf-8")
    parse.cache_clear()
    found = list(problems(tmp_path))
    parse.cache_clear()
    assert len(found) == 4, found
    assert any("b/" in p and "no such file" in p for p in found)
    assert any("'gone'" in p for p in found)
    assert any("/elsewhere/" in p for p in found)
    assert any("cdn.example.org" in p and "another site" in p for p in found)
