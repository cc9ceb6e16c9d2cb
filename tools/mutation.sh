#!/usr/bin/env bash
# Mutation testing of the modules that hold the rules that protect people and money
# (pyproject.toml [tool.mutmut]: the modules and the tests aimed at them; docs/testing.md: the
# scores and every surviving mutant with its reason). mutmut copies the package into mutants/,
# runs the selected tests once to learn which tests reach which function, then runs each mutant
# against those tests only.
#
#   tools/mutation.sh                                   # every listed module (about an hour on 2 cores)
#   tools/mutation.sh "firstask_desktop.domain.masking*"   # one module's mutants
#
# Needs mutmut (pip install mutmut; 3.x). The suite's own fixed set of mutants runs with the
# normal tests (tests/test_mutants.py, marker "mutants"); this is the full, slow measurement.
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen
# mutmut imports the package from mutants/: a PYTHONPATH pointing at the sources would hide it.
unset PYTHONPATH
jobs=$(( $(nproc) > 2 ? $(nproc) - 1 : 2 ))
started=$(date +%s)
mutmut run --max-children "$jobs" "$@"
mutmut results
echo "mutation run: $(( $(date +%s) - started )) s"
