#!/usr/bin/env bash
# Renders the HTML report of the sample pile with headless Chromium to a PNG,
# so a person can look at what the office will see.
#   scripts/render-report.sh [INPUT] [OUT.png]
# Needs Debian's chromium (apt-get install chromium fonts-noto-core).
set -euo pipefail
cd "$(dirname "$0")/.."
input=${1:-Corpus/petitions-2019.xlsx}
png=${2:-report.png}
html=$(mktemp --suffix=.html)
trap 'rm -f "$html"' EXIT
swift run -c release kiennghi report "$input" -o "$html"
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,2400 --screenshot="$png" "file://$html"
echo "wrote $png"
