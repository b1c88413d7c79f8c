#!/usr/bin/env bash
# JMH for the in-process stages: StagesBench (discover, translate, render) and DiffBench
# (diff), each with -prof gc (allocation per operation), against the estates of a work directory
# made by bench/scale/run.sh (e<N>, and out<N>, out<N>b for diff; DiffBench makes those two when
# they are missing).
#
# usage: bench/scale/jmh.sh WORK [N...]    (default N: 100 1000 10000; run from anywhere)
# env:   JMH_SIZES="100 1000"   sizes measured in average-time mode (2 warm-up and 3 measured
#                               iterations of 2 s, one fork); other sizes single-shot (1 warm-up
#                               and 3 measured operations: one takes seconds)
# Writes WORK/jmh-*.txt and .csv, and bench/scale/results/jmh.csv and jmh.txt in the repo.
#
# The benchmark classes are built in the reactor (-Pbench adds bench/jmh/src to cli's tests):
# nothing is installed into ~/.m2, and the classpath is the reactor's own classes.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
if [ $# -lt 1 ] || [ ! -d "$1" ]; then
  echo "usage: bench/scale/jmh.sh WORK [N...]   (WORK: a work directory of bench/scale/run.sh, holding e<N>)" >&2
  exit 2
fi
WORK="$(cd "$1" && pwd)"
shift
sizes=("$@")
[ "${#sizes[@]}" -eq 0 ] && sizes=(100 1000 10000)
# without "package", the reactor resolves the modules cli needs to their target/classes
./mvnw -B -q -Pbench -pl cli -am -DskipTests test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt > "$WORK/jmh-build.log"
cp="cli/target/test-classes:cli/target/classes:$(cat cli/target/bench-classpath.txt)"
benches='io\.canary2k8s\.bench\..*'
jmh_sizes="${JMH_SIZES:-100 1000}"
small=() large=()
for n in "${sizes[@]}"; do
  case " $jmh_sizes " in *" $n "*) small+=("$n") ;; *) large+=("$n") ;; esac
done
rm -f "$WORK"/jmh-*.csv "$WORK"/jmh-*.txt
runs=() # this run's outputs, <run>.csv and <run>.txt, in the order made
if [ "${#small[@]}" -gt 0 ]; then
  list="$(IFS=,; echo "${small[*]}")"
  java -cp "$cp" org.openjdk.jmh.Main "$benches" -foe true -p apps="$list" -prof gc \
    -jvmArgsPrepend "-Dbench.estates=$WORK" -rf csv -rff "$WORK/jmh-small.csv" | tee "$WORK/jmh-small.txt" >&2
  runs+=("$WORK/jmh-small")
fi
for n in "${large[@]}"; do
  java -cp "$cp" org.openjdk.jmh.Main "$benches" -foe true -p apps="$n" -bm ss -tu ms -wi 1 -i 3 -prof gc \
    -jvmArgsPrepend "-Dbench.estates=$WORK" -jvmArgsAppend "-Xms4g -Xmx4g" \
    -rf csv -rff "$WORK/jmh-$n.csv" | tee "$WORK/jmh-$n.txt" >&2
  runs+=("$WORK/jmh-$n")
done
# one header, then the rows of each run
mkdir -p bench/scale/results
awk 'FNR == 1 && NR != 1 {next} {print}' "${runs[@]/%/.csv}" > bench/scale/results/jmh.csv
grep -h -E '^(Benchmark|[A-Za-z]+Bench\.)' "${runs[@]/%/.txt}" | awk '!(/^Benchmark/ && seen++)' > bench/scale/results/jmh.txt
