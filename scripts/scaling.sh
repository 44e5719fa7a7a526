#!/usr/bin/env bash
# The scaling run of the README's performance section: for each shape of `archmodel generate` (one table each),
# generates models of about each size in elements (split into files as the generator writes them, seed 1), then
# times each stage in fresh processes per run and size (in each run the sizes one after another) — the bare read
# of the files with Newtonsoft's JsonTextReader (the floor, with .NET's default GC), load and validate, analyse, a
# diagram, the scorecard and the overview reports (with the tool's GC settings) — with the peak memory after each, and prints the median of the
# runs, the highest peak, and the median and range of the scaling exponent between sizes and of the ratio of load
# + analyse to the bare read, both taken within each run. Every process compiles each method fully optimized at
# its first call, without tiering: steady-state times.
# Usage: scripts/scaling.sh [SIZES] [RUNS] [SHAPES]   or   scripts/scaling.sh [--sizes S] [--runs N] [--shapes A,B]
#   SIZES  elements, comma-separated (default 10000,100000,1000000)
#   RUNS   runs per size (default 3)
#   SHAPES synthetic,realistic,huge-jurisdictions,deep-lines,uniform-names (default: every shape)
# Generated models are kept in $TMPDIR/archmodel-scaling (synthetic directly under it, the others under a folder
# named after the shape).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=10000,100000,1000000
runs=3
shapes=synthetic,realistic,huge-jurisdictions,deep-lines,uniform-names
positional=0
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --shapes) shapes=$2; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *)
      case $positional in
        0) sizes=$1 ;;
        1) runs=$1 ;;
        2) shapes=$1 ;;
        *) echo "scripts/scaling.sh: unexpected argument '$1'" >&2; exit 2 ;;
      esac
      positional=$((positional + 1)); shift ;;
  esac
done
dotnet build tests/ArchModel.Benchmarks -c Release -nologo -clp:NoSummary >/dev/null
exec dotnet tests/ArchModel.Benchmarks/bin/Release/net10.0/ArchModel.Benchmarks.dll --pipeline "$sizes" --runs "$runs" --shapes "$shapes"
