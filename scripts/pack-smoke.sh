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
for entry in README.md lib/net10.0/ArchModel.dll lib/net10.0/ArchModel.xml; do
  unzip -l "$lib" | grep -q " $entry\$" || { echo "package $lib lacks $entry" >&2; exit 1; }
done
unzip -p "$lib" ArchModel.nuspec | grep -q '<repository type="git"' || { echo "package lacks SourceLink repository metadata" >&2; exit 1; }
unzip -p "$lib" ArchModel.nuspec | grep -q '<license type="expression">MIT</license>' || { echo "package lacks its licence" >&2; exit 1; }
[ -f "$out/packages/ArchModel.$version.snupkg" ] || { echo "symbols package missing" >&2; exit 1; }

dotnet tool install ArchModel.Cli --version "$version" --tool-path "$out/tool" --add-source "$out/packages" >/dev/null
"$out/tool/archmodel" validate models/quickstart/model.json
"$out/tool/archmodel" validate models/demo-province/model.json --quiet
"$out/tool/archmodel" diff models/demo-province/model.json models/demo-province-2020/model.json --format json >/dev/null
echo "tool installed from its package and ran: ok"
