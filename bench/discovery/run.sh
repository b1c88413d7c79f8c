#!/usr/bin/env bash
# Live discovery benchmark against moto: seeds N apps, then times
#   (1) live discovery in a fresh JVM (JVM start included),
#   (2) the same read calls from one sequential boto3 process,
#   (3) the capture script with the AWS CLI.
# usage: bench/discovery/run.sh [N...]   (default: 100 1000); run from the repository root.
# Each timed line gives wall seconds, the CPU seconds of the timed process (user + sys) and the
# CPU seconds moto used meanwhile: moto serves one request at a time (Python GIL), so its CPU
# time is a floor for any client, and on a small machine client CPU competes with it.
# Live discovery runs with C1 only and the serial GC (CANARY2K8S_JAVA_OPTS overrides them),
# then once with the JVM's own defaults for comparison.
# The capture script starts one AWS CLI process per load balancer (about 0.7 s each), so it is
# timed only for N <= CAPTURE_MAX_N (default 100).
set -euo pipefail
cd "$(dirname "$0")/../.."
sizes=("$@")
if [ "${#sizes[@]}" -eq 0 ]; then sizes=(100 1000); fi
region=eu-west-1
work="$(mktemp -d)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
moto_server -H 127.0.0.1 -p "$port" > "$work/moto.log" 2>&1 &
moto_pid=$!
trap 'kill "$moto_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
endpoint="http://127.0.0.1:$port"
until curl -fsS "$endpoint/moto-api/" > /dev/null 2>&1; do sleep 0.2; done

# built in the reactor, nothing installed into ~/.m2: without "package", the reactor resolves the
# modules discover needs (common) to their target/classes
./mvnw -B -q -pl discover -am -DskipTests compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt > /dev/null
cp="discover/target/classes:$(cat discover/target/bench-classpath.txt)"
javac -d "$work" -cp "$cp" bench/discovery/LiveBench.java
cat > "$work/Render.java" <<'JAVA'
public class Render { public static void main(String[] a) { System.out.print(io.canary2k8s.discover.live.CaptureScript.render()); } }
JAVA
javac -d "$work" -cp "$cp" "$work/Render.java"
java -cp "$cp:$work" Render > "$work/capture.sh"
export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_DEFAULT_REGION="$region"

now() { python3 -c 'import time; print(time.monotonic())'; }
java_opts="${CANARY2K8S_JAVA_OPTS--XX:TieredStopAtLevel=1 -XX:+UseSerialGC}"
timed() { python3 bench/discovery/timed.py "$moto_pid" "$@"; }
for n in "${sizes[@]}"; do
  curl -fsS -X POST "$endpoint/moto-api/reset" > /dev/null
  t0=$(now); python3 bench/discovery/seed.py "$endpoint" "$region" "$n"; t1=$(now)
  echo "N=$n seed seconds: $(python3 -c "print(round($t1-$t0,1))")"
  for round in 1 2; do
    # shellcheck disable=SC2086
    timed "N=$n live discovery (round $round, launcher JVM options: $java_opts) incl. JVM start" \
      java $java_opts -cp "$cp:$work" LiveBench "$endpoint" "$region"
  done
  timed "N=$n live discovery (JVM defaults) incl. JVM start" java -cp "$cp:$work" LiveBench "$endpoint" "$region"
  timed "N=$n boto3 sequential" python3 bench/discovery/boto3_discover.py "$endpoint" "$region"
  if [ "$n" -gt "${CAPTURE_MAX_N:-100}" ]; then continue; fi
  t0=$(now); bash "$work/capture.sh" --region "$region" --endpoint-url "$endpoint" "$work/capture-$n" 2> /dev/null; t1=$(now)
  echo "N=$n capture script wall seconds: $(python3 -c "print(round($t1-$t0,2))")"
done
