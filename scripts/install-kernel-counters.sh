#!/usr/bin/env bash
# Makes the kernel's syscall tracepoints reachable for --kernel-counts (on by default): mounts tracefs
# where it is missing. Needs root; without it the benchmarks say why the kernel count is unavailable
# and the counter's tests skip with that reason.
set -euo pipefail
if [ -d /sys/kernel/tracing/events/syscalls ] || [ -d /sys/kernel/debug/tracing/events/syscalls ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-kernel-counters: not root, tracefs left unmounted (kernel send counts will be unavailable)" >&2
  exit 0
fi
mount -t tracefs nodev /sys/kernel/tracing 2>/dev/null || mount -t debugfs nodev /sys/kernel/debug 2>/dev/null || true
if [ -d /sys/kernel/tracing/events/syscalls ] || [ -d /sys/kernel/debug/tracing/events/syscalls ]; then
  echo "install-kernel-counters: tracefs mounted"
else
  echo "install-kernel-counters: no syscall tracepoints on this kernel (CONFIG_FTRACE_SYSCALLS); kernel send counts will be unavailable" >&2
fi
