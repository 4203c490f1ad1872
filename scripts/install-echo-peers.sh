#!/usr/bin/env bash
# Installs the standard peers the echo interop tests drive (socat, ncat; openssl is expected to be present).
# Idempotent: apt-get runs only when a tool is missing. Called by .ci/run before the test step.
set -euo pipefail

missing=()
command -v socat >/dev/null 2>&1 || missing+=(socat)
command -v ncat >/dev/null 2>&1 || missing+=(ncat)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)

if [ ${#missing[@]} -eq 0 ]; then
  echo "echo peers present: socat, ncat, openssl"
  exit 0
fi

echo "installing echo peers: ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  sudo_cmd=(sudo)
fi
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}"
