#!/usr/bin/env bash
# Where the cores idle: runs the command and prints, every 250 ms, how busy all the
# machine's cores were in that interval (from /proc/stat; anything else running counts too).
#
# usage: bench/scale/busy.sh COMMAND...
#   e.g. bench/scale/busy.sh ./canary2k8s migrate --from-aws-cli /tmp/e10000 --out /dev/shm/b
set -euo pipefail
"$@" > /dev/null 2>&1 &
pid=$!
read -r -a prev < <(head -1 /proc/stat)
t=0
while kill -0 "$pid" 2> /dev/null; do
  sleep 0.25
  t=$((t + 250))
  read -r -a cur < <(head -1 /proc/stat)
  total=0
  for i in 1 2 3 4 5 6 7 8; do
    total=$((total + cur[i] - prev[i]))
  done
  idle=$(((cur[4] - prev[4]) + (cur[5] - prev[5])))
  if ((total > 0)); then
    awk -v t="$t" -v b=$((100 * (total - idle) / total)) 'BEGIN { printf "%6.2f s  %3d %% busy\n", t / 1000, b }'
  fi
  prev=("${cur[@]}")
done
wait "$pid"
