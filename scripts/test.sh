#!/usr/bin/env bash
# Runs every test, as CI does: installs the real tools the output checks use when they are missing
# (Graphviz with a CJK font, Node.js with the Mermaid parser, headless Chromium), builds with warnings
# as errors, runs the test projects, and ends with one line 'N passed, M failed'.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

bash scripts/install-verify-tools.sh   # Graphviz, CJK font, Node and the Mermaid parser for the diagram tests
bash scripts/install-report-tools.sh   # headless Chromium for the HTML report checks

echo "== build (warnings are errors)"
dotnet build ArchModel.sln -c Release -warnaserror -nologo -clp:NoSummary

echo "== test"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
dotnet test ArchModel.sln -c Release --no-build -nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
echo "$passed passed, $failed failed"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
  echo "tests failed" >&2
  exit 1
fi
