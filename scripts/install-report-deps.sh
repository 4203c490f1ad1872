#!/usr/bin/env bash
# ScottPlot renders text with the system's fonts (SkiaSharp's native library ships in its NuGet
# package). Installs a TrueType font only when none is present; safe to run again.
set -euo pipefail
if [ "$(uname -s)" != Linux ] || find /usr/share/fonts /usr/local/share/fonts -name '*.ttf' -print -quit 2>/dev/null | grep -q .; then
  exit 0
fi
SUDO=; [ "$(id -u)" -eq 0 ] || SUDO=sudo
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends fonts-dejavu-core fontconfig
