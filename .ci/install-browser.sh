#!/usr/bin/env bash
# Installs Debian's Chromium, Firefox ESR and CJK fonts when they are missing (browser tests run in both
# engines; the benchmark needs Chromium), and poppler-utils (pdftotext, pdfinfo) with which the print
# report's PDF is checked.
set -euo pipefail
if [ -n "${STRATEX_NO_BROWSER:-}" ]; then
  echo "STRATEX_NO_BROWSER is set: this path must run without installing a browser" >&2
  exit 1
fi
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/firefox-esr ] && fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' && command -v pdftotext >/dev/null; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Chromium, Firefox ESR or the CJK fonts are missing: run as root, or: sudo apt-get install -y chromium firefox-esr fonts-noto-cjk poppler-utils" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q chromium firefox-esr fonts-noto-cjk poppler-utils
