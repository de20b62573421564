# autokg: `make run` builds the sample graph and answers stored queries; `make test` runs every test.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
ARTICLES := $(wildcard data/articles/*.txt data/articles/*.jsonl data/articles/*.csv)
SOURCES  := $(wildcard src/autokg/*.py) $(wildcard ontology/*.ttl) $(wildcard queries/*.rq) \
            $(wildcard data/reference/*.csv) $(wildcard data/lexicon/*)

.PHONY: run test tools clean golden eval

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

build/autokg.ttl: $(STAMP) $(ARTICLES) $(SOURCES)
	$(BIN)/autokg build $(ARTICLES) --out $@

run: build/autokg.ttl
	$(BIN)/autokg validate build/autokg.ttl
	$(BIN)/autokg query production-sites --data build/autokg.ttl
	$(BIN)/autokg query strategies --data build/autokg.ttl --format csv
	$(BIN)/autokg query plants-by-country --data build/autokg.ttl --param country=US

# Third-party tools the tests use (rapper); installs them when it can, says so when it cannot.
tools:
	bash tests/setup-tools.sh

test: $(STAMP) tools
	$(BIN)/python -m pytest -q

clean:
	rm -rf build .pytest_cache

# Rewrite the golden graphs after a deliberate change; review the diff before committing.
golden: $(STAMP)
	$(BIN)/autokg build ../shared/seed/000_28e3bffdbebfa19a.txt --out tests/golden/seed.ttl
	$(BIN)/autokg build $(wildcard data/articles/sample.*) --out tests/golden/sample.ttl

# Precision, recall and F1 per fact type on the development set (data/eval), both parts.
eval: $(STAMP)
	$(BIN)/autokg evaluate --folder data/eval

# Property tests over generated articles (tests/test_fuzz.py and the other hypothesis tests) with
# FUZZ times the examples make test runs: e.g. make fuzz FUZZ=1000 for a long run.
FUZZ ?= 100
.PHONY: fuzz
fuzz: $(STAMP)
	AUTOKG_FUZZ=$(FUZZ) $(BIN)/python -m pytest -q -m hypothesis

# Benchmark on seeded synthetic corpora against the straightforward rdflib design (see bench/README.md);
# the report goes to bench/results/. E.g. make bench BENCH_SIZES="1000 10000 100000"
BENCH_SIZES ?= 1000 10000
.PHONY: bench
bench: $(STAMP)
	$(BIN)/python bench/run.py --sizes $(BENCH_SIZES)
