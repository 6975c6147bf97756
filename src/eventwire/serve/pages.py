"""What each dashboard page shows: from the URL's parameters and filters to the
data its template renders. A builder raises FilterError for a parameter it
cannot read; None means the page's object does not exist (404)."""
from __future__ import annotations

from . import charts
from .filters import LEVELS, FilterError, Filters, date_param
from .queries import Dashboard


def overview(dash: Dashboard, q, f: Filters) -> dict | None:
    data = dash.overview(f)
    return {"data": data, "spec": charts.timeline(data["timeline"], data["by"])}


def dyad(dash: Dashboard, q, f: Filters) -> dict | None:
    a, b = (q.get("a") or "").strip(), (q.get("b") or "").strip()
    if not a or not b:
        return {"data": None, "a": a, "b": b}
    at = date_param("at", q.get("at"))
    data = dash.dyad(a, b, f, at=at, page=_page(q))
    return {"data": data, "a": a, "b": b, "spec": charts.dyad(data)}


def actor(dash: Dashboard, q, f: Filters) -> dict | None:
    term = (q.get("a") or "").strip()
    if not term:
        return {"data": None, "term": term}
    data = dash.actor(term, f)
    return {"data": data, "term": term, "spec": charts.partners(data, term)}


def network(dash: Dashboard, q, f: Filters) -> dict | None:
    level = q.get("level") or "country"
    if level not in LEVELS:
        raise FilterError(f"level={level!r} is not one of {', '.join(LEVELS)}")
    data = dash.network(f, level=level)
    return {"data": data, "level": level, "spec": charts.network(data)}


def events(dash: Dashboard, q, f: Filters) -> dict | None:
    actor = (q.get("actor") or "").strip() or None
    return {"data": dash.events(f, actor=actor, page=_page(q)), "actor": actor}


def event(dash: Dashboard, q, f: Filters) -> dict | None:
    h, e = q.get("h"), q.get("e")
    if not h or not e:
        raise FilterError("an event needs h (article hash) and e (event id)")
    data = dash.event(h, e, f)
    return None if data is None else {"data": data}


# path, template, builder
PAGES = [
    ("/", "overview.html", overview),
    ("/dyad", "dyad.html", dyad),
    ("/actor", "actor.html", actor),
    ("/network", "network.html", network),
    ("/events", "events.html", events),
    ("/event", "event.html", event),
]


def _page(q) -> int:
    v = q.get("page") or "0"
    if not v.isdigit():
        raise FilterError(f"page={v!r} is not a page number")
    return int(v)
