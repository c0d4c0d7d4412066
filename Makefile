# Thin wrappers: scripts/test.sh does the work and builds .venv itself.
.PHONY: test sanity pytest lint docs venv demo emulator clean

test:
	bash scripts/test.sh

sanity pytest lint docs:
	bash scripts/test.sh $@

venv:
	bash scripts/test.sh setup

# scripts/demo.sh arrives with the next milestone.
demo:
	@if [ -f scripts/demo.sh ]; then bash scripts/demo.sh; \
	else echo "make demo: scripts/demo.sh does not exist yet (it arrives with the next milestone)"; exit 1; fi

emulator: venv
	.venv/bin/python -m tests.emulator --test-controls

clean:
	rm -rf tests/output .pytest_cache collections .ansible *.tar.gz docs/_build
	find . -path ./.venv -prune -o -name __pycache__ -type d -exec rm -rf {} +
