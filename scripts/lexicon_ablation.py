"""What the PETRARCH2 verb fallback (events/dictionary.py) does on verbs the
curated lexicon has not seen: the dev sets cannot show it, since the curated
rows were grown on them. Takes a pseudo-random half of the curated verb lemmas
out of event_verbs.tsv (by a CRC of seed + lemma, so a seed names one half),
then scores a gold file with and without the fallback. Prints at run time only.

    python scripts/lexicon_ablation.py ../shared/eval/cameo_codebook_dev.jsonl [--seed a] [--seed b]
"""
from __future__ import annotations

import argparse
import zlib

from eventwire.evaluation.score import evaluate
from eventwire.events import candidates
from eventwire.events.lexicon import lexicon


def figures(m: dict) -> str:
    e = m["events"]
    return (f"root {m['root_accuracy']}  coverage {m['coverage']}  events P {e['precision']} R {e['recall']} "
            f"F1 {e['f1']}  required recall {m['required_events']['recall']}  "
            f"dyadic precision {m['dyadic_precision']['precision']}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="+")
    ap.add_argument("--seed", action="append", help="names the half taken out (default: a, b)")
    args = ap.parse_args(argv)
    verbs = lexicon().verbs
    full = dict(verbs)
    with_fallback = candidates.dictionary_pattern
    for seed in args.seed or ["a", "b"]:
        verbs.clear()
        verbs.update({k: v for k, v in full.items() if zlib.crc32((seed + k).encode()) % 2})
        print(f"seed {seed}: {len(verbs)} of {len(full)} curated verb lemmas kept")
        for gold in args.gold:
            for name, fallback in (("curated half only", lambda *a: None), ("with the fallback", with_fallback)):
                candidates.dictionary_pattern = fallback
                print(f"  {gold.rsplit('/', 1)[-1]:32s} {name:18s} {figures(evaluate(gold))}", flush=True)
    verbs.clear()
    verbs.update(full)
    candidates.dictionary_pattern = with_fallback
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
