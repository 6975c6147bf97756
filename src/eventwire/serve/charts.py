"""Vega-Lite and Vega specs of the dashboard's charts, built from rows DuckDB aggregated.

The specs carry their data inline (`values`), so the browser draws and never
counts; each mark that stands for events links (`href`) to a page listing them.
"""
from __future__ import annotations

import datetime as dt

from .filters import period_bounds
from .present import quad_names

VL = "https://vega.github.io/schema/vega-lite/v6.json"  # a name only: nothing is fetched
VG = "https://vega.github.io/schema/vega/v6.json"
QUAD_COLORS = ["#74c476", "#238b45", "#fd8d3c", "#d7301f"]
COOPERATION, CONFLICT = "#238b45", "#d7301f"
WIDTH = 760
COUNT_AXIS = {"tickMinStep": 1, "format": "d"}  # counts have no fractions


def _next_day(iso: str) -> str:
    return (dt.date.fromisoformat(iso) + dt.timedelta(days=1)).isoformat()


def _x(by: str) -> dict:
    fmt = {"day": "%d %b %Y", "week": "%d %b %Y", "month": "%b %Y"}[by]
    return {"field": "period", "type": "temporal", "scale": {"type": "utc"}, "title": None,
            "axis": {"format": fmt, "labelOverlap": True}}


def _tip_period(by: str) -> dict:
    return {"field": "period", "type": "nominal", "title": by}


def timeline(rows: list[dict], by: str) -> dict:
    """Events per period, stacked by quad class; a bar links to its events."""
    rows = [{**r, "end": _next_day(_period_end(r["period"], by))} for r in rows]
    labels = [f"{q} {n}" for q, n in quad_names().items()]
    return {
        "$schema": VL, "width": WIDTH, "height": 220, "data": {"values": rows},
        # Bars span their period (x to x2), so Vega-Lite's own stacking does not
        # apply: the stack transform computes each quad class's band.
        "transform": [{"stack": "events", "groupby": ["period"], "sort": [{"field": "quad"}],
                       "as": ["y0", "y1"]}],
        "mark": {"type": "bar", "cursor": "pointer"},
        "encoding": {
            "x": _x(by), "x2": {"field": "end"},
            "y": {"field": "y0", "type": "quantitative", "title": "events", "axis": COUNT_AXIS}, "y2": {"field": "y1"},
            "color": {"field": "quad_label", "type": "nominal", "title": "quad class",
                      "scale": {"domain": labels, "range": QUAD_COLORS}, "legend": {"orient": "top"}},
            "href": {"field": "href"},
            "tooltip": [_tip_period(by), {"field": "quad_label", "title": "quad class"},
                        {"field": "events", "type": "quantitative"}],
        },
    }


def _period_end(iso: str, by: str) -> str:
    return period_bounds(dt.date.fromisoformat(iso), by)[1].isoformat()


def dyad(data: dict) -> dict:
    """Goldstein sum and mean and cooperation/conflict counts per period, each direction apart."""
    by = data["by"]
    rows = [{**r, "end": _next_day(r["end"]), "conflict_neg": -r["conflict"]} for r in data["series"]]
    dirs = data["directions"]
    color = {"field": "direction", "type": "nominal", "title": None,
             "scale": {"domain": dirs, "range": ["#4c78a8", "#e45756"]}, "legend": {"orient": "top"}}
    tips = [_tip_period(by), {"field": "direction"}, {"field": "events", "type": "quantitative"},
            {"field": "goldstein_sum", "title": "Goldstein sum"},
            {"field": "goldstein_mean", "title": "Goldstein mean"},
            {"field": "cooperation"}, {"field": "conflict"}]

    def line(field: str, title: str) -> dict:
        return {
            "width": WIDTH, "height": 150, "title": title,
            "layer": [
                {"mark": {"type": "rule", "color": "#999"}, "encoding": {"y": {"datum": 0}}},
                {"mark": {"type": "line", "point": {"size": 60, "cursor": "pointer"}},
                 "encoding": {"x": _x(by), "y": {"field": field, "type": "quantitative", "title": None},
                              "color": color, "href": {"field": "href"}, "tooltip": tips}},
            ],
        }

    counts = {
        "width": WIDTH, "height": 90, "title": "cooperation (up) and conflict (down), events per period",
        "transform": [{"fold": ["cooperation", "conflict_neg"], "as": ["kind", "n"]},
                      {"filter": "datum.n != 0"}],
        "mark": {"type": "bar", "cursor": "pointer"},
        "encoding": {
            "x": _x(by), "x2": {"field": "end"},
            "y": {"field": "n", "type": "quantitative", "title": None, "axis": COUNT_AXIS}, "y2": {"datum": 0},
            "color": {"field": "kind", "type": "nominal", "title": None,
                      "scale": {"domain": ["cooperation", "conflict_neg"], "range": [COOPERATION, CONFLICT]},
                      "legend": None},
            "row": {"field": "direction", "type": "nominal", "title": None, "sort": dirs},
            "href": {"field": "href"}, "tooltip": tips,
        },
    }
    return {"$schema": VL, "data": {"values": rows}, "vconcat": [
        line("goldstein_sum", "Goldstein sum per period"), line("goldstein_mean", "Goldstein mean per event"),
        counts], "resolve": {"scale": {"color": "independent"}}}


def partners(data: dict, term: str) -> dict:
    """Whom the actor acts on and who acts on it: events with each partner, cooperation against conflict."""
    def side(key: str, title: str) -> dict:
        rows = []
        for p in data["roles"][key]["partners"]:
            for kind, n in (("cooperation", p["cooperation"]), ("conflict", p["conflict"]),
                            ("other", p["events"] - p["cooperation"] - p["conflict"])):
                if n:
                    rows.append({"partner": p["label"], "kind": kind, "n": n, "events": p["events"],
                                 "href": p["href"]})
        return {
            "title": title, "width": 330, "height": {"step": 16}, "data": {"values": rows},
            "mark": {"type": "bar", "cursor": "pointer"},
            "encoding": {
                "y": {"field": "partner", "type": "nominal", "title": None,
                      "sort": {"field": "events", "order": "descending"}},
                "x": {"field": "n", "type": "quantitative", "title": "events", "stack": "zero", "axis": COUNT_AXIS},
                "color": {"field": "kind", "type": "nominal", "title": None,
                          "scale": {"domain": ["cooperation", "conflict", "other"],
                                    "range": [COOPERATION, CONFLICT, "#bbb"]}, "legend": {"orient": "top"}},
                "href": {"field": "href"},
                "tooltip": [{"field": "partner"}, {"field": "kind"}, {"field": "n", "title": "events"}],
            },
        }

    sides = [side(key, title) for key, title in (("source", f"{term} acts on"), ("target", f"acts on {term}"))
             if data["roles"][key]["partners"]]
    return {"$schema": VL, "hconcat": sides}


def network(data: dict) -> dict:
    """Actors as nodes, events as edges: width by count, colour from conflict (red) to cooperation (green)."""
    nodes = [{**n, "tip": {"actor": n["label"], "events": n["events"]}} for n in data["nodes"]]
    links = [{**l, "tip": {"dyad": f"{l['a']} – {l['b']}", "events": l["events"], "cooperation": l["cooperation"],
                           "conflict": l["conflict"], "Goldstein mean": l["goldstein_mean"]}}
             for l in data["links"]]
    return {
        "$schema": VG, "width": WIDTH + 140, "height": 560, "autosize": "none", "padding": 10,
        "signals": [{"name": "cx", "update": "width / 2"}, {"name": "cy", "update": "height / 2"}],
        "data": [{"name": "node-data", "values": nodes,
                  "transform": [{"type": "formula", "as": "tx", "expr": "width / 2"},
                                {"type": "formula", "as": "ty", "expr": "height / 2"}]},
                 {"name": "link-data", "values": links}],
        "scales": [
            {"name": "size", "type": "sqrt", "domain": {"data": "node-data", "field": "events"},
             "range": [80, 1400]},
            {"name": "stroke", "type": "sqrt", "domain": {"data": "link-data", "field": "events"},
             "range": [1.5, 12]},
            {"name": "tone", "type": "linear", "domain": [-1, 0, 1], "range": [CONFLICT, "#b0b0b0", COOPERATION]},
        ],
        "marks": [
            {"name": "nodes", "type": "symbol", "zindex": 1, "from": {"data": "node-data"},
             "encode": {"enter": {"fill": {"value": "#4c78a8"}, "stroke": {"value": "#fff"},
                                  "size": {"scale": "size", "field": "events"}, "href": {"field": "href"},
                                  "tooltip": {"field": "tip"}, "cursor": {"value": "pointer"}}},
             "transform": [{"type": "force", "iterations": 300, "static": True, "forces": [
                 {"force": "center", "x": {"signal": "cx"}, "y": {"signal": "cy"}},
                 # x and y pull unconnected groups back towards the middle (fields tx, ty)
                 {"force": "x", "x": "datum.tx", "strength": 0.03},
                 {"force": "y", "y": "datum.ty", "strength": 0.04},
                 {"force": "collide", "radius": 22},
                 {"force": "nbody", "strength": -160},
                 {"force": "link", "links": "link-data", "distance": 110}]}]},
            {"name": "edges", "type": "path", "from": {"data": "link-data"},
             "encode": {"update": {"stroke": {"scale": "tone", "field": "tone"},
                                   "strokeWidth": {"scale": "stroke", "field": "events"},
                                   "strokeOpacity": {"value": 0.75}, "href": {"field": "href"},
                                   "tooltip": {"field": "tip"}, "cursor": {"value": "pointer"}}},
             "transform": [{"type": "linkpath", "shape": "line", "sourceX": "datum.source.x",
                            "sourceY": "datum.source.y", "targetX": "datum.target.x",
                            "targetY": "datum.target.y"}]},
            {"type": "text", "from": {"data": "nodes"}, "interactive": False, "zindex": 2,
             "encode": {"update": {"x": {"field": "x"}, "y": {"field": "y"}, "dy": {"value": -14},
                                   "text": {"field": "datum.label"}, "align": {"value": "center"},
                                   "fontSize": {"value": 11}, "fill": {"value": "#222"}}}},
        ],
    }
