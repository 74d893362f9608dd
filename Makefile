# Two commands do all the set-up:  `make run` (install + start the app), `make test` (install + every test).
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
PORT   ?= 8501

.PHONY: run check test lint bench lock translations clean snapshots

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	touch $(STAMP)

run: $(STAMP)
	$(PY) scripts/run_app.py --port $(PORT)

# The fast layers: lint, types, logic and app tests (under two minutes on two cores).
check: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy
	$(PY) -m pytest -n 2 -m "not browser" tests/unit tests/app retroedu

# Everything, browser tests in a real Chromium included (what CI runs).
test: $(STAMP)
	bash scripts/ensure_system_deps.sh
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy
	$(PY) -m pytest -n 2

# After an intended change to how a page looks: rewrite the screenshot baselines that no longer
# match (tests/browser/snapshots/), then look at every rewritten PNG before committing it.
snapshots: $(STAMP)
	bash scripts/ensure_system_deps.sh
	UPDATE_SNAPSHOTS=1 $(PY) -m pytest -n 2 -p no:cacheprovider tests/browser/test_visual.py

lint: $(STAMP)
	$(PY) -m ruff check . && $(PY) -m ruff format --check . && $(PY) -m mypy

bench: $(STAMP)
	bash scripts/ensure_system_deps.sh
	$(PY) -m benchmarks.run_all

# Re-pin every runtime and dev dependency after editing pyproject.toml.
lock: $(STAMP)
	$(PY) -m pip install --quiet $$($(PY) -c "import tomllib; p = tomllib.load(open('pyproject.toml', 'rb'))['project']; print(' '.join(p['dependencies'] + p['optional-dependencies']['dev']))")
	$(PY) -m pip freeze --exclude-editable | grep -v '^-e ' > requirements.lock

# Interface text: extract every marked string (`_`, `N_`; see babel.cfg) into the template, and
# merge it into each language's catalogue (new strings arrive empty, changed ones fuzzy: both show
# in English until translated, and the catalogue test lists them). The app reads the .po files
# directly (once per process), so there is nothing to compile.
translations: $(STAMP)
	$(VENV)/bin/pybabel extract -F babel.cfg -k _ -k N_ --no-location --sort-output \
		--project=RetroEdu --copyright-holder=RetroEdu -o locales/retroedu.pot .
	$(VENV)/bin/pybabel update -i locales/retroedu.pot -d locales -D retroedu --ignore-obsolete

clean:
	rm -rf $(VENV) artifacts .pytest_cache .mypy_cache .ruff_cache .hypothesis
