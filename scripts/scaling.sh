#!/usr/bin/env bash
# The scaling run of the README's performance section: generates models of about 10k, 100k and 1M elements
# (archmodel generate, split by region), then times each stage in fresh processes per run and size (in each run
# the sizes one after another) — the bare read of the files with Newtonsoft's JsonTextReader (the floor, with
# .NET's default GC), load and validate, analyse, a diagram, a report (with the tool's GC settings) — with the
# peak memory after each, and prints the median of the runs, the highest peak, and the median and range of the
# scaling exponent between sizes and of the ratio of load + analyse to the bare read, both taken within each run.
# Every process compiles each method fully optimized at its first call, without tiering: steady-state times.
# Usage: scripts/scaling.sh [SIZES] [RUNS]   (default 10000,100000,1000000 and 3 runs; generated models are
# kept in $TMPDIR/archmodel-scaling)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${1:-10000,100000,1000000}
runs=${2:-3}
dotnet build tests/ArchModel.Benchmarks -c Release -nologo -clp:NoSummary >/dev/null
exec dotnet tests/ArchModel.Benchmarks/bin/Release/net10.0/ArchModel.Benchmarks.dll --pipeline "$sizes" --runs "$runs"
