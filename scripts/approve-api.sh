#!/usr/bin/env bash
# Rewrites tests/ArchModel.Tests/TestFiles/Api/ArchModel.approved.txt from the library as built now, after a change
# to the public API that is meant (review the file's diff, then commit it with the change). The test
# PublicApiTests.PublicApi_Library_MatchesApprovedSurface fails until then.
set -euo pipefail
cd "$(dirname "$0")/.."
ARCHMODEL_UPDATE_GOLDEN=1 dotnet test tests/ArchModel.Tests -c Release -nologo --filter "FullyQualifiedName~PublicApiTests.PublicApi_Library_MatchesApprovedSurface" >/dev/null
git --no-pager diff --stat -- tests/ArchModel.Tests/TestFiles/Api/ArchModel.approved.txt
