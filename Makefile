PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install clean bench train train-cpu train-sweep

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

# the roles tagger: the 20-epoch recipe of claimwatch/data/roles/MODEL.md (all layers trained); minutes on
# a GPU, about 2.2 hours on 2 CPU cores. train-cpu: the same recipe on a 55-minute clock, which fits an
# hour on 2 CPU cores (dev 50.8 int8, tagger alone). train-sweep: the side-by-side runs the shipped model
# was chosen from, on a GPU. All write claimwatch/data/roles/ except the sweep (build/sweep/); see train/README.md.
train: $(STAMP)
	$(BIN)/pip install --quiet -e '.[train]'
	HF_HUB_OFFLINE=1 $(BIN)/python train/train_roles.py --epochs 20 --eval-from 10 --freeze-layers 0 --lr 2e-4 \
		--work-dir build/roles-train

train-cpu: $(STAMP)
	$(BIN)/pip install --quiet -e '.[train]'
	HF_HUB_OFFLINE=1 $(BIN)/python train/train_roles.py --epochs 20 --eval-from 12 --freeze-layers 0 --lr 2e-4 \
		--max-minutes 55 --work-dir build/roles-train-cpu

train-sweep: $(STAMP)
	$(BIN)/pip install --quiet -e '.[train]'
	HF_HUB_OFFLINE=1 $(BIN)/python train/sweep.py run --root build/sweep

clean:
	rm -rf $(VENV) demo.db
