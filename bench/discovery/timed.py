#!/usr/bin/env python3
"""Runs a command and prints its wall time, the CPU time it used (user + sys, children
included) and the CPU time the moto server used meanwhile (from /proc, Linux only).

usage: timed.py MOTO_PID LABEL CMD...   -> "LABEL: wall W s, client cpu C s, moto cpu M s | <first output line>"
"""
import os
import resource
import subprocess
import sys
import time

pid, label, cmd = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
tick = os.sysconf("SC_CLK_TCK")


def moto_cpu():
    try:
        with open("/proc/%d/stat" % pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / tick
    except OSError:
        return float("nan")


m0, t0 = moto_cpu(), time.monotonic()
r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
out = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, check=True).stdout
wall = time.monotonic() - t0
r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
first = out.splitlines()[0] if out else ""
print("%s: wall %.2f s, client cpu %.2f s, moto cpu %.2f s | %s" % (label, wall, cpu, moto_cpu() - m0, first))
