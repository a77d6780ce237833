#!/usr/bin/env bash
# Set up a fresh machine and build everything: system packages (Chromium, poppler-utils, qpdf,
# a Java runtime for the HTML checker), npm dependencies (which bring Node 24), then the website
# and the PDFs of the shipped content into dist/.
#   bash scripts/bootstrap.sh            set up and build
#   bash scripts/bootstrap.sh --deps     set up only (what .ci/run uses)
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || [ -n "${PUPPETEER_EXECUTABLE_PATH:-}" ] || need+=(chromium)
command -v pdfinfo >/dev/null 2>&1 || need+=(poppler-utils)
command -v qpdf >/dev/null 2>&1 || need+=(qpdf)
command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
if [ ${#need[@]} -gt 0 ]; then
  echo "bootstrap: installing ${need[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need[@]}" >/dev/null
fi

# `npm ci` cannot be used with Astro 7 lockfiles on this registry (see docs/decisions.md).
echo "bootstrap: npm install"
npm install --no-audit --no-fund --loglevel=error

if [ "${1:-}" != "--deps" ]; then
  npm run build
fi
