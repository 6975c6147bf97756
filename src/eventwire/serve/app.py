"""The dashboard's ASGI app: server-rendered pages over a read-only store.

Every page is rendered by Jinja with autoescaping on, so article titles, texts
and actor names (which come from the web) reach the browser as text, never as
markup. Chart data travels as `<script type="application/json">` blocks (Jinja's
`tojson` escapes <, > and & as \\u003c ...) that static/app.js reads with
JSON.parse; the Content-Security-Policy header allows scripts from this server
only, so neither an inline script nor an inline event handler can run, and
Vega evaluates its expressions with vega-interpreter instead of `new Function`.
Every route answers GET (and HEAD) only: nothing writes.
"""
from __future__ import annotations

import functools
from pathlib import Path
from urllib.parse import urlencode

import duckdb
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from .filters import DASHBOARD_PERIODS, LEVELS, MODALITIES, FilterError, Filters
from .pages import PAGES
from .present import cameo_names, quad_names
from .queries import Dashboard

HERE = Path(__file__).parent

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'; object-src 'none'")
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


class SecurityHeaders:
    """ASGI middleware: the same security headers on every HTTP response."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message = {**message, "headers": list(message.get("headers", []))
                           + [(k, v) for k, v in HEADERS if k not in names]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def host_name(header: str) -> str:
    """The name in a Host header, without its port ("[::1]:8000" -> "::1")."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class AllowedHosts:
    """ASGI middleware: answers only requests whose Host is one of `names` (400 otherwise).
    (Starlette's TrustedHostMiddleware cuts "[::1]:8000" at its first colon.)"""

    def __init__(self, app, names: list[str]):
        self.app = app
        self.names = {n.lower() for n in names}

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http":
            host = next((v.decode("latin-1") for k, v in scope["headers"] if k == b"host"), "")
            if host_name(host) not in self.names:
                return await PlainTextResponse("Invalid host header", status_code=400)(scope, receive, send)
        await self.app(scope, receive, send)


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"),
                      autoescape=select_autoescape(["html"], default_for_string=True, default=True))
    env.globals.update(MODALITIES=MODALITIES, QUADS=quad_names(), PERIODS=DASHBOARD_PERIODS, LEVELS=LEVELS,
                       ROOTS=[(c, n) for c, n in cameo_names().items() if len(c) == 2])
    return env


def create_app(con: duckdb.DuckDBPyConnection, *, name: str = "store",
               allowed_hosts: list[str] | None = None) -> Starlette:
    """The dashboard over an open (read-only) store connection; `name` is shown in the header."""
    dash = Dashboard(con)
    env = _environment()

    def render(request: Request, template: str, status: int = 200, **context) -> HTMLResponse:
        def pager(n: int) -> str:  # this page's URL showing page n of its event list
            params = [(k, v) for k, v in request.query_params.multi_items() if k != "page"]
            return request.url.path + "?" + urlencode(params + ([("page", str(n))] if n else [])) + "#events"

        html = env.get_template(template).render(request=request, store_name=name, path=request.url.path,
                                                 pager=pager, **context)
        return HTMLResponse(html, status_code=status)

    def page(template: str, build):
        """A GET endpoint: read the filters, build the page's data, render; a bad filter is a 400 page."""

        def endpoint(request: Request) -> HTMLResponse:
            q = request.query_params
            try:
                f = Filters.from_params(q)
                context = build(q, f)
            except FilterError as e:
                return render(request, "error.html", status=400, message=str(e), f=Filters(), q=q)
            if context is None:
                return render(request, "error.html", status=404, message="no such event", f=f, q=q)
            return render(request, template, f=f, q=q, **context)

        return endpoint

    routes = [Route(path, page(template, functools.partial(build, dash)), methods=["GET"])
              for path, template, build in PAGES]
    routes.append(Mount("/static", StaticFiles(directory=HERE / "static"), name="static"))
    middleware = [Middleware(SecurityHeaders)]
    if allowed_hosts:
        middleware.append(Middleware(AllowedHosts, names=allowed_hosts))
    return Starlette(routes=routes, middleware=middleware)

