# Thin wrappers: scripts/test.sh does the work and builds .venv itself.
.PHONY: test sanity units pytest lint docs integration molecule matrix venv demo emulator clean

test:
	bash scripts/test.sh

sanity units pytest lint docs integration molecule matrix:
	bash scripts/test.sh $@

venv:
	bash scripts/test.sh setup

# playbooks/demo.yml against a local emulator; builds .venv first (see scripts/demo.sh).
demo:
	bash scripts/demo.sh

emulator: venv
	.venv/bin/python -m tests.emulator --test-controls

clean:
	rm -rf tests/output .pytest_cache collections .ansible *.tar.gz docs/_build tests/emulator/build tests/emulator/*.egg-info
	find . -path ./.venv -prune -o -name __pycache__ -type d -exec rm -rf {} +
