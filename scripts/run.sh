#!/usr/bin/env bash
# Set up (once) and run the main job for the shipped region: validate the data, then build.
# Usage: bash scripts/run.sh [extra arguments for `wegwijzer build`]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
wegwijzer validate --alleen-fouten
if wegwijzer build --help >/dev/null 2>&1; then
    wegwijzer build "$@"
fi
