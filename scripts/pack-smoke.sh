#!/usr/bin/env bash
# Packs the library and the tool, checks the library package holds what a NuGet user needs, installs
# the tool from the local package into a temporary tool path and runs it on a sample model.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

dotnet pack ArchModel.sln -c Release -o "$out/packages" -nologo -clp:NoSummary >/dev/null
version=$(grep -oPm1 '(?<=<Version>)[^<]+' Directory.Build.props)
lib="$out/packages/ArchModel.$version.nupkg"
# List once, then search the text: `unzip -l | grep -q` under pipefail fails at random when grep exits
# before unzip has written everything (SIGPIPE).
listing=$(unzip -l "$lib")
for entry in README.md lib/net10.0/ArchModel.dll lib/net10.0/ArchModel.xml; do
  grep -q " $entry\$" <<<"$listing" || { echo "package $lib lacks $entry" >&2; exit 1; }
done
nuspec=$(unzip -p "$lib" ArchModel.nuspec)
grep -q '<repository type="git"' <<<"$nuspec" || { echo "package lacks SourceLink repository metadata" >&2; exit 1; }
grep -q '<license type="expression">MIT</license>' <<<"$nuspec" || { echo "package lacks its licence" >&2; exit 1; }
[ -f "$out/packages/ArchModel.$version.snupkg" ] || { echo "symbols package missing" >&2; exit 1; }

dotnet tool install ArchModel.Cli --version "$version" --tool-path "$out/tool" --add-source "$out/packages" >/dev/null
"$out/tool/archmodel" validate models/quickstart/model.json
"$out/tool/archmodel" validate models/demo-province/model.json --quiet
"$out/tool/archmodel" report models/demo-province/model.json --template overview --format html --output "$out/overview.html"
grep -q '顶层设计现状评估报告' "$out/overview.html" || { echo "the packaged tool wrote no overview report" >&2; exit 1; }
"$out/tool/archmodel" diff models/demo-province/model.json models/demo-province-2020/model.json --format json >/dev/null
# The spreadsheet libraries ship with the tool: a workbook out and back in.
"$out/tool/archmodel" export models/demo-province/model.json --format xlsx --output "$out/demo.xlsx"
"$out/tool/archmodel" import "$out/demo.xlsx" --output "$out/imported" --quiet
"$out/tool/archmodel" validate "$out/imported/model.json" --quiet
echo "tool installed from its package and ran: ok"
