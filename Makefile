PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install clean bench train train-stage1

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test,serve,postgres]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	rm -f demo.db
	$(BIN)/claimwatch ingest samples/reports.jsonl samples/feed.xml samples/page.html samples/telegram/result.json samples/plain --db demo.db
	$(BIN)/claimwatch incidents --db demo.db
	$(BIN)/claimwatch show --db demo.db 1

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python bench/speed.py

# the roles tagger, as shipped: two stages of about 55 + 45 minutes on 2 CPU cores (minutes on a
# GPU); see train/README.md and claimwatch/data/roles/MODEL.md
train-stage1: $(STAMP)
	$(BIN)/pip install --quiet -e '.[train]'
	HF_HUB_OFFLINE=1 $(BIN)/python train/train_roles.py --epochs 7 --eval-from 4 --max-minutes 55 \
		--work-dir build/roles-train-stage1 --out build/roles-stage1

train: train-stage1
	HF_HUB_OFFLINE=1 $(BIN)/python train/train_roles.py --init build/roles-train-stage1/best.pt --lr 5e-5 \
		--epochs 6 --eval-from 3 --max-minutes 48 --work-dir build/roles-train-stage2

clean:
	rm -rf $(VENV) demo.db
