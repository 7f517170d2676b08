#!/usr/bin/env bash
# Install the system packages the tests need (Debian): Chromium for the browser tests,
# fonts for readable screenshots, and axe-core (npm) for the accessibility checks.
# Idempotent and quick when everything is there: `apt-get update` runs only when a
# package is missing.
# Usage: bash scripts/setup-system.sh
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(chromium fonts-liberation2 fonts-dejavu-core)
missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
if [ "${#missing[@]}" -gt 0 ]; then
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    echo "setup-system: installing ${missing[*]}" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# axe-core, pinned, into a cache folder outside the repository; the tests look for it there
# (tests/site_browser.py: AXE_DIR) and check the version.
AXE_VERSION=4.14.1
axe_dir=${WEGWIJZER_CACHE:-$HOME/.cache/wegwijzer}/axe-core
axe_pkg=$axe_dir/node_modules/axe-core/package.json
if ! grep -q "\"version\": \"$AXE_VERSION\"" "$axe_pkg" 2>/dev/null; then
    echo "setup-system: installing axe-core $AXE_VERSION" >&2
    mkdir -p "$axe_dir"
    npm install --silent --no-audit --no-fund --no-save --prefix "$axe_dir" "axe-core@$AXE_VERSION" >/dev/null
fi
