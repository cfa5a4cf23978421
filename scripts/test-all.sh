#!/usr/bin/env bash
# Every test, from a fresh clone: installs what the tests need, builds, runs
# the unit and CLI tests (vitest), the extension's suites in a real VS Code
# (code-server) and a real browser, and the benchmark smoke run. Ends with
# one "N passed, N failed" line.
set -uo pipefail
cd "$(dirname "$0")/.."
export npm_config_yes=true
PNPM="npx -y pnpm@10"
RESULTS=.test-results
rm -rf "$RESULTS" && mkdir -p "$RESULTS"

bash scripts/setup-test-env.sh || exit 1
$PNPM install --frozen-lockfile || exit 1
$PNPM run build || exit 1
$PNPM run typecheck || exit 1

status=0
npx vitest run --reporter=default --reporter=json --outputFile="$RESULTS/vitest.json" || status=1
RAPPORT_TEST_RESULTS="$PWD/$RESULTS" $PNPM --filter rapport-vscode run test:integration || status=1
if grep -q '"bench:ci"' package.json; then $PNPM run bench:ci || status=1; fi
node scripts/summarize-tests.mjs "$RESULTS"/*.json || status=1
exit $status
