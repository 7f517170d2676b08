# Sourced by run.sh and test.sh: create .venv and install the package (idempotent).
# Set WEGWIJZER_EXTRAS=test to install the test dependencies too.
python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
    "$python" -m venv .venv
fi
# shellcheck disable=SC1091
source .venv/bin/activate
stamp=.venv/.installed-$(cat pyproject.toml | sha256sum | cut -c1-16)-${WEGWIJZER_EXTRAS:-run}
if [ ! -f "$stamp" ]; then
    python -m pip install --quiet --upgrade pip
    if [ -n "${WEGWIJZER_EXTRAS:-}" ]; then
        python -m pip install --quiet -e ".[${WEGWIJZER_EXTRAS}]"
    else
        python -m pip install --quiet -e .
    fi
    touch "$stamp"
fi
