#!/bin/sh
# Installs the npm stand-ins (dynalite, fauxqs) for the sinks' tests when they are missing, so a plain
# `mvn verify` runs those tests wherever npm is available. Without npm the tests that need them are
# skipped with a notice; .ci/run installs them itself and requires them.
cd "$(dirname "$0")" || exit 1
[ -f node_modules/dynalite/cli.js ] && [ -f node_modules/fauxqs/dist/cli.js ] && exit 0
if ! command -v npm >/dev/null 2>&1; then
  echo "npm not found: the DynamoDB and SNS stand-in tests will be skipped."
  exit 0
fi
exec npm ci --no-audit --no-fund --loglevel=error
