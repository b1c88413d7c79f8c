#!/usr/bin/env bash
# Before/after on a noisy machine: runs `migrate` of one estate with each variant in turn, ROUNDS
# times, so that both see the same hours of the machine; prints wall, CPU and peak RSS per run,
# and the CPU time the hypervisor gave to other guests during it (steal, all cores, /proc/stat).
#
# usage: bench/scale/ab.sh ESTATE OUT_DIR ROUNDS LABEL=LAUNCHER[:JAVA_OPTS] ...
#   e.g. git worktree add /tmp/before <commit> && /tmp/before/canary2k8s --version
#        bench/scale/ab.sh /tmp/e10000 /dev/shm 3 before=/tmp/before/canary2k8s after=./canary2k8s
#   LAUNCHER is a checkout's ./canary2k8s (build it first: its first run builds the jar);
#   JAVA_OPTS go to CANARY2K8S_JAVA_OPTS after the launcher's own options, so they override them,
#   e.g. "t0=./canary2k8s:-XX:MaxTenuringThreshold=0" (none: the launcher as it is).
# env:   GCLOG=1      also log the collector (-Xlog:gc,gc+cpu) and print, per run, the young and
#                     full collections, their pauses added up and the collector's user CPU
#        DELETE=end   when the bundles go: at the end (default), or each after its run (each;
#                     for OUT_DIR in /dev/shm, where 10,000-app bundles would fill the memory)
#        ONTO=ESTATE2 reruns after a change instead of fresh bundles: each variant
#                     writes onto one bundle of its own, made first from ESTATE2 (not measured);
#                     the rounds then read ESTATE and ESTATE2 in turn, so every measured run
#                     replaces a bundle of the other capture, e.g. ESTATE2 made by
#                     `EstateGenerator --scale-out 5` (one app scaled out). DELETE does not apply.
# Each run writes a fresh OUT_DIR/ab-* bundle. On this disk delete them at the end, not between
# runs: on ext4 without a journal, deleting 100,000 files slows the next run (see run.sh).
set -euo pipefail
estate="$1" out="$2" rounds="$3"
shift 3
# shellcheck source=steal.sh
. "$(dirname "$0")/steal.sh" # steal_ticks, steal_since
mkdir -p "$out"
made=()
trap 'rm -rf "${made[@]}"' EXIT
declare -A onto=() # label -> its bundle, with ONTO
if [[ -n "${ONTO:-}" ]]; then
  for v in "$@"; do
    label="${v%%=*}" rest="${v#*=}"
    onto[$label]="$(mktemp -u "$out/ab-onto-XXXXXX")"
    made+=("${onto[$label]}")
    "${rest%%:*}" migrate --from-aws-cli "$ONTO" --out "${onto[$label]}" > /dev/null 2>&1
  done
fi
for r in $(seq 1 "$rounds"); do
  from="$estate"
  [[ -n "${ONTO:-}" ]] && (( r % 2 == 0 )) && from="$ONTO"
  for v in "$@"; do
    label="${v%%=*}" rest="${v#*=}"
    launcher="${rest%%:*}" opts=""
    [[ "$rest" == *:* ]] && opts="${rest#*:}"
    d="$(mktemp -u "$out/ab-XXXXXX")"
    made+=("$d" "$d.time" "$d.err" "$d.gc")
    bundle="$d"
    [[ -n "${ONTO:-}" ]] && bundle="${onto[$label]}"
    [[ "${GCLOG:-0}" == 1 ]] && opts="$opts -Xlog:gc,gc+cpu:file=$d.gc"
    sync
    steal0="$(steal_ticks)"
    CANARY2K8S_JAVA_OPTS="$opts" /usr/bin/time -o "$d.time" -f "%e %U %S %M" \
      "$launcher" migrate --from-aws-cli "$from" --out "$bundle" > /dev/null 2> "$d.err"
    read -r wall user sys rss < "$d.time"
    steal="$(steal_since "$steal0")"
    line="$label round $r: wall ${wall} s, user ${user} s, sys ${sys} s, peak RSS $((rss / 1024)) MiB, steal ${steal} s"
    if [[ "${GCLOG:-0}" == 1 ]]; then
      young="$(grep -c 'Pause Young' "$d.gc" || true)"
      full="$(grep -c 'Pause Full' "$d.gc" || true)"
      pauses="$(grep -o 'Pause [A-Za-z ()]*[0-9.]*M->[0-9.]*M([0-9.]*M) [0-9.]*ms' "$d.gc" | awk '{s += $NF} END {printf "%.0f", s}')"
      gccpu="$(grep -o 'User=[0-9.]*s' "$d.gc" | awk -F= '{s += $2} END {printf "%.2f", s}')"
      line="$line; young $young, full $full, pauses $pauses ms, collector user CPU $gccpu s"
    fi
    echo "$line"
    [[ "${DELETE:-end}" == each && -z "${ONTO:-}" ]] && rm -rf "$d"
  done
done
