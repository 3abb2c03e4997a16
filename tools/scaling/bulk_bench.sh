#!/bin/bash
# Imports a TMX file into a new PostgreSQL memory and exports it again, printing wall time, CPU and
# peak RSS of pamyat (GNU time) and the CPU the cluster spent (tools/scaling/pg_cpu.py), then checks
# that the export holds the same units as the file (TMX bodies compared without their tuid, which is
# the storing memory's unit id).
#
#   tools/scaling/bulk_bench.sh PAMYAT TMX SOCKET_DIR DATA_DIR [DATABASE]
#
# SOCKET_DIR: the cluster's Unix socket folder; DATA_DIR: its data folder (for the postmaster's pid).
set -eu
pamyat=$1 tmx=$2 socket=$3 data=$4 db=${5:-bench$$}
here=$(dirname "$0")
createdb -h "$socket" -U pamyat "$db"
url="postgresql://pamyat@/$db?host=$socket"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
units=$(grep -c '<tu[ >]' "$tmx")
run() { # name, command…
    name=$1; shift
    before=$(python3 "$here/pg_cpu.py" "$data")
    /usr/bin/time -f "%e %U %S %M" -o "$out/time" "$@" > "$out/$name.out" 2>&1 || { cat "$out/$name.out"; exit 1; }
    sleep 1 # the backend of the closed connection is reaped
    after=$(python3 "$here/pg_cpu.py" "$data")
    read -r wall user sys rss < "$out/time"
    awk -v n="$name" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v b="$before" -v a="$after" -v k="$units" 'BEGIN {
        printf "%-6s %8d units  %7.2f s wall  %8.0f units/s  pamyat %6.2f s CPU, peak RSS %4.0f MB  postgres %6.2f s CPU\n",
            n, k, w, k / w, u + s, r / 1024, a - b }'
}
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
run import "$pamyat" import "$tmx" --memory "$url"
run export "$pamyat" export "$out/out.tmx" --memory "$url"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
if cmp -s <(sed -n '/<body>/,$p' "$tmx" | sed 's/ tuid="[0-9]*"//') <(sed -n '/<body>/,$p' "$out/out.tmx" | sed 's/ tuid="[0-9]*"//') 2>/dev/null; then
    echo "export: the same units as $tmx"
else
    echo "export: DIFFERS from $tmx"
fi
