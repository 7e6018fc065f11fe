"""Playwright support for browser tests: a local server for a site folder, Debian's Chromium, a request log.

Use the pieces directly (context managers, as the benchmarks do) or as pytest fixtures by
registering this module in a test module::

    pytest_plugins = ["browser_support"]

    @pytest.mark.browser
    def test_front_page(page: Page, site_url: str, requests: RequestLog) -> None:
        page.goto(site_url)
        assert requests.external() == []

Fixtures: ``chromium`` (session; skips when /usr/bin/chromium is missing), ``site_dir`` and
``site_url`` (session; the repository's site built by ``built_site`` in conftest.py, or the
folder in ``$KOMMUNEATLAS_TEST_SITE``, served on 127.0.0.1), and per test a fresh ``page``
with its ``requests`` log. Requests to any
other origin than the local server are recorded and then aborted, so a test never waits
on the network and a privacy test can assert that there were none.
"""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, Request, Route, sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]


class _QuietHandler(SimpleHTTPRequestHandler):
    """Serves files without logging each request; sends no caching headers (every run is cold)."""

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _PrefixHandler(_QuietHandler):
    """Serves the folder under a URL prefix such as ``/kommuneatlas/`` (a project site's sub-path)."""

    prefix = "/"

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "\0missing")  # answered with 404
        return super().translate_path("/" + path[len(self.prefix) :])


@contextmanager
def serve_directory(root: Path, prefix: str = "/") -> Iterator[str]:
    """Serve ``root`` on 127.0.0.1 (a free port) in a thread; yields the base URL, ending in ``prefix``."""
    if not prefix.startswith("/") or not prefix.endswith("/"):
        raise ValueError(f"prefix must start and end with '/': {prefix!r}")
    handler = type("Handler", (_PrefixHandler,), {"prefix": prefix})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@dataclass
class Fetch:
    """One request the page made, and the body size of its response (``None`` if it got none)."""

    url: str
    method: str
    resource_type: str
    status: int | None = None
    body_bytes: int | None = None


@dataclass
class RequestLog:
    """Every request a page makes, in order. Attach with :meth:`attach` before navigating."""

    origin: str
    fetches: list[Fetch] = field(default_factory=list)

    def attach(self, page: Page) -> None:
        """Record the page's requests; abort those that leave ``origin`` (after recording them)."""
        page.on("request", self._on_request)
        page.on("requestfinished", self._on_finished)
        page.context.route("**/*", self._route)

    def _route(self, route: Route) -> None:
        if self.is_local(route.request.url):
            route.continue_()
        else:
            route.abort("blockedbyclient")

    def _on_request(self, request: Request) -> None:
        self.fetches.append(Fetch(request.url, request.method, request.resource_type))

    def _on_finished(self, request: Request) -> None:
        response = request.response()
        for fetch in reversed(self.fetches):
            if fetch.url == request.url and fetch.status is None:
                fetch.status = response.status if response else None
                fetch.body_bytes = request.sizes()["responseBodySize"]
                break

    def is_local(self, url: str) -> bool:
        parts = urlsplit(url)
        return parts.scheme in {"data", "blob", "about"} or f"{parts.scheme}://{parts.netloc}" == self.origin

    def urls(self) -> list[str]:
        return [fetch.url for fetch in self.fetches]

    def external(self) -> list[str]:
        """URLs of requests to any other origin than the local server (a privacy test wants none)."""
        return [fetch.url for fetch in self.fetches if not self.is_local(fetch.url)]

    def failed(self) -> list[Fetch]:
        """Local requests answered with an error status (a broken asset link)."""
        return [f for f in self.fetches if self.is_local(f.url) and f.status is not None and f.status >= 400]

    def mark(self) -> int:
        """A position in the log, to look only at what happened after it (see :meth:`since`)."""
        return len(self.fetches)

    def since(self, mark: int) -> list[Fetch]:
        return self.fetches[mark:]


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@contextmanager
def launch_chromium() -> Iterator[Browser]:
    """Debian's Chromium, headless, through Playwright (``playwright install`` is not needed)."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def open_page(browser: Browser, base_url: str) -> Iterator[tuple[Page, RequestLog]]:
    """A fresh browser context (Danish locale, empty cache) and page, with its request log attached."""
    context = browser.new_context(locale="da-DK", service_workers="block")
    page = context.new_page()
    log = RequestLog(origin_of(base_url))
    log.attach(page)
    try:
        yield page, log
    finally:
        context.close()


# -- pytest fixtures (register with ``pytest_plugins = ["browser_support"]``) ---------------------------
@pytest.fixture(scope="session")
def chromium() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} not found: browser tests need Debian's chromium package")
    with launch_chromium() as browser:
        yield browser


@pytest.fixture(scope="session")
def site_dir(request: pytest.FixtureRequest) -> Path:
    """The site under test: ``$KOMMUNEATLAS_TEST_SITE`` if set (a site built beforehand), else ``built_site``."""
    prebuilt = os.environ.get("KOMMUNEATLAS_TEST_SITE")
    return Path(prebuilt) if prebuilt else request.getfixturevalue("built_site")


@pytest.fixture(scope="session")
def site_url(site_dir: Path) -> Iterator[str]:
    """The site under test, served on 127.0.0.1; the URL ends in ``/``."""
    with serve_directory(site_dir) as url:
        yield url


@pytest.fixture
def _page_and_log(chromium: Browser, site_url: str) -> Iterator[tuple[Page, RequestLog]]:
    with open_page(chromium, site_url) as pair:
        yield pair


@pytest.fixture
def page(_page_and_log: tuple[Page, RequestLog]) -> Page:
    return _page_and_log[0]


@pytest.fixture
def requests(_page_and_log: tuple[Page, RequestLog]) -> RequestLog:
    return _page_and_log[1]
