#!/usr/bin/env bash
# Installs what scripts/netns-peer needs (ip and tc from iproute2, nft from nftables) for the
# remote-peer tests. Idempotent: apt-get runs only when a tool is missing. Called by .ci/run.
set -euo pipefail

missing=()
command -v ip >/dev/null 2>&1 || missing+=(iproute2)
command -v tc >/dev/null 2>&1 || missing+=(iproute2)
command -v nft >/dev/null 2>&1 || missing+=(nftables)

if [ ${#missing[@]} -eq 0 ]; then
  echo "netns tools present: ip, tc, nft"
  exit 0
fi

# Installing needs root; without it the netns tests skip with their reason anyway.
if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null 2>&1; then
  echo "netns tools missing (${missing[*]}) and no root to install them: the netns tests will skip"
  exit 0
fi

sudo_cmd=()
[ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
mapfile -t unique < <(printf '%s\n' "${missing[@]}" | sort -u)
echo "installing netns tools: ${unique[*]}"
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${unique[@]}"
