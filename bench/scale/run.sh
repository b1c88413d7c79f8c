#!/usr/bin/env bash
# Scale benchmark: synthetic estates of N apps -> whole-process runs of the CLI
# (migrate end to end, the rerun onto an unchanged and onto a changed bundle, diff of two
# bundles, --version start-up), a one-shot per-stage timing (Stages.java) and JMH for the
# in-process stages.
#
# usage: bench/scale/run.sh [N...]          (default: 100 1000 10000; run from anywhere)
# env:   RUNS=3          migrate runs per N (the minimum is reported; the machine may be shared)
#        VERSION_RUNS=10 --version runs
#        JMH=1           also run JMH (bench/scale/jmh.sh: StagesBench and DiffBench, -prof gc);
#                        JMH_SIZES="100 1000" by default, 10,000 single-shot (one op takes seconds)
#        SEED=7          estate seed
#        WORK=DIR        where estates and bundles go (default: a fresh temp dir, kept)
# Writes $WORK/results.csv, $WORK/jmh-*.txt and bench/scale/results/ (CSV + PNG) in the repo.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
sizes=("$@")
[ "${#sizes[@]}" -eq 0 ] && sizes=(100 1000 10000)
RUNS="${RUNS:-3}"
VERSION_RUNS="${VERSION_RUNS:-10}"
SEED="${SEED:-7}"
WORK="${WORK:-$(mktemp -d "${TMPDIR:-/tmp}/canary2k8s-scale.XXXXXX")}"
mkdir -p "$WORK" bench/scale/results
echo "work dir: $WORK" >&2

{
  echo "# machine"
  echo "nproc: $(nproc)"
  echo "memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
  echo "cpu: $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
  echo "jdk: $(java -version 2>&1 | head -1)"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "commit: $(git rev-parse --short HEAD)$(git diff --quiet || echo '+dirty')"
} | tee "$WORK/machine.txt" >&2

# 1. the executable (the launcher builds it and its AppCDS archive on first use). Do not edit
# sources during a run: the launcher would rebuild the jar inside a measured run.
./canary2k8s --version > /dev/null

# 2. estates
gen="$WORK/gen"
mkdir -p "$gen"
javac -d "$gen" bench/estate/EstateGenerator.java
for n in "${sizes[@]}"; do
  if [ ! -d "$WORK/e$n" ]; then
    java -cp "$gen" EstateGenerator --apps "$n" --seed "$SEED" --out "$WORK/e$n" 2>> "$WORK/gen.log"
  fi
  # the same estate after app N/2 scaled out by one instance: a capture that changed a little
  if [ ! -d "$WORK/e${n}s" ]; then
    java -cp "$gen" EstateGenerator --apps "$n" --seed "$SEED" --scale-out $((n / 2)) --out "$WORK/e${n}s" 2>> "$WORK/gen.log"
  fi
done

# 3. whole-process runs, measured by /usr/bin/time -v (wall, user, sys, peak RSS); migrate runs
# with --allow-errors: the generated estates put plain TCP listeners of many load balancers on one
# port, which one edge cannot serve (an ERROR per listener), and the bundle is written all the same
csv="$WORK/results.csv"
echo "what,n,run,wall_s,user_s,sys_s,max_rss_kb,steal_s" > "$csv"
# shellcheck source=steal.sh
. bench/scale/steal.sh # steal_ticks, steal_since: the CPU time the hypervisor took from a run
measure() { # what n run cmd...
  local what="$1" n="$2" run="$3"
  shift 3
  sync # the previous run's writes and deletions (ext4 with online discard here) are not billed to this one
  local steal0
  steal0="$(steal_ticks)"
  /usr/bin/time -v -o "$WORK/time.txt" "$@" > /dev/null 2> "$WORK/stderr.txt" || [ "$what" = diff ] # diff exits 1 on changes
  local steal
  steal="$(steal_since "$steal0")"
  local wall user sys rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$WORK/time.txt")
  user=$(awk -F': ' '/User time/ {print $2}' "$WORK/time.txt")
  sys=$(awk -F': ' '/System time/ {print $2}' "$WORK/time.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/time.txt")
  echo "$what,$n,$run,$wall,$user,$sys,$rss,$steal" | tee -a "$csv" >&2
}
for i in $(seq 1 "$VERSION_RUNS"); do
  measure version 0 "$i" ./canary2k8s --version
done
# Bundles of earlier runs are moved aside, not deleted, until the end: on ext4 without a journal
# a file made within minutes of deleting many costs far more (BENCHMARKS.md, "The machine"), and
# a measured run must not pay for the previous one. A fresh directory per run; everything aside
# is deleted after the last measurement (give the disk a few minutes before running this again).
aside="$WORK/aside"
mkdir -p "$aside"
move_aside() { # dir...
  local d
  for d in "$@"; do
    [ -e "$d" ] && mv "$d" "$aside/$(basename "$d").$(date +%s%N)"
  done
  return 0
}
for n in "${sizes[@]}"; do
  move_aside "$WORK/out$n" "$WORK/out${n}b" "$WORK/stages$n"
  for i in $(seq 1 "$RUNS"); do
    move_aside "$WORK/out$n"
    measure migrate "$n" "$i" ./canary2k8s migrate --allow-errors --from-aws-cli "$WORK/e$n" --out "$WORK/out$n"
  done
  # the rerun: same input, the bundle is compared and left as it is
  measure migrate-unchanged "$n" 1 ./canary2k8s migrate --allow-errors --from-aws-cli "$WORK/e$n" --out "$WORK/out$n"
  # diff of two bundles of N apps: the same estate read with the other weight basis, so every
  # app whose in-service count differs from its desired count changes replicas and weights
  ./canary2k8s migrate --allow-errors --from-aws-cli "$WORK/e$n" --weight-basis in-service --out "$WORK/out${n}b" > /dev/null 2>&1
  measure diff "$n" 1 ./canary2k8s diff "$WORK/out$n" "$WORK/out${n}b"
  # where the time goes, stage by stage, in one JVM (bench/scale/Stages.java)
  java -XX:+UseParallelGC -Xmn128m -Xms768m -XX:MaxTenuringThreshold=0 -XX:TieredStopAtLevel=1 -cp cli/target/canary2k8s.jar bench/scale/Stages.java "$WORK/e$n" "$WORK/stages$n" \
    | tee "$WORK/stages-$n.txt" >&2
  cp "$WORK/stages-$n.txt" "bench/scale/results/stages-$n.txt"
  # the rerun after a small change: one app scaled out, written onto out<N>; last, since it
  # replaces the bundle the diff above read
  measure migrate-changed "$n" 1 ./canary2k8s migrate --allow-errors --from-aws-cli "$WORK/e${n}s" --out "$WORK/out$n"
done
cp "$csv" bench/scale/results/results.csv
cp "$WORK/machine.txt" bench/scale/results/machine.txt

# 4. JMH: the in-process stages (bench/scale/jmh.sh; DiffBench compares out<N> and out<N>b above)
if [ "${JMH:-1}" = 1 ]; then
  bench/scale/jmh.sh "$WORK" "${sizes[@]}"
fi

# 5. fit and plot
javac -d "$gen" bench/scale/Plot.java
java -Djava.awt.headless=true -cp "$gen" Plot bench/scale/results/results.csv bench/scale/results/scale.png \
  | tee bench/scale/results/fit.txt

# the bundles of earlier runs, after every measurement (see above)
rm -rf "$aside"
