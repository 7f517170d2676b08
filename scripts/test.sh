#!/usr/bin/env bash
# Set up (once) and run the whole test suite, browser tests included.
# Usage: bash scripts/test.sh [pytest arguments]
set -euo pipefail
cd "$(dirname "$0")/.."
WEGWIJZER_EXTRAS=test source scripts/setup.sh
if [ -x scripts/setup-system.sh ] || [ -f scripts/setup-system.sh ]; then
    bash scripts/setup-system.sh
fi
set +e
python -m pytest "$@"
status=$?
set -e
if [ "$status" -eq 5 ]; then
    echo "test.sh: pytest collected no tests; that is a failure" >&2
    exit 1
fi
exit "$status"
