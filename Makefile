# make demo   create .venv if missing, install, crawl the bundled sample portal, index it, serve the UI
# make test   create .venv if missing, install, run the whole test suite
# make bench  run the benchmarks in bench/ and print the figures
# make bench-search RECORDS=100000   the search benchmark on a synthetic corpus (slow; the archive
#                                    and indexes stay in WORKDIR for the next run and for bench-web)
# make bench-web                     the web benchmark over WORKDIR (after bench-search)
PYTHON ?= python3
VENV   ?= .venv
PORT   ?= 8000
BIN     = $(VENV)/bin

RECORDS ?= 20000
WORKDIR ?= bench/work/$(RECORDS)

.PHONY: demo test bench bench-search bench-web install clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "govnews needs Python 3.11 or newer")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

demo: install
	$(BIN)/govnews demo --port $(PORT)

test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: install
	$(BIN)/python bench/run.py

bench-search: install
	$(BIN)/python bench/search_scale.py --records $(RECORDS) --workdir $(WORKDIR)

bench-web: install
	$(BIN)/python bench/web_scale.py --workdir $(WORKDIR)

clean:
	rm -rf $(VENV) build *.egg-info
