#!/usr/bin/env bash
# The collector's share of a run, per JVM option set, interleaved (session 7, fix 40): runs
# `migrate` of one estate ROUNDS times with each set in turn (added to CANARY2K8S_JAVA_OPTS after
# the launcher's own options, so a set overrides them), with -Xlog:gc,gc+cpu, and prints wall,
# user and system CPU, peak RSS, the young and full collections, their pauses added up and the
# collector's CPU.
#
# usage: bench/scale/gclog.sh ESTATE OUT_DIR ROUNDS "OPTS" ...
#   e.g. bench/scale/gclog.sh /tmp/e10000 /dev/shm 5 -XX:MaxTenuringThreshold=15 -XX:MaxTenuringThreshold=0
#   ("" is the launcher as it is). Each bundle is deleted after its run: use /dev/shm (see
#   BENCHMARKS.md, "Machine", for what deleting does to the next run on this disk).
set -euo pipefail
estate="$1" out="$2" rounds="$3"
shift 3
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work" "$out"/gclog-*' EXIT
for r in $(seq 1 "$rounds"); do
  for opts in "$@"; do
    d="$(mktemp -u "$out/gclog-XXXXXX")"
    sync
    CANARY2K8S_JAVA_OPTS="$opts -Xlog:gc,gc+cpu:file=$work/gc.log" /usr/bin/time -o "$work/time" -f "%e %U %S %M" \
      "$root/canary2k8s" migrate --from-aws-cli "$estate" --out "$d" > /dev/null 2> "$work/err"
    read -r wall user sys rss < "$work/time"
    young="$(grep -c 'Pause Young' "$work/gc.log" || true)"
    full="$(grep -c 'Pause Full' "$work/gc.log" || true)"
    pauses="$(grep -o 'Pause [A-Za-z ()]*[0-9.]*M->[0-9.]*M([0-9.]*M) [0-9.]*ms' "$work/gc.log" | awk '{s += $NF} END {printf "%.0f", s}')"
    gccpu="$(grep -o 'User=[0-9.]*s' "$work/gc.log" | awk -F= '{s += $2} END {printf "%.2f", s}')"
    echo "[${opts:-launcher}] round $r: wall $wall s, user $user s, sys $sys s, peak RSS $((rss / 1024)) MiB;" \
      "young $young, full $full, pauses $pauses ms, collector user CPU $gccpu s"
    rm -rf "$d"
  done
done
