# Two commands for a newcomer: `make demo` and `make test`. Both build the
# virtual environment from nothing (Python 3.11 and pip are all they need).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
INPUT ?= examples/demo.txt
PUBLISHED ?= 2024-11-22
# our blind event/quote labels of TR-News (labels/), joined with their texts at eval time:
# the development set (read its errors) and the two held-out sets (a score only)
TRNEWS_GOLD ?= /tmp/trnews_gold.jsonl
TRNEWS_DEV_GOLD ?= /tmp/trnews_dev_gold.jsonl
TRNEWS_HELDOUT2_GOLD ?= /tmp/trnews_heldout2_gold.jsonl

.PHONY: demo test venv bench clean eval dictionaries calibrate

$(BIN)/eventwire: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -e '.[test,batch]'
	touch $(BIN)/eventwire

venv: $(BIN)/eventwire

demo: venv
	$(BIN)/eventwire code $(INPUT) --published $(PUBLISHED) --format table

test: venv
	$(BIN)/python -m pytest -q

eval: venv
	$(BIN)/eventwire eval ../shared/eval/cameo_codebook_dev.jsonl
	$(BIN)/eventwire eval ../shared/eval/plover_gsr_dev.jsonl
	$(BIN)/eventwire eval ../shared/eval/polnear_dev.jsonl
	$(BIN)/eventwire eval ../shared/news/dev_news_gold.jsonl
	$(BIN)/python scripts/build_label_gold.py --set dev $(TRNEWS_DEV_GOLD)
	$(BIN)/eventwire eval $(TRNEWS_DEV_GOLD)
	$(BIN)/python scripts/build_label_gold.py $(TRNEWS_GOLD)
	$(BIN)/eventwire eval $(TRNEWS_GOLD)
	$(BIN)/python scripts/build_label_gold.py --set heldout2 $(TRNEWS_HELDOUT2_GOLD)
	$(BIN)/eventwire eval $(TRNEWS_HELDOUT2_GOLD)

# Refit the confidence model on the hand-judged PolNeAR train events with the
# current coder (src/eventwire/data/calibration/README.md). The golden record's
# confidences move with it: regenerate tests/golden/demo.json with
# EVENTWIRE_REGENERATE=1 and check that only confidences changed.
calibrate: venv
	$(BIN)/python scripts/fit_confidence.py

# The PETRARCH2 dictionaries (MIT) converted into data/actors/petrarch and
# data/events/petrarch; PETRARCH points at the directory of the original files.
PETRARCH ?= ../shared/dictionaries/petrarch2
dictionaries: venv
	$(BIN)/python scripts/convert_petrarch.py --source $(PETRARCH)

bench: venv
	$(BIN)/python benchmarks/bench_code.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
