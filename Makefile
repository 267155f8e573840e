PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The sources setup.py compiles ([tool.articleparse] compiled in pyproject.toml):
# editing one reinstalls, so the tests never run an extension older than its source.
COMPILED_SOURCES := $(shell $(PYTHON) -c 'import tomllib; print(" ".join("src/articleparse/" + m.replace(".", "/") + ".py" for m in tomllib.load(open("pyproject.toml", "rb"))["tool"]["articleparse"]["compiled"]))')

.PHONY: demo test slow lint types unit docs fuzz hypothesis-long bench bench-ir bench-throughput clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml setup.py $(COMPILED_SOURCES) src/articleparse/_native.c
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/articleparse --version
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/python -m articleparse.demo fixtures/seed/000_462883809ea3ad38.txt
	@echo; echo '--- articleparse parse SEED --format markdown | head -40'
	$(BIN)/articleparse parse fixtures/seed/000_462883809ea3ad38.txt --format markdown | head -40
	@echo; echo '--- articleparse validate fixtures (each X.txt against its X.json)'
	$(BIN)/articleparse validate fixtures
	@echo; echo '--- articleparse stats fixtures'
	$(BIN)/articleparse stats fixtures

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks fuzz
	$(BIN)/ruff format --check src

types: $(STAMP)
	$(BIN)/mypy src

docs: $(STAMP)
	$(BIN)/python docs/generate.py

unit: $(STAMP)
	$(BIN)/pytest -q

test: lint types unit

# The slow tests: the Spark recipe (installs pyspark where Java is present).
slow: $(STAMP)
	$(BIN)/pytest -q -m slow

# Coverage-guided fuzzing for FUZZ_SECONDS (atheris is installed on first use);
# failing inputs are minimised into tests/regressions/, new coverage is merged
# into tests/fuzz_corpus/ (fuzz/run.py).
FUZZ_SECONDS ?= 600

fuzz: $(STAMP)
	$(BIN)/python -c 'import atheris' 2>/dev/null || $(BIN)/python -m pip install --quiet atheris
	$(BIN)/python fuzz/run.py $(FUZZ_SECONDS)

hypothesis-long: $(STAMP)
	HYPOTHESIS_PROFILE=long $(BIN)/pytest -q tests -k "property or roundtrip"

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python benchmarks/bench.py

# Kept trees, parse_many at two jobs, the command line against a bare loop
# (also section 6 of bench).
bench-throughput: $(STAMP)
	$(BIN)/python benchmarks/throughput.py

# Instructions per parse of the seed (callgrind), compiled and pure, beside
# mistune, markdown-it-py and model_validate_json.
bench-ir: $(STAMP)
	$(BIN)/python -c 'import mistune, markdown_it' 2>/dev/null || $(BIN)/python -m pip install --quiet 'mistune>=3,<4' 'markdown-it-py>=3'
	$(BIN)/python benchmarks/bench_ir.py

clean:
	rm -rf $(VENV) build dist *.egg-info src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
	rm -f src/*.so src/articleparse/*.so src/articleparse/*/*.so src/articleparse/_compiled.json
