#!/usr/bin/env bash
# swift-format (ships with the toolchain) with the repository's configuration.
#   scripts/lint.sh          # lint, strict: any finding fails (CI runs this)
#   scripts/lint.sh --fix    # reformat the tree in place, then lint
set -euo pipefail
cd "$(dirname "$0")/.."
paths=(Package.swift Sources Tests Benchmarks)
config=scripts/swift-format.json
if [[ "${1:-}" == "--fix" ]]; then
    swift-format format --configuration "$config" --in-place --recursive --parallel "${paths[@]}"
fi
swift-format lint --configuration "$config" --strict --recursive --parallel "${paths[@]}"
