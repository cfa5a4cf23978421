#!/usr/bin/env bash
# Mutation testing of core (issue 18). `pnpm mutate` runs every folder Stryker covers
# (note, lifecycle, letters, import, export); `pnpm mutate note lifecycle` runs those
# folders of packages/core/src one after another, each with its own report:
# .mutation/<folder>/index.html (all folders at once: .mutation/index.html).
# Results are kept per report (incremental.json), so a second run re-tests only the
# mutants whose code or tests changed. On a shared machine: STRYKER_CONCURRENCY=1.
# Per folder, only that folder's own unit tests run against its mutants
# (vitest.mutate.config.ts): the score is a lower bound.
# One file while killing its survivors: RAPPORT_MUTATE_FOLDER=note npx stryker run \
#   --mutate packages/core/src/note/edit.ts --incrementalFile .mutation/note/incremental.json
# Type-check each mutant as well (slower): RAPPORT_MUTATE_TYPECHECK=1. Figures: docs/mutation.md.
set -euo pipefail
cd "$(dirname "$0")/.."
concurrency=(--concurrency "${STRYKER_CONCURRENCY:-2}")
if [ "$#" -eq 0 ]; then exec npx stryker run "${concurrency[@]}"; fi
for folder in "$@"; do
  if [ ! -d "packages/core/src/$folder" ]; then echo "mutate: no folder packages/core/src/$folder" >&2; exit 2; fi
  out=".mutation/$folder"
  mkdir -p "$out"
  RAPPORT_MUTATE_FOLDER="$folder" RAPPORT_MUTATE_REPORT_DIR="$out" npx stryker run "${concurrency[@]}" \
    --mutate "packages/core/src/$folder/**/*.ts,!packages/core/src/**/*.test.ts" \
    --incrementalFile "$out/incremental.json"
done
