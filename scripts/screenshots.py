"""Screenshots of the dashboard for the README, from a demo store built from examples/demo.txt.

Each paragraph of examples/demo.txt is ingested as an article of its own,
published a week after the one before (from 2024-10-04), so the time charts
have more than one period to show; the store lives in a temporary folder. The
pages are served by uvicorn on 127.0.0.1 and captured by Debian's chromium
through Playwright into docs/dashboard-*.png.

    python scripts/screenshots.py [--out docs]
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import tempfile
from pathlib import Path

from eventwire.corpus.ingest import ingest
from eventwire.corpus.store import Store
from eventwire.serve import create_app
from eventwire.serve.server import running

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "examples" / "demo.txt"
FIRST = dt.date(2024, 10, 4)
PAGES = [
    ("overview", "/", None),
    ("dyad", "/dyad?a=Japan&b=South%20Korea&modality=all", None),
    ("actor", "/actor?a=Ukraine", None),
    ("network", "/network?modality=all", None),
    ("event", None, "Kharkiv"),  # the event page of the first event whose sentence names Kharkiv
]


def demo_store(folder: Path) -> Path:
    paragraphs = [p.strip() for p in DEMO.read_text(encoding="utf-8").splitlines() if p.strip()]
    rows = []
    for i, text in enumerate(paragraphs):
        title = " ".join(text.split()[:9]).rstrip(",.") + " …"
        rows.append({"id": f"demo-{i + 1}", "published": (FIRST + dt.timedelta(days=7 * i)).isoformat(),
                     "title": title, "source": "examples/demo.txt", "text": text})
    src = folder / "demo.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    db = folder / "demo.duckdb"
    report = ingest([str(src)], db=str(db), workers=1, progress=False)
    if report.errors:
        raise SystemExit(f"demo store: {report.errors}")
    return db


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "docs")
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium")
    if not chromium:
        raise SystemExit("screenshots: chromium is not installed (apt-get install chromium fonts-liberation)")
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = demo_store(Path(tmp))
        with Store(db, read_only=True) as store, running(create_app(store.con, name="demo.duckdb")) as base, \
                sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, headless=True)
            page = browser.new_page(viewport={"width": 1280, "height": 860})
            for name, path, sentence in PAGES:
                if path is None:
                    page.goto(base + "/events?modality=all")
                    page.locator("table.events tr", has_text=sentence).first.locator("a.context").click()
                    page.wait_for_load_state("load")
                else:
                    page.goto(base + path)
                if page.locator(".chart").count():
                    page.wait_for_selector(".chart[data-rendered='true'] svg")
                    page.wait_for_timeout(300)
                page.evaluate("window.scrollTo(0, 0)")
                out = args.out / f"dashboard-{name}.png"
                page.screenshot(path=str(out), full_page=False)
                print(f"{out}  {out.stat().st_size // 1024} KB  ({path or 'event page'})")
            browser.close()


if __name__ == "__main__":
    main()
