#!/usr/bin/env bash
# Lints the committed OpenAPI snapshot (tests/Decisions.Api.Tests/TestData/openapi.v1.json, which
# OpenApiSnapshotTests keeps equal to the served document) with Spectral (spectral:oas) and Redocly (recommended),
# as the teams that generate clients from it do. Fails on any error; warnings are printed only.
# The linters are installed from package-lock.json into node_modules here, once: a later run reuses them.
set -euo pipefail
cd "$(dirname "$0")"
document=../Decisions.Api.Tests/TestData/openapi.v1.json
if [ ! -x node_modules/.bin/spectral ] || [ ! -x node_modules/.bin/redocly ] \
  || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
node_modules/.bin/spectral lint --ruleset .spectral.yaml --fail-severity error --display-only-failures "$document"
node_modules/.bin/redocly lint --config redocly.yaml --format summary "$document"
echo "OpenAPI lint: no errors"
