#!/usr/bin/env bash
# Runs the mutation fuzzer (tests/ArchModel.Cli.Tests/MutationFuzzTests.cs) for longer than CI does, from a seed
# taken from the clock and printed first, so that a failure can be replayed:
#
#   scripts/fuzz.sh --minutes 30            # a new seed
#   scripts/fuzz.sh --minutes 5 --seed S    # replay seed S (add --from N to start at the failing mutant N)
#
# A failure names its seed and mutant ("seed S, mutant N: …"). docs/reliability.md says what is checked.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

minutes=10
seed=$(( $(date +%s) % 2000000000 ))
from=0
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) minutes="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --from) from="$2"; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "fuzz.sh: unknown argument '$1' (use --minutes N, --seed S, --from N)" >&2; exit 2 ;;
  esac
done
echo "fuzz: seed $seed, from mutant $from, for $minutes minutes (replay: scripts/fuzz.sh --minutes $minutes --seed $seed --from $from)"

dotnet build tests/ArchModel.Cli.Tests/ArchModel.Cli.Tests.csproj -c Release -warnaserror -nologo -clp:NoSummary
ARCHMODEL_FUZZ_MINUTES="$minutes" ARCHMODEL_FUZZ_SEED="$seed" ARCHMODEL_FUZZ_FIRST="$from" \
  dotnet test tests/ArchModel.Cli.Tests/ArchModel.Cli.Tests.csproj -c Release --no-build -nologo \
  --filter "FullyQualifiedName~MutationFuzzTests.Fuzz_LongRun_FromTheEnvironment" --logger "console;verbosity=detailed"
