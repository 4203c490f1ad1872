#!/usr/bin/env bash
# Installs the tools that measure the loopback limit the report compares every send row with
# (iperf3 for TCP and UDP, sockperf as a second UDP source). Idempotent: apt-get runs only when a
# tool is missing. Called by .ci/run before the benchmark step; without them the report says so.
set -euo pipefail

missing=()
command -v iperf3 >/dev/null 2>&1 || missing+=(iperf3)
command -v sockperf >/dev/null 2>&1 || missing+=(sockperf)

if [ ${#missing[@]} -eq 0 ]; then
  echo "limit tools present: iperf3, sockperf"
  exit 0
fi

echo "installing limit tools: ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  sudo_cmd=(sudo)
fi
"${sudo_cmd[@]}" apt-get update -qq
# iperf3's package asks whether to start a daemon at boot; the answer is no.
echo "iperf3 iperf3/start_daemon boolean false" | "${sudo_cmd[@]}" debconf-set-selections 2>/dev/null || true
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}"
