#!/usr/bin/env bash
# Installs what the HTML report checks use: Debian's headless-capable Chromium (/usr/bin/chromium).
# The tests open the reports in it offline (docs/documents.md, "Verification"); they fail, not skip, without it.
# Never lets a test tool download its own browser.
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
