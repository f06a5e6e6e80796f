#!/usr/bin/env bash
# End-to-end benchmark of kiennghi against ICU and Python peers, one core each.
#
#   scripts/bench.sh                    # 5 MB and 50 MB corpora, callgrind on 1 MB
#   scripts/bench.sh --sizes 5 --runs 3 # quicker
#   scripts/bench.sh --memory-gb 1      # also peak RSS of every command on a 1 GB file
#   scripts/bench.sh --core 1           # pin the timed runs to core 1 (default 0)
#
# Needs: swift, python3, taskset, /usr/bin/time, valgrind, uconv (Debian: icu-devtools),
# libicu-dev (to build PyICU). Python peers (PyICU, pyahocorasick, scikit-learn) go into
# a throw-away virtual environment under /tmp; they are never a dependency of KienNghi.
# If PyICU will not build, a small C program calling ICU's unorm2_normalize per line
# (scripts/bench-icu-nfc.c) stands in for it, and the table says so.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=/tmp/kiennghi-bench-venv
if [ ! -x "$venv/bin/python" ]; then python3 -m venv "$venv"; fi
"$venv/bin/pip" install -q pyahocorasick scikit-learn >&2
extra=()
if ! "$venv/bin/python" -c "import icu" 2>/dev/null && ! "$venv/bin/pip" install -q pyicu >&2; then
    echo "PyICU did not build: using the C stand-in (scripts/bench-icu-nfc.c)." >&2
    cc -O2 scripts/bench-icu-nfc.c -licuuc -o /tmp/kiennghi-bench-icu-nfc
    extra=(--icu-nfc /tmp/kiennghi-bench-icu-nfc)
fi

swift build -c release --product kiennghi >&2
exec "$venv/bin/python" scripts/bench.py "${extra[@]}" "$@"
