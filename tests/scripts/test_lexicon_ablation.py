"""scripts/lexicon_ablation.py on a gold file written here: half of the
curated verbs out, the fallback on and off, and the lexicon whole again after."""
import importlib.util
import json
import sys
from pathlib import Path

from eventwire.events import candidates
from eventwire.events.lexicon import lexicon

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "lexicon_ablation.py"


def test_scores_each_half_with_and_without_the_fallback_and_restores_the_lexicon(tmp_path, capsys):
    gold = tmp_path / "gold.jsonl"
    items = [{"id": "a", "text": "Kenyan police evicted Somali refugees from a camp near Nairobi.",
              "events": [{"cameo": "174", "root": "17"}]},
             {"id": "b", "text": "Chile's foreign minister ridiculed Argentina on Monday.",
              "events": [{"cameo": "111", "root": "11"}]}]
    gold.write_text("\n".join(json.dumps(i) for i in items) + "\n", encoding="utf-8")
    spec = importlib.util.spec_from_file_location("lexicon_ablation", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules["lexicon_ablation"] = module
    spec.loader.exec_module(module)
    before = dict(lexicon().verbs)
    fallback = candidates.dictionary_pattern
    assert module.main([str(gold), "--seed", "x"]) == 0
    out = capsys.readouterr().out
    assert "seed x:" in out and out.count("curated half only") == 1 and out.count("with the fallback") == 1
    # neither verb is curated, so only the fallback codes them, whatever half is out
    assert "curated half only  root 0.0" in out and "with the fallback  root 1.0" in out
    assert lexicon().verbs == before and candidates.dictionary_pattern is fallback
