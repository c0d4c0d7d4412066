# Thin wrappers: scripts/test.sh does the work and builds .venv itself.
.PHONY: test sanity units pytest lint docs integration molecule matrix venv lock demo emulator clean

test:
	bash scripts/test.sh

sanity units pytest lint docs integration molecule matrix:
	bash scripts/test.sh $@

venv:
	bash scripts/test.sh setup

# Re-resolve lock/*.txt from requirements-test.txt, requirements-matrix.txt and the emulator's
# pyproject.toml (see scripts/lock.sh; ARGS="--upgrade-package NAME" moves one pin).
lock:
	bash scripts/lock.sh $(ARGS)

# playbooks/demo.yml against a local emulator; builds .venv first (see scripts/demo.sh).
demo:
	bash scripts/demo.sh

emulator: venv
	.venv/bin/python -m tests.emulator --test-controls

clean:
	rm -rf tests/output .pytest_cache collections .ansible *.tar.gz docs/_build tests/emulator/build tests/emulator/*.egg-info
	find . -path ./.venv -prune -o -name __pycache__ -type d -exec rm -rf {} +
