#!/usr/bin/env python3
"""Prints the CPU seconds (user + system) a PostgreSQL cluster has used so far: its postmaster's own,
its finished children's (cutime/cstime, what the postmaster reaped: backends of closed connections)
and its running children's (checkpointer, WAL writer, open backends). The difference of two readings
is what the server spent between them.

  python3 tools/scaling/pg_cpu.py DATA_DIRECTORY     # reads the postmaster's pid from postmaster.pid
"""
import os, sys

TICKS = os.sysconf("SC_CLK_TCK")


def fields(pid):
    with open("/proc/%d/stat" % pid) as stat:
        text = stat.read()
    return text[text.rindex(")") + 2:].split()  # fields from 3 (state) on


def main():
    with open(os.path.join(sys.argv[1], "postmaster.pid")) as pidfile:
        postmaster = int(pidfile.readline())
    f = fields(postmaster)
    # utime, stime, cutime, cstime are fields 14-17 (index 11-14 counting from field 3).
    ticks = sum(int(x) for x in f[11:15])
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                c = fields(int(entry))
            except OSError:
                continue
            if int(c[1]) == postmaster:  # field 4: parent pid
                ticks += int(c[11]) + int(c[12])
    print("%.2f" % (ticks / TICKS))


main()
