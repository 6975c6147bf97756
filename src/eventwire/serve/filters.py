"""The filters every dashboard page takes, read from and written back to the URL,
and the periods of its time axes.

A filter that cannot be read raises FilterError naming it (the page answers 400).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlencode

from ..corpus.query import EventFilter
from ..model import MODALITIES

# The periods a dashboard time axis offers (`query`'s series also group by year).
DASHBOARD_PERIODS = ("day", "week", "month")
LEVELS = ("country", "code")


class FilterError(ValueError):
    """A filter in the URL that cannot be read (the message names it)."""



def date_param(name: str, value: str | None) -> dt.date | None:
    """The date of URL parameter `name`; None when absent, FilterError when unreadable."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise FilterError(f"{name}={value!r} is not a date (YYYY-MM-DD)") from None


@dataclass(frozen=True)
class Filters:
    """The filters every page takes, read from and written back to the URL.

    `modality` None means every modality; by default only asserted events count
    (an event series counts what happened, not what was denied or planned)."""
    since: dt.date | None = None
    until: dt.date | None = None
    root: str | None = None
    quad: int | None = None
    modality: tuple[str, ...] | None = ("asserted",)
    min_conf: float | None = None
    by: str | None = None  # period of time series; None picks one from the date range

    @classmethod
    def from_params(cls, params: Mapping) -> "Filters":
        get = params.get
        root = (get("root") or "").strip() or None
        if root is not None:
            if not root.isdigit() or not 1 <= int(root) <= 20:
                raise FilterError(f"root={root!r} is not a CAMEO root (01-20)")
            root = f"{int(root):02d}"
        quad = (get("quad") or "").strip() or None
        if quad is not None:
            if quad not in ("1", "2", "3", "4"):
                raise FilterError(f"quad={quad!r} is not a quad class (1-4)")
            quad = int(quad)
        values = params.getlist("modality") if hasattr(params, "getlist") else [get("modality")]
        values = [v for v in values if v]
        if not values:
            modality = ("asserted",)
        elif "all" in values:
            modality = None
        else:
            bad = [v for v in values if v not in MODALITIES]
            if bad:
                raise FilterError(f"modality={bad[0]!r} is not one of {', '.join(MODALITIES)} or all")
            modality = tuple(m for m in MODALITIES if m in values)
        conf = (get("min_conf") or "").strip() or None
        if conf is not None:
            try:
                conf = float(conf)
            except ValueError:
                raise FilterError(f"min_conf={conf!r} is not a number between 0 and 1") from None
            if not 0 <= conf <= 1:
                raise FilterError(f"min_conf={conf!r} is not a number between 0 and 1")
            conf = conf or None
        by = (get("by") or "").strip() or None
        if by is not None and by not in DASHBOARD_PERIODS:
            raise FilterError(f"by={by!r} is not one of {', '.join(DASHBOARD_PERIODS)}")
        since, until = date_param("since", get("since")), date_param("until", get("until"))
        if since and until and since > until:
            raise FilterError(f"since={since} is after until={until}")
        return cls(since=since, until=until, root=root, quad=quad, modality=modality, min_conf=conf, by=by)

    def params(self) -> list[tuple[str, str]]:
        """URL parameters that rebuild these filters (defaults left out)."""
        out = []
        if self.since:
            out.append(("since", self.since.isoformat()))
        if self.until:
            out.append(("until", self.until.isoformat()))
        if self.root:
            out.append(("root", self.root))
        if self.quad:
            out.append(("quad", str(self.quad)))
        if self.modality is None:
            out.append(("modality", "all"))
        elif self.modality != ("asserted",):
            out.extend(("modality", m) for m in self.modality)
        if self.min_conf:
            out.append(("min_conf", f"{self.min_conf:g}"))
        if self.by:
            out.append(("by", self.by))
        return out

    def link(self, path: str, **extra) -> str:
        """A URL of `path` that keeps these filters, with `extra` parameters added (None dropped)."""
        overrides = {k: v for k, v in extra.items()}
        params = [(k, v) for k, v in self.params() if k not in overrides]
        for k, v in overrides.items():
            if v is None:
                continue
            params.extend((k, str(x)) for x in (v if isinstance(v, (list, tuple)) else [v]))
        return path + ("?" + urlencode(params) if params else "")

    def where(self) -> tuple[str, list]:
        """SQL condition of these filters over the dashboard's event table, with its parameters.
        (Actors are matched by the Dashboard, which resolves them once.)"""
        f = EventFilter(root=self.root, quad_class=self.quad, since=self.since, until=self.until, modality=None)
        sql, params = f.where()
        if self.modality:  # placeholders, not a list parameter: DuckDB compares constants faster
            sql += f" AND modality IN ({', '.join('?' * len(self.modality))})"
            params.extend(self.modality)
        if self.min_conf:
            sql += " AND confidence >= ?"
            params.append(self.min_conf)
        return sql, params


def period_bounds(start: dt.date, by: str) -> tuple[dt.date, dt.date]:
    """First and last day of the period that starts on `start`."""
    if by == "day":
        return start, start
    if by == "week":
        return start, start + dt.timedelta(days=6)
    nxt = dt.date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return start, nxt - dt.timedelta(days=1)


def period_range(first: dt.date, last: dt.date, by: str) -> list[dt.date]:
    """Every period start from `first` to `last` (a sparkline shows the empty ones as zero)."""
    out, p = [], first
    while p <= last:
        out.append(p)
        p = period_bounds(p, by)[1] + dt.timedelta(days=1)
    return out


def choose_period(first: dt.date | None, last: dt.date | None) -> str:
    if not first or not last:
        return "month"
    days = (last - first).days
    return "day" if days <= 45 else "week" if days <= 400 else "month"
