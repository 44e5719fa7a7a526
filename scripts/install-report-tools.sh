#!/usr/bin/env bash
# Installs what the HTML report checks use: Debian's headless-capable Chromium (/usr/bin/chromium).
# The tests open the reports in it offline (docs/documents.md, "Verification"); they fail, not skip, without it.
# Never lets a test tool download its own browser.
# The site's browser tests (tests/ArchModel.Tests/Site/PlaywrightSiteTests.cs, docs/site.md) drive this same
# Chromium through Playwright for .NET, whose Node driver ships inside the NuGet package (its own node binary,
# needing only glibc and libstdc++, which .NET needs too): nothing more to install, and Playwright's browser
# download is never run.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  echo "chromium: $(command -v chromium)"
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update
$sudo apt-get install -y --no-install-recommends chromium fonts-wqy-microhei
command -v chromium
