#!/usr/bin/env bash
# CPU seconds per thread group of a run (e.g. how much the C1 compiler thread uses).
# Runs the command, samples /proc/<java pid>/task/*/stat every 0.2 s, and prints the last
# utime+stime of each thread summed by name (digits dropped: "GC Thread#0" and "#1" together).
# The last 0.2 s before the exit are not seen.
#   usage: bench/scale/threadcpu.sh ./canary2k8s migrate --from-aws-cli /tmp/e10000 --out /dev/shm/t
set -uo pipefail
"$@" > /dev/null 2>&1 &
pid=$!
declare -A ticks
while kill -0 "$pid" 2>/dev/null; do
  java=$(pgrep -P "$pid" java || echo "$pid")
  for t in /proc/"$java"/task/*; do
    stat=$(cat "$t/stat" 2>/dev/null) || continue
    name=$(cat "$t/comm" 2>/dev/null) || continue
    read -r -a f <<< "${stat##*) }"
    ticks["$name|${t##*/}"]=$(( f[11] + f[12] ))
  done
  sleep 0.2
done
wait "$pid"
declare -A byname
for k in "${!ticks[@]}"; do n="${k%|*}"; n="${n%%[0-9]*}"; byname["$n"]=$(( ${byname["$n"]:-0} + ${ticks[$k]} )); done
hz=$(getconf CLK_TCK)
for n in "${!byname[@]}"; do printf '%8.2f s  %s\n' "$(echo "${byname[$n]} / $hz" | bc -l)" "$n"; done | sort -rn
