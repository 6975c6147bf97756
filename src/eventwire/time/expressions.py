"""Dates: time expressions in news text, resolved against the publication date.

News conventions: a bare weekday is the most recent such day on or before the
publication date (the same day when published that weekday), or the next one
for future-tense clauses; "last week" is the week before publication
(precision week, dated to its Monday); "earlier this month" is the month.

Does not resolve vague expressions ("recently", "in recent years") and does not
read US numeric dates (10/11/2024) because they are ambiguous.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}


@dataclass(frozen=True, slots=True)
class DateMention:
    span: tuple[int, int]
    text: str
    date: dt.date | None
    precision: str
    relative: bool


def resolve_weekday(weekday: int, published: dt.date, future: bool = False) -> dt.date:
    if future:
        return published + dt.timedelta(days=(weekday - published.weekday()) % 7)
    return published - dt.timedelta(days=(published.weekday() - weekday) % 7)


_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)"
_WEEKDAY = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"


@cache
def _pattern() -> re.Pattern:
    parts = [
        r"(?P<iso>\b\d{4}-\d{2}-\d{2}\b)",
        r"(?<![\w$#.,/-])(?P<yr1>1[89]\d{2}|20\d{2})[-–](?P<yr2>\d{2}|1[89]\d{2}|20\d{2})(?![\w%/-])",
        rf"\b(?P<rel5>(?i:last|next|this))\s+{_MONTH.replace('month', 'month5')}(?!\s+\d)\b",
        r"\b(?P<todpart>(?i:this))\s+(?P<tod>morning|afternoon|evening)\b",
        rf"\b{_MONTH}\s+(?P<md>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<my>\d{{4}})|\s+of\s+(?P<mdrel>(?i:last|next|this))\s+year)?\b",
        rf"\b(?P<dm>\d{{1,2}})\s+{_MONTH.replace('month', 'month2')}(?:,?\s+(?P<dmy>\d{{4}}))?\b",
        rf"\b(?P<rel>(?i:last|next|this))\s+{_WEEKDAY.replace('wd', 'wd2')}\b",
        rf"\b{_WEEKDAY}(?:\s+(?:morning|afternoon|evening|night))?\b",
        r"\b(?P<day>(?i:today|tonight|yesterday|tomorrow))\b",
        r"\b(?P<earlier>(?i:earlier|later))\s+this\s+(?P<eunit>week|month|year)\b",
        r"\b(?P<rel2>(?i:last|next|this|past))\s+(?P<unit>week|month|year)\b",
        r"\b(?P<ago_n>\d+|(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten))\s+(?P<ago_unit>day|week|month|year)s?\s+ago\b",
        r"\b(?P<cent_n>\d{1,2})(?:st|nd|rd|th)\s+(?i:century)\b",
        r"\b(?P<decade>1[0-9]{2}0|20[0-9]0)s\b",
        rf"(?:(?<=\bin )|(?<=\bsince )|(?<=\buntil )|(?<=\bof )|(?<=\bearly )|(?<=\blate )|(?<=\bmid-)|(?<=\bby )){_MONTH.replace('month', 'month3')}(?:\s+(?P<m3y>\d{{4}})|\s+of\s+(?P<m3rel>(?i:next|last|this))\s+year)?\b",
        rf"\b{_MONTH.replace('month', 'month4')}\s+(?P<m4y>\d{{4}})\b",
        r"(?:(?<=\bin )|(?<=\bsince )|(?<=\buntil )|(?<=\bof )|(?<=\bby )|(?<=\bearly )|(?<=\blate ))(?P<year>1[0-9]{3}|20[0-9]{2})\b",
        # a bare year: not an amount ("$2011", "2011 people", "2,011") nor part of a code
        # or a year before a noun after a determiner ("his 2007 campaign", "a 2010 raid")
        r"(?<![\w$#.,/-])(?P<year2>19\d{2}|20[0-3]\d)(?![\w%/-]|[.,]\d|\s+[a-z])",
        r"(?:" + "|".join(rf"(?<=\b{w} )" for w in ("a", "A", "the", "The", "his", "her", "its", "our", "their", "my", "your", "'s", "’s")) + r")(?P<year3>19\d{2}|20[0-3]\d)(?=\s+[a-z])",
    ]
    return re.compile("|".join(parts))


_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10}


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _safe(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _monday(d: dt.date) -> dt.date:
    return d - dt.timedelta(days=d.weekday())


def _shift_month(d: dt.date, n: int) -> dt.date:
    m = d.month - 1 + n
    return dt.date(d.year + m // 12, m % 12 + 1, 1)


def _resolve(m: re.Match, published: dt.date | None, future: bool) -> tuple[dt.date | None, str, bool]:
    g = m.groupdict()
    p = published
    if g["iso"]:
        return _safe(*map(int, g["iso"].split("-"))), "day", False
    if g["yr1"]:
        return dt.date(int(g["yr1"]), 1, 1), "year", False
    if g["month5"]:
        month, rel = _month(g["month5"]), g["rel5"].lower()
        if p is None:
            return None, "month", True
        if rel == "last":
            year = p.year if month < p.month else p.year - 1
        elif rel == "next":
            year = p.year if month > p.month else p.year + 1
        else:
            year = p.year
        return dt.date(year, month, 1), "month", True
    if g["tod"]:
        return p, "day", True
    if g["year2"] or g["year3"]:
        return dt.date(int(g["year2"] or g["year3"]), 1, 1), "year", False
    if g["month"]:
        month, day = _month(g["month"]), int(g["md"])
        if g["my"]:
            return _safe(int(g["my"]), month, day), "day", False
        if g["mdrel"] and p is not None:  # "June 16th of last year"
            return _safe(p.year + {"last": -1, "next": 1, "this": 0}[g["mdrel"].lower()], month, day), "day", True
        return _nearest_day(month, day, p, future), "day", True
    if g["dm"]:
        month, day = _month(g["month2"]), int(g["dm"])
        if g["dmy"]:
            return _safe(int(g["dmy"]), month, day), "day", False
        return _nearest_day(month, day, p, future), "day", True
    if g["wd2"]:
        wd = WEEKDAYS.index(g["wd2"].lower())
        if p is None:
            return None, "day", True
        rel = g["rel"].lower()
        if rel == "last":
            d = resolve_weekday(wd, p - dt.timedelta(days=1))
        elif rel == "next":
            d = resolve_weekday(wd, p + dt.timedelta(days=1), future=True)
        else:
            d = resolve_weekday(wd, p, future)
        return d, "day", True
    if g["wd"]:
        wd = WEEKDAYS.index(g["wd"].lower())
        return (resolve_weekday(wd, p, future) if p else None), "day", True
    if g["day"]:
        offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[g["day"].lower()]
        return (p + dt.timedelta(days=offset) if p else None), "day", True
    if g["earlier"]:
        unit = g["eunit"].lower()
        return (_period(p, unit, 0) if p else None), unit, True
    if g["rel2"]:
        unit = g["unit"].lower()
        shift = {"last": -1, "past": -1, "next": 1, "this": 0}[g["rel2"].lower()]
        return (_period(p, unit, shift) if p else None), unit, True
    if g["ago_n"]:
        n = _NUMBERS.get(g["ago_n"].lower()) or int(g["ago_n"])
        unit = g["ago_unit"].lower()
        if p is None:
            return None, unit, True
        if unit == "day":
            return p - dt.timedelta(days=n), "day", True
        if unit == "week":
            return _monday(p - dt.timedelta(weeks=n)), "week", True
        if unit == "month":
            return _shift_month(p, -n), "month", True
        return dt.date(p.year - n, 1, 1), "year", True
    if g["cent_n"]:
        c = int(g["cent_n"])
        return dt.date(max(1, (c - 1) * 100 + 1), 1, 1), "century", False
    if g["decade"]:
        return dt.date(int(g["decade"]), 1, 1), "decade", False
    if g["month3"] or g["month4"]:
        month = _month(g["month3"] or g["month4"])
        year = g["m3y"] or g["m4y"]
        if year:
            return dt.date(int(year), month, 1), "month", False
        if g["m3rel"] and p is not None:  # "March of next year"
            shift = {"next": 1, "last": -1, "this": 0}[g["m3rel"].lower()]
            return dt.date(p.year + shift, month, 1), "month", True
        y = _year_for(month, p, future)
        return (dt.date(y, month, 1) if y else None), "month", True
    if g["year"]:
        return dt.date(int(g["year"]), 1, 1), "year", False
    return None, "day", True


UPCOMING_DAYS = 90


def _nearest_day(month: int, day: int, published: dt.date | None, future: bool) -> dt.date | None:
    """A month and day named without a year: the latest on or before publication,
    unless the next one is near enough to be an upcoming date ("the Nov. 8
    election" in a September article), or the clause is about the future."""
    if published is None:
        return None
    past = next((d for y in (published.year, published.year - 1)
                 if (d := _safe(y, month, day)) is not None and d <= published), None)
    ahead = next((d for y in (published.year, published.year + 1)
                  if (d := _safe(y, month, day)) is not None and d > published), None)
    if ahead is not None and (future or past is None or (ahead - published).days <= UPCOMING_DAYS):
        return ahead
    return past


def _year_for(month: int, published: dt.date | None, future: bool) -> int | None:
    """The year of a month named without one: the latest on or before
    publication, or the next on or after it in a future clause."""
    if published is None:
        return None
    if future:
        return published.year if month >= published.month else published.year + 1
    return published.year if month <= published.month else published.year - 1


def _period(p: dt.date, unit: str, shift: int) -> dt.date:
    if unit == "week":
        return _monday(p) + dt.timedelta(weeks=shift)
    if unit == "month":
        return _shift_month(p, shift)
    if unit == "day":
        return p + dt.timedelta(days=shift)
    return dt.date(p.year + shift, 1, 1)


_NAME_BEFORE = re.compile(r"\b[A-Z][\w.&-]*\s+$")


def _in_name(text: str, m: re.Match) -> bool:
    """"Russia Today", "USA Today": a capitalized day word inside a name."""
    if not (m.group("day") and m.group(0)[0].isupper()):
        return False
    before = text[max(0, m.start() - 40):m.start()]
    return bool(_NAME_BEFORE.search(before)) and not re.search(r"[.!?\"“”]\s*$", before)


@cache
def _named_dates() -> list[tuple[re.Pattern, dt.date]]:
    """Dates used as names ("9/11", "the Sept. 11 attacks"), data/named_dates.tsv."""
    from ..data import read_tsv

    return [(re.compile(rf"(?<![\w/]){r['pattern']}(?![\w/])"), dt.date.fromisoformat(r["date"]))
            for r in read_tsv("named_dates.tsv")]


def find_dates(text: str, published: dt.date | None, *, future: bool = False) -> list[DateMention]:
    """All time expressions in `text`, resolved against `published`."""
    out = []
    named = [(m.span(), m.group(0), date) for pattern, date in _named_dates() for m in pattern.finditer(text or "")]
    out.extend(DateMention(span, words, date, "day", False) for span, words, date in named)
    for m in _pattern().finditer(text or ""):
        if _in_name(text, m) or any(s <= m.start() < e for (s, e), _, _ in named):
            continue
        date, precision, relative = _resolve(m, published, future)
        if m.group("yr1"):  # "1957-58", "2009-2010": two years
            second = m.group("yr2")
            year2 = int(second) if len(second) == 4 else date.year // 100 * 100 + int(second)
            out.append(DateMention(m.span("yr1"), m.group("yr1"), date, "year", False))
            if year2 > date.year:
                out.append(DateMention(m.span("yr2"), second, dt.date(year2, 1, 1), "year", False))
            continue
        out.append(DateMention((m.start(), m.end()), m.group(0), date, precision, relative))
    return sorted(out, key=lambda d: d.span)


# TIMEX3 values ---------------------------------------------------------------

TIMES_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}


def timex_value(d: DateMention) -> str:
    """The TIMEX3 value of a date at its precision: 2024-10-21, 2024-W43,
    2024-10, 2024, 199 (the 1990s), 19 (the 20th century); X for what the
    publication date would have told."""
    if d.date is None:
        day = next((n for n, w in enumerate(WEEKDAYS, 1) if w in d.text.lower()), None)
        if day is not None:  # "Friday" with no publication date: some week's Friday
            return f"XXXX-WXX-{day}"
        return {"week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX"}.get(d.precision, "XXXX-XX-XX")
    y = d.date.year
    if d.precision == "week":
        iy, iw, _ = d.date.isocalendar()
        return f"{iy:04d}-W{iw:02d}"
    if d.precision == "month":
        return f"{y:04d}-{d.date.month:02d}"
    if d.precision == "year":
        return f"{y:04d}"
    if d.precision == "decade":
        return f"{y // 10:03d}"
    if d.precision == "century":
        return f"{(y - 1) // 100:02d}"
    return d.date.isoformat()


def time_of_day(text: str) -> str | None:
    """"Friday afternoon", "tonight", "this morning": TIMEX3's part of day (AF, NI, MO)."""
    last = text.lower().split()[-1] if text.strip() else ""
    return TIMES_OF_DAY.get(last)


_WORD_NUMBERS = {**_NUMBERS, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
                 "fifty": 50, "sixty": 60, "hundred": 100, "a hundred": 100, "dozen": 12, "a dozen": 12}
_VAGUE = {"several", "few", "a few", "many", "some", "couple of", "a couple of"}
_UNITS = {"second": "TS", "minute": "TM", "hour": "TH", "day": "D", "night": "D", "week": "W", "month": "M",
          "year": "Y", "decade": "DE", "century": "CE"}
_NUM = r"\d+(?:\.\d+)?|(?i:a hundred|a dozen|a few|a couple of|couple of|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundred|dozen|several|few|many|some)"
_UNIT = r"(?P<unit>second|minute|hour|day|night|week|month|year|decade|centur(?:y|ie))s?"


@cache
def _other_pattern() -> re.Pattern:
    parts = [
        # durations: "two years", "the past two years", "a mere 24 hours", "a five-year plan" (not "ago", not "-old")
        rf"(?P<dur>\b(?:(?i:the)\s+)?(?:(?i:past|last|next|coming|first|previous|mere|full|almost|nearly|about|over)\s+)*"
        rf"(?P<n>{_NUM})[\s-]+{_UNIT}\b)(?![\s-]+(?:ago|old)\b)",
        # bare plural units: "for days", "take weeks", "minutes later"
        r"(?P<bare>(?<=\bfor )|(?<=\btake )|(?<=\btakes )|(?<=\bset )|(?<=\blasted ))(?P<bunit>minute|hour|day|week|month|year)s\b",
        # sets: "every week", "each season", "annually"
        r"\b(?P<set>(?i:every|each)\s+(?P<sunit>day|week|month|year|season|morning|night)|(?i:daily|weekly|monthly|annually|yearly))\b",
        # references: "now", "in the past", "at the time", "the future"
        r"\b(?P<present>(?i:now|nowadays|currently|at present|these days))\b",
        r"\b(?P<past>(?i:the past|at the time))\b(?!\s+(?:\d|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few|many|week|month|year|decade)\b)",
        r"\b(?P<futureref>(?i:the future|soon))\b(?!\s+as\b)",
        # clock times: "8 p.m.", "10:30 a.m.", "noon"
        r"\b(?P<clock>(?P<hh>\d{1,2})(?::(?P<mm>\d{2}))?\s*(?P<ampm>a\.m\.|p\.m\.|am\b|pm\b))",
        r"\b(?P<noon>(?i:noon|midday|midnight))\b",
    ]
    return re.compile("|".join(parts))


_SET_VALUES = {"day": "P1D", "daily": "P1D", "week": "P1W", "weekly": "P1W", "month": "P1M", "monthly": "P1M",
               "year": "P1Y", "annually": "P1Y", "yearly": "P1Y", "season": "XXXX-XX", "morning": "TMO",
               "night": "TNI"}


def _duration_value(n: str, unit: str) -> str:
    unit = unit.lower()
    unit = "century" if unit.startswith("centur") else unit
    n = n.lower()
    code = _UNITS[unit]
    if n in _VAGUE:
        amount = "X"
    else:
        amount = _WORD_NUMBERS.get(n) or float(n)
        if code == "DE":
            amount, code = amount * 10, "Y"
        elif code == "CE":
            amount, code = amount * 100, "Y"
        amount = int(amount) if float(amount).is_integer() else amount
    if code in ("DE", "CE"):  # "several decades"
        code = "Y"
    return f"PT{amount}{code[1]}" if code.startswith("T") else f"P{amount}{code}"


@dataclass(frozen=True, slots=True)
class OtherTimex:
    """A time expression that is not a calendar date: a duration, a set, a
    reference ("now") or a clock time."""

    span: tuple[int, int]
    text: str
    type: str  # duration | set | date | time
    value: str


def find_other_timexes(text: str, published: dt.date | None = None) -> list[OtherTimex]:
    """Durations ("the past two years" P2Y, "days" PXD), sets ("every week"
    P1W), references ("now" PRESENT_REF, "in the past" PAST_REF, "soon"
    FUTURE_REF) and clock times ("8 p.m." on the publication day). Does not
    anchor a clock time to another day named in its sentence."""
    out = []
    for m in _other_pattern().finditer(text or ""):
        g = m.groupdict()
        if g["dur"]:
            out.append(OtherTimex(m.span(), m.group(0), "duration", _duration_value(g["n"], g["unit"])))
        elif g["bunit"]:
            out.append(OtherTimex(m.span(), m.group(0), "duration", _duration_value("several", g["bunit"])))
        elif g["set"]:
            key = (g["sunit"] or g["set"]).lower()
            out.append(OtherTimex(m.span(), m.group(0), "set", _SET_VALUES[key]))
        elif g["present"]:
            out.append(OtherTimex(m.span(), m.group(0), "date", "PRESENT_REF"))
        elif g["past"]:
            out.append(OtherTimex(m.span(), m.group(0), "date", "PAST_REF"))
        elif g["futureref"]:
            out.append(OtherTimex(m.span(), m.group(0), "date", "FUTURE_REF"))
        elif g["clock"] or g["noon"]:
            if g["clock"]:
                hh, mm = int(g["hh"]) % 12, int(g["mm"] or 0)
                hh += 12 if g["ampm"].lower().startswith("p") else 0
            else:
                hh, mm = (0 if g["noon"].lower() == "midnight" else 12), 0
            if hh > 23 or mm > 59:
                continue
            day = published.isoformat() if published else "XXXX-XX-XX"
            out.append(OtherTimex(m.span(), m.group(0), "time", f"{day}T{hh:02d}:{mm:02d}"))
    return out
