#!/usr/bin/env bash
# Installs what Extractor needs from Debian (idempotent; quiet when everything is there) and restores NuGet packages.
set -euo pipefail
PKGS=(libpoppler-glib8 libcairo2 libglib2.0-0 libtesseract5 liblept5 tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-eng
      fonts-noto-cjk fonts-liberation fonts-arphic-uming poppler-utils libreoffice-writer-nogui)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq >/dev/null
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
command -v dotnet >/dev/null || { echo "setup: the .NET SDK (dotnet) is required" >&2; exit 1; }
