#!/usr/bin/env bash
# The real round trip of the benchmark's "2 ms RTT" link: two namespaces joined by netwire with
# 1000 us each way, a datagram of each block size out and a 4-byte answer back (DATA and ACK),
# 1,000 times each, with Python's sockets on both ends. Prints the median, p10 and p90.
#
#   sudo netboot-bench/tftp/netwire-rtt.sh
#
# Namespaces get the script's PID as suffix and are deleted on exit, with the processes it
# started (by PID). Needs root, gcc, python3 and iproute2.
set -euo pipefail
NETWIRE_SOURCE=${NETWIRE_SOURCE:-/work/shared/tools/netwire.c}
work=$(mktemp -d)
s=nbrs-$$
c=nbrc-$$
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  ip netns del "$s" 2>/dev/null || true
  ip netns del "$c" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
cat >"$work/echo.py" <<'PY'
import socket, sys, time
if sys.argv[1] == "server":
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind((sys.argv[2], 7070))
    s.settimeout(30)
    try:
        while True:
            data, addr = s.recvfrom(65535)
            s.sendto(data[:4], addr)
    except socket.timeout:
        pass
else:
    host, size, n = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.settimeout(2)
    payload, rtts = b"x" * size, []
    for _ in range(n):
        t = time.perf_counter_ns()
        s.sendto(payload, (host, 7070))
        s.recvfrom(65535)
        rtts.append(time.perf_counter_ns() - t)
    rtts.sort()
    print(f"{size}-byte datagram: median {rtts[n // 2] / 1e3:.0f} us,"
          f" p10 {rtts[n // 10] / 1e3:.0f} us, p90 {rtts[9 * n // 10] / 1e3:.0f} us")
PY
gcc -O2 -o "$work/netwire" "$NETWIRE_SOURCE"
ip netns add "$s"
ip netns add "$c"
"$work/netwire" "$s" tw0 "$c" tw1 1000 0 1 >"$work/nw.out" 2>"$work/nw.err" &
pids+=($!)
for _ in $(seq 50); do grep -q READY "$work/nw.out" 2>/dev/null && break; sleep 0.1; done
grep -q READY "$work/nw.out" || { echo "netwire did not start" >&2; exit 1; }
ip -n "$s" addr add 10.231.7.1/24 dev tw0
ip -n "$c" addr add 10.231.7.2/24 dev tw1
for pair in "$s tw0" "$c tw1"; do
  set -- $pair
  ip -n "$1" link set "$2" mtu 1500 up
  ip -n "$1" link set lo up
done
ip netns exec "$s" python3 "$work/echo.py" server 10.231.7.1 &
pids+=($!)
sleep 0.5
for size in 516 1472 8196; do
  ip netns exec "$c" python3 "$work/echo.py" client 10.231.7.1 "$size" 1000
done
