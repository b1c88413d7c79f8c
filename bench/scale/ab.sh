#!/usr/bin/env bash
# Before/after on a noisy machine: runs `migrate` of one estate with each variant in turn, ROUNDS
# times, so that both see the same hours of the machine; prints wall, CPU and peak RSS per run.
#
# usage: bench/scale/ab.sh ESTATE OUT_DIR ROUNDS LABEL=LAUNCHER[:JAVA_OPTS] ...
#   e.g. git worktree add /tmp/before 8669714 && /tmp/before/canary2k8s --version
#        bench/scale/ab.sh /tmp/e10000 /dev/shm 3 before=/tmp/before/canary2k8s after=./canary2k8s
#   LAUNCHER is a checkout's ./canary2k8s (build it first: its first run builds the jar);
#   JAVA_OPTS go to CANARY2K8S_JAVA_OPTS, e.g. "after-xms=./canary2k8s:-XX:+UseParallelGC -Xmn128m -Xms768m".
# Each run writes a fresh OUT_DIR/ab-* bundle; they are deleted at the end, not between runs
# (deleting 100,000 files on a disk with online discard slows the next run; see run.sh).
set -euo pipefail
estate="$1" out="$2" rounds="$3"
shift 3
made=()
trap 'rm -rf "${made[@]}"' EXIT
for r in $(seq 1 "$rounds"); do
  for v in "$@"; do
    label="${v%%=*}" rest="${v#*=}"
    launcher="${rest%%:*}" opts=""
    [[ "$rest" == *:* ]] && opts="${rest#*:}"
    d="$(mktemp -u "$out/ab-XXXXXX")"
    made+=("$d")
    sync
    CANARY2K8S_JAVA_OPTS="$opts" /usr/bin/time -o "$d.time" -f "%e %U %S %M" \
      "$launcher" migrate --from-aws-cli "$estate" --out "$d" > /dev/null 2> "$d.err"
    made+=("$d.time" "$d.err")
    read -r wall user sys rss < "$d.time"
    echo "$label round $r: wall ${wall} s, user ${user} s, sys ${sys} s, peak RSS $((rss / 1024)) MiB"
  done
done
