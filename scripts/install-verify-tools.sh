#!/usr/bin/env bash
# Installs what the diagram and spreadsheet tests check their output with, on a fresh Debian machine, and only
# what is missing: Graphviz `dot` with a CJK font (Debian packages graphviz, fonts-wqy-microhei), Node.js, the
# Mermaid parser (npm packages mermaid and jsdom, pinned in tests/tools/mermaid/package-lock.json), and
# LibreOffice Calc without its GUI (libreoffice-calc-nogui: `soffice --headless` opens the exported workbooks).
# Safe to run again: a second run installs nothing. CI runs it before the build (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; fi
fi

packages=()
command -v dot >/dev/null 2>&1 || packages+=(graphviz)
# Read the font list whole: `fc-list | grep -q` would fail under pipefail when grep stops early.
fonts=$(fc-list : family 2>/dev/null || true)
case "$fonts" in
  *"WenQuanYi Micro Hei"*) ;;
  *) packages+=(fonts-wqy-microhei) ;;
esac
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)
command -v soffice >/dev/null 2>&1 || packages+=(libreoffice-calc-nogui)

if [ "${#packages[@]}" -gt 0 ]; then
  echo "install-verify-tools: apt-get install ${packages[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi

mermaid=tests/tools/mermaid
if [ ! -d "$mermaid/node_modules/mermaid" ] || [ ! -d "$mermaid/node_modules/jsdom" ]; then
  echo "install-verify-tools: npm ci in $mermaid"
  (cd "$mermaid" && npm ci --no-audit --no-fund --loglevel=error)
fi

echo "install-verify-tools: $(dot -V 2>&1 | head -n 1); node $(node --version); mermaid $(node -p "require('./$mermaid/node_modules/mermaid/package.json').version"); $(soffice --version 2>/dev/null | head -n 1)"
