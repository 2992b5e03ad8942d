#!/usr/bin/env bash
# Installs what a fresh machine lacks, then returns: npm packages (npm ci) and, on Debian/Ubuntu
# when allowed, the system tools the build and tests use. Safe to run again: it skips what is there.
#   KEHOACH_NO_APT=1   never call apt-get (the PDF step then needs a browser you installed yourself)
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
have_browser() {
  [ -n "${PUPPETEER_EXECUTABLE_PATH:-}" ] || [ -n "${CHROME_PATH:-}" ] ||
    command -v chromium >/dev/null || command -v chromium-browser >/dev/null ||
    command -v google-chrome >/dev/null || command -v google-chrome-stable >/dev/null || command -v microsoft-edge >/dev/null
}
have_browser || need+=(chromium)
command -v pdftotext >/dev/null || need+=(poppler-utils)
command -v soffice >/dev/null || need+=(libreoffice-writer-nogui)
# LibreOffice's UNO bridge for Debian's own python (the redline test accepts and rejects changes through it).
{ [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import uno' 2>/dev/null; } || need+=(python3-uno)
[ -e /usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf ] || need+=(fonts-liberation2)

if [ ${#need[@]} -gt 0 ]; then
  if [ -n "${KEHOACH_NO_APT:-}" ] || ! command -v apt-get >/dev/null; then
    echo "setup: thiếu ${need[*]} (cài bằng trình quản lý gói của máy; PDF cần Chromium, Chrome hoặc Edge)" >&2
  else
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then
      if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
        echo "setup: cần quyền root để cài ${need[*]}: sudo apt-get install ${need[*]}" >&2; need=()
      fi
    fi
    if [ ${#need[@]} -gt 0 ]; then
      echo "setup: cài gói Debian: ${need[*]}" >&2
      $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
      $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
    fi
  fi
fi

# npm ci when node_modules is missing or older than the lock file (a fresh clone always has none).
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
