# Sourced by run.sh and ab.sh: CPU time the hypervisor gave to other guests while
# this machine's cores waited (steal, all cores, from /proc/stat). The machine's speed varies by
# the hour, and this is one cause a reader can see beside each number.
#   t0="$(steal_ticks)"; ...; steal_since "$t0"    # prints seconds, e.g. 0.03
steal_ticks() { awk '/^cpu / {print $9; exit}' /proc/stat; }
steal_since() { awk -v a="$1" -v b="$(steal_ticks)" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.2f", (b - a) / hz}'; }
