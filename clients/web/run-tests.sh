#!/usr/bin/env bash
# Everything the web app's CI needs, from a clean checkout: npm ci, the codegen check, tsc,
# vitest, a rebuild compared with the committed dist/, Chromium, the server binary, and the
# browser suite on SQLite and PostgreSQL. Outside CI the browser suite is skipped, with a
# notice, when Chromium cannot be installed; under CI=true it must run.
set -euo pipefail
cd "$(dirname "$0")"
WEB="$(pwd)"
REPO="$(cd ../.. && pwd)"

step() { printf '\n== %s\n' "$*"; }

step "npm ci"
npm ci --no-audit --no-fund --loglevel=error

step "codegen: operations typed from schema/schema.graphql (a drift fails)"
npx graphql-codegen --config codegen.ts --silent
git -C "$REPO" diff --exit-code -- clients/web/src/gql || { echo "src/gql is stale: run npm run codegen and commit"; exit 1; }

step "tsc"
npx tsc --noEmit -p tsconfig.json

step "vitest"
npx vitest run

step "vite build, compared with the committed dist/"
npm run build --silent
git -C "$REPO" add -N clients/web/dist >/dev/null 2>&1 || true
git -C "$REPO" diff --exit-code --stat -- clients/web/dist || { echo "dist/ differs from a fresh build: run npm run build and commit dist/"; exit 1; }

step "chromium"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
# Japanese fonts too, or the screenshots show boxes instead of kana.
if { [ ! -x "$CHROMIUM" ] || ! fc-list 2>/dev/null | grep -qi 'CJK'; } && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null) || true
fi
if [ ! -x "$CHROMIUM" ]; then
  if [ "${CI:-}" = "true" ]; then echo "Chromium is required under CI and could not be installed"; exit 1; fi
  echo "NOTICE: Chromium not found at $CHROMIUM and not installable here: the browser suite is SKIPPED."
  exit 0
fi
export CHROMIUM

step "server binary"
# ./run-tests builds it and names it in TSUNAGU_BIN; run alone, this builds it.
if [ -z "${TSUNAGU_BIN:-}" ]; then
  (cd "$REPO" && cargo build -p tsunagu --locked --quiet)
  export TSUNAGU_BIN="$REPO/target/debug/tsunagu"
fi

step "browser suite (Playwright + Chromium) on SQLite and PostgreSQL"
node e2e/run.mjs
