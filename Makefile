# `make run` sets up a local virtual environment and opens GateLab;
# `make test` sets it up and runs ruff, the layer contracts (import-linter) and the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench setup clean

setup: $(STAMP)

# torch is installed first and pinned. On PyPI's Linux index torch==2.13.0 is the
# CUDA build (GBs of wheels); TORCH_INDEX=https://download.pytorch.org/whl/cpu
# takes the CPU build instead. (This project's CI machines serve the CPU build.)
TORCH_INDEX ?=
TORCH_FROM := $(if $(TORCH_INDEX),--index-url $(TORCH_INDEX),)
RUN_STAMP := $(VENV)/.installed-run

$(RUN_STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet $(TORCH_FROM) "torch==2.13.0"
	$(BIN)/pip install --quiet -e .
	touch $(RUN_STAMP)

# The test tools come on top: pytest and its plugins, Hypothesis, ruff,
# import-linter, nbclient and ipykernel (the example notebook), Dask (the cluster backend).
$(STAMP): $(RUN_STAMP)
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(STAMP)

run: $(RUN_STAMP)
	$(BIN)/python main.py

# pytest -n 2: two test processes (pytest-xdist), 1.44x faster on this 2-core
# machine (179 s -> 124 s, 214 tests).
test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -n 2

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports

bench: $(STAMP)
	$(BIN)/python bench/throughput.py

clean:
	rm -rf $(VENV)
