#!/usr/bin/env bash
# The diff of one very large object: a ConfigMap of N short keys (default 150,000, about 1.9 MB)
# added to a bundle, then every value of it changed. Prints wall time, CPU and peak RSS of
# `canary2k8s diff` for each case; the report says how many lines changed instead of a line diff.
#
# usage: bench/scale/large-object-diff.sh [N]     (run from anywhere; needs GNU time)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
N="${1:-150000}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/canary2k8s-lod.XXXXXX")"
echo "work dir: $WORK" >&2
mkdir -p "$WORK/empty" "$WORK/v" "$WORK/w"
small=$'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: small\n  namespace: ns\ndata:\n  a: b\n'
for d in empty v w; do printf '%s' "$small" >"$WORK/$d/small.yaml"; done
big() { # big VALUE: the large ConfigMap with every key set to VALUE
  printf 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\n  namespace: ns\ndata:\n'
  awk -v n="$N" -v v="$1" 'BEGIN { for (i = 0; i < n; i++) printf "  k%06d: %s\n", i, v }'
}
big v >"$WORK/v/big.yaml"
big w >"$WORK/w/big.yaml"
for pair in "empty v added" "v w changed"; do
  read -r a b what <<<"$pair"
  /usr/bin/time -f "$what ($N keys): %e s wall, %U s user, %S s sys, %M KB peak RSS" \
    ./canary2k8s diff "$WORK/$a" "$WORK/$b" >"$WORK/$what.md" 2>"$WORK/$what.err" || true
  tail -1 "$WORK/$what.err"
done
