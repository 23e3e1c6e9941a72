#!/usr/bin/env bash
# Side-by-side TFTP download throughput: our server vs atftpd (windowsize, RFC 7440) vs
# tftpd-hpa (lockstep), the same client for all three, over a grid of blksize x windowsize on
# three networks:
#   loopback   127.0.0.1, one namespace
#   rtt2       two namespaces joined by /work/shared/tools/netwire.c, 1000 us each way, no loss
#   lossy      the same link with 0.5 % loss each way (netwire LOSS_PPM 5000)
#
#   sudo netboot-bench/tftp/throughput.sh            # the whole grid, about 20 minutes
#   sudo NETWORKS=loopback RUNS=1 netboot-bench/tftp/throughput.sh   # a quick look
#
# Environment (defaults in brackets):
#   CLIENT       atftp | ours [atftp]  atftp: atftp 0.8's client (--option blksize/windowsize),
#                timed around the process; ours: our TftpClient (dev.netboot.bench.tftp.TftpGet),
#                timed inside its JVM after one warm-up download per point and server
#   NETWORKS     [loopback rtt2 lossy]
#   BLKSIZES     [512 1468 8192]         WINDOWSIZES [1 8 16 64]
#   RUNS         runs per point and server, the median is reported [3]
#   SKIP_BUILD   1: use the jar already in netboot-bench/target [0]
#   LOAD_WAIT    seconds to wait for a 1-minute load average under 3 before starting [600]
#   OUT          where results go [netboot-bench/tftp/results]
#   IPFRAG_TIME  if set, net.ipv4.ipfrag_time (seconds) in both netwire namespaces [kernel: 30]
#
# Blocks larger than the 1500-byte MTU travel as IP fragments. On the lossy link one lost
# fragment leaves the datagram's others in the receiving kernel's reassembly queue for
# ipfrag_time (30 s); at blksize 8192 they fill its 4 MiB (ipfrag_high_thresh) within one 64 MiB
# download, after which every fragmented datagram is dropped (nstat: IpReasmFails) and transfers
# stall whatever the server does. IPFRAG_TIME=1 measures the servers rather than that stall.
#
# tftpd-hpa knows no windowsize: it is measured once per blksize (at the first WINDOWSIZES
# value) and that figure stands for it in every column. On the netwire rows, each point's file
# is sized for about 2 s at the window bound (windowsize x blksize / 2 ms, at most netwire's
# ~100 MB/s), between 1 MiB and 64 MiB; loopback always uses 64 MiB. A run that exceeds its time
# cap counts as size / cap (an upper bound, shown with "<=") and the remaining runs of that
# server at that point are skipped, which bounds the total time.
#
# Writes OUT/throughput-<client>-<time>.csv (one line per run) and .md (the tables, made by
# report.py beside this script). Cleans up the namespaces and the processes it started, by PID.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
CLIENT=${CLIENT:-atftp}
NETWORKS=${NETWORKS:-loopback rtt2 lossy}
BLKSIZES=${BLKSIZES:-512 1468 8192}
WINDOWSIZES=${WINDOWSIZES:-1 8 16 64}
RUNS=${RUNS:-3}
SKIP_BUILD=${SKIP_BUILD:-0}
LOAD_WAIT=${LOAD_WAIT:-600}
OUT=${OUT:-$HERE/results}
TFTPD_HPA=/opt/netboot-peers/tftpd-hpa/usr/sbin/in.tftpd
NETWIRE_SOURCE=/work/shared/tools/netwire.c
DELAY_US=1000          # one way: 2 ms round trip
LOSSY_PPM=5000         # 0.5 % per packet (per IP fragment), each way
NETWIRE_PPS_CEILING=70000
LOOPBACK_CAP=20        # seconds per run
NETWIRE_CAP=30
PORT_OURS=16969
PORT_ATFTPD=16970
PORT_HPA=16971

if [[ $(id -u) -ne 0 ]]; then
  echo "throughput.sh: run as root (network namespaces, netwire's TUN devices)" >&2
  exit 1
fi
case $CLIENT in atftp | ours) ;; *) echo "CLIENT must be atftp or ours" >&2; exit 2 ;; esac

log() { echo "== $*" >&2; }

# --- what the benchmark needs -------------------------------------------------------------
need_peers=0
for tool in atftp atftpd ip gcc python3; do
  command -v "$tool" >/dev/null 2>&1 || need_peers=1
done
[[ -x $TFTPD_HPA ]] || need_peers=1
if [[ $need_peers -eq 1 ]]; then
  log "installing peers with netboot-it/install-peers.sh"
  "$REPO/netboot-it/install-peers.sh"
  command -v python3 >/dev/null 2>&1 || apt-get install -y --no-install-recommends python3
fi
if [[ $SKIP_BUILD != 1 ]]; then
  log "building netboot-tftp and netboot-bench"
  (cd "$REPO" && { mvn -B -q -o install -DskipTests -pl netboot-tftp \
    || mvn -B -q install -DskipTests -pl netboot-tftp; } \
    && { mvn -B -q -o package -DskipTests -pl netboot-bench \
    || mvn -B -q package -DskipTests -pl netboot-bench; })
fi

# --- scratch space and cleanup ------------------------------------------------------------
WORK=$(mktemp -d /dev/shm/nb-tftp-bench.XXXXXX)
PIDS=()
NAMESPACES=()
cleanup() {
  local pid ns
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  for ns in "${NAMESPACES[@]}"; do
    ip netns del "$ns" 2>/dev/null || true
  done
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

cp -p "$REPO/netboot-bench/target/benchmarks.jar" "$WORK/benchmarks.jar"
gcc -O2 -o "$WORK/netwire" "$NETWIRE_SOURCE"
mkdir -p "$WORK/root" "$WORK/out" "$OUT"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
CSV="$OUT/throughput-$CLIENT-$STAMP.csv"
REPORT="$OUT/throughput-$CLIENT-$STAMP.md"
echo "network,blksize,windowsize,server,run,bytes,seconds,status,retransmissions,client_wrong_blocks" >"$CSV"

# Files named by their size in MiB, made once; all servers read the same bytes.
file_for() {
  local mib=$1 name="f${1}m"
  if [[ ! -f $WORK/root/$name ]]; then
    head -c $((mib << 20)) "$WORK/random64m" >"$WORK/root/$name"
  fi
  echo "$name"
}
head -c $((64 << 20)) /dev/urandom >"$WORK/random64m"

# Waits for a quiet machine, but never long: other engineers' builds share the two cores.
wait_for_quiet() {
  local waited=0
  while (($(awk '{print ($1 < 3.0) ? 0 : 1}' /proc/loadavg) && waited < LOAD_WAIT)); do
    if ((waited == 0)); then log "load $(cut -d' ' -f1-3 /proc/loadavg): waiting up to ${LOAD_WAIT}s"; fi
    sleep 10
    waited=$((waited + 10))
  done
  log "load average now $(cut -d' ' -f1-3 /proc/loadavg)"
}

# --- networks -----------------------------------------------------------------------------
SERVER_IP=127.0.0.1
SNS_EXEC=()
CNS_EXEC=()
NETWIRE_PID=
setup_network() {
  local net=$1 suffix loss
  if [[ $net == loopback ]]; then
    SERVER_IP=127.0.0.1
    SNS_EXEC=()
    CNS_EXEC=()
    return
  fi
  loss=0
  if [[ $net == lossy ]]; then
    loss=$LOSSY_PPM
  fi
  suffix=$(printf '%06x' $((RANDOM * 32768 + RANDOM)))
  local sns="nbbs-$suffix" cns="nbbc-$suffix" prefix="10.$((200 + RANDOM % 50)).$((RANDOM % 256))"
  ip netns add "$sns"
  NAMESPACES+=("$sns")
  ip netns add "$cns"
  NAMESPACES+=("$cns")
  "$WORK/netwire" "$sns" tw0 "$cns" tw1 "$DELAY_US" "$loss" "$RANDOM$RANDOM" \
    >"$WORK/netwire-$net.out" 2>"$WORK/netwire-$net.err" &
  NETWIRE_PID=$!
  PIDS+=("$NETWIRE_PID")
  for _ in $(seq 50); do
    grep -q READY "$WORK/netwire-$net.out" 2>/dev/null && break
    sleep 0.1
  done
  grep -q READY "$WORK/netwire-$net.out" || { echo "netwire did not start" >&2; exit 1; }
  SERVER_IP=$prefix.1
  ip -n "$sns" addr add "$SERVER_IP/24" dev tw0
  ip -n "$cns" addr add "$prefix.2/24" dev tw1
  for pair in "$sns tw0" "$cns tw1"; do
    set -- $pair
    ip -n "$1" link set "$2" mtu 1500 up
    ip -n "$1" link set lo up
  done
  SNS_EXEC=(ip netns exec "$sns")
  CNS_EXEC=(ip netns exec "$cns")
  if [[ -n ${IPFRAG_TIME:-} ]]; then
    "${SNS_EXEC[@]}" sysctl -q -w net.ipv4.ipfrag_time="$IPFRAG_TIME"
    "${CNS_EXEC[@]}" sysctl -q -w net.ipv4.ipfrag_time="$IPFRAG_TIME"
  fi
}

teardown_network() {
  local net=$1
  if ((${#CNS_EXEC[@]})); then
    echo "$net client reassembly: $("${CNS_EXEC[@]}" nstat -az 2>/dev/null \
      | awk '/^IpReasm(Reqds|OKs|Fails|Timeout) /{printf "%s=%s ", $1, $2}')" >>"$CSV.env"
  fi
  if [[ -n $NETWIRE_PID ]]; then
    kill "$NETWIRE_PID" 2>/dev/null || true
    wait "$NETWIRE_PID" 2>/dev/null || true
    NETWIRE_PID=
    log "netwire counters ($net): $(tr '\n' ' ' <"$WORK/netwire-$net.err")"
  fi
  while ((${#NAMESPACES[@]})); do
    ip netns del "${NAMESPACES[-1]}" 2>/dev/null || true
    unset 'NAMESPACES[-1]'
  done
}

# --- servers ------------------------------------------------------------------------------
declare -A SERVER_PID
start_servers() {
  local net=$1
  # Ours, configured as `netboot tftp ROOT --address IP --port N --max-blksize 65464
  # --max-windowsize 64` (defaults otherwise); TftpServe also prints each transfer's
  # retransmissions.
  "${SNS_EXEC[@]}" java -Xmx256m -cp "$WORK/benchmarks.jar" dev.netboot.bench.tftp.TftpServe \
    "$SERVER_IP" "$PORT_OURS" "$WORK/root" 65464 64 \
    >"$WORK/ours-$net.log" 2>"$WORK/ours-$net.err" </dev/null &
  SERVER_PID[ours]=$!
  PIDS+=("${SERVER_PID[ours]}")
  # atftpd with the shortest retry timeout it accepts (1 s; default 5 s).
  "${SNS_EXEC[@]}" atftpd --daemon --no-fork --port "$PORT_ATFTPD" --bind-address "$SERVER_IP" \
    --user root --group root --retry-timeout 1 --logfile /dev/null "$WORK/root" \
    >"$WORK/atftpd-$net.log" 2>&1 &
  SERVER_PID[atftpd]=$!
  PIDS+=("${SERVER_PID[atftpd]}")
  # tftpd-hpa with its first retransmission after 20 ms (our minimum timeout; default 1 s).
  "${SNS_EXEC[@]}" "$TFTPD_HPA" -L -a "$SERVER_IP:$PORT_HPA" -s -u root -B 65464 -T 20000 \
    "$WORK/root" >"$WORK/hpa-$net.log" 2>&1 &
  SERVER_PID[hpa]=$!
  PIDS+=("${SERVER_PID[hpa]}")
  for _ in $(seq 100); do
    grep -q LISTENING "$WORK/ours-$net.log" 2>/dev/null && break
    sleep 0.2
  done
  grep -q LISTENING "$WORK/ours-$net.log" || { cat "$WORK/ours-$net.err" >&2; exit 1; }
  sleep 1
}

stop_servers() {
  local s
  for s in ours atftpd hpa; do
    kill "${SERVER_PID[$s]}" 2>/dev/null || true
    wait "${SERVER_PID[$s]}" 2>/dev/null || true
  done
}

port_of() {
  case $1 in ours) echo $PORT_OURS ;; atftpd) echo $PORT_ATFTPD ;; hpa) echo $PORT_HPA ;; esac
}

# --- one download with atftp --------------------------------------------------------------
# Prints "STATUS SECONDS WRONG": status ok | timeout | corrupt | failed, the wall time of the
# atftp process (measured inside the client's namespace), and how many "got wrong block" lines
# atftp printed (blocks out of order or repeated).
atftp_get() {
  local server=$1 file=$2 blk=$3 win=$4 cap=$5 out="$WORK/out/got" result rc nanos wrong
  rm -f "$out"
  result=$("${CNS_EXEC[@]}" bash -c '
    s=$(date +%s%N)
    timeout "$1" atftp -g -r "$2" -l "$3" --option "blksize $4" --option "windowsize $5" \
      "$6" "$7" >"$3.log" 2>&1
    rc=$?
    e=$(date +%s%N)
    echo "$rc $((e - s))"' _ "$cap" "$file" "$out" "$blk" "$win" "$SERVER_IP" \
    "$(port_of "$server")") || true
  read -r rc nanos <<<"$result"
  wrong=$(grep -c 'got wrong block' "$out.log" 2>/dev/null || true)
  if [[ $rc == 124 ]]; then
    echo "timeout $cap ${wrong:-0}"
  elif [[ $rc != 0 ]]; then
    echo "failed $(awk -v n="$nanos" 'BEGIN{printf "%.4f", n/1e9}') ${wrong:-0}"
  elif ! cmp -s "$out" "$WORK/root/$file"; then
    echo "corrupt $(awk -v n="$nanos" 'BEGIN{printf "%.4f", n/1e9}') ${wrong:-0}"
  else
    echo "ok $(awk -v n="$nanos" 'BEGIN{printf "%.4f", n/1e9}') ${wrong:-0}"
  fi
}

# The retransmissions our server reported for its latest transfer (blank for the peers).
ours_retransmissions() {
  local net=$1
  grep '^TRANSFER' "$WORK/ours-$net.log" | tail -n 1 | awk '{print $6}'
}

# --- one point ----------------------------------------------------------------------------
# Sizes a netwire point's file: ~2 s at the window bound, 1..64 MiB, a power of two.
size_mib() {
  local net=$1 blk=$2 win=$3
  if [[ $net == loopback ]]; then
    echo 64
    return
  fi
  awk -v b="$blk" -v w="$win" -v pps="$NETWIRE_PPS_CEILING" 'BEGIN {
    bound = w * b / 0.002
    frags = int((b + 4 + 8 + 1479) / 1480); ceiling = pps / frags * b
    if (bound > ceiling) bound = ceiling
    want = bound * 2 / 1048576; m = 1
    while (m < want && m < 64) m *= 2
    print m }'
}

run_point_atftp() {
  local net=$1 blk=$2 win=$3 servers=$4 mib file cap s run status secs wrong retrans
  mib=$(size_mib "$net" "$blk" "$win")
  file=$(file_for "$mib")
  cap=$LOOPBACK_CAP
  if [[ $net != loopback ]]; then
    cap=$NETWIRE_CAP
  fi
  declare -A skip=()
  for run in $(seq "$RUNS"); do
    for s in $servers; do
      [[ -n ${skip[$s]:-} ]] && continue
      read -r status secs wrong <<<"$(atftp_get "$s" "$file" "$blk" "$win" "$cap")"
      retrans=
      if [[ $s == ours ]]; then
        sleep 0.2 # the listener prints just after the last ACK
        retrans=$(ours_retransmissions "$net")
      fi
      echo "$net,$blk,$win,$s,$run,$((mib << 20)),$secs,$status,$retrans,$wrong" >>"$CSV"
      log "$net blksize $blk windowsize $win $s run $run: $status $secs s ($((mib))MiB) retrans=${retrans:--} wrong=$wrong"
      if [[ $status == timeout ]]; then
        skip[$s]=1
      fi
    done
  done
}

run_point_ours_client() {
  local net=$1 blk=$2 win=$3 servers=$4 mib file s line n=0
  mib=$(size_mib "$net" "$blk" "$win")
  file=$(file_for "$mib")
  for s in $servers; do
    n=0
    # One JVM per server and point: a warm-up download, then RUNS measured ones.
    while read -r line; do
      set -- $line
      [[ $1 == RUN ]] || continue
      n=$((n + 1))
      ((n == 1)) && continue
      echo "$net,$blk,$win,$s,$((n - 1)),$4,$(awk -v ms="$3" 'BEGIN{printf "%.4f", ms/1e3}'),ok,$5," >>"$CSV"
      log "$net blksize $blk windowsize $win $s (our client) run $((n - 1)): $2 MB/s"
    done < <("${CNS_EXEC[@]}" timeout $((NETWIRE_CAP * (RUNS + 1))) java -Xmx256m \
      -cp "$WORK/benchmarks.jar" dev.netboot.bench.tftp.TftpGet "$SERVER_IP" "$(port_of "$s")" \
      "$file" "$WORK/out/got" "$blk" "$win" $((RUNS + 1)) 2>>"$WORK/tftpget.err" || true)
    if ((n < RUNS + 1)); then
      echo "$net,$blk,$win,$s,$n,$((mib << 20)),$NETWIRE_CAP,failed,," >>"$CSV"
    fi
  done
}

# Warms our server's JIT up (and, on the lossy link, its loss paths): a few downloads at the
# settings the grid uses, none slower than a few seconds at 2 ms.
warm_up() {
  local w
  for w in "16 1468 64" "16 8192 64" "16 8192 16" "4 512 8" "1 1468 1"; do
    set -- $w
    atftp_get ours "$(file_for "$1")" "$2" "$3" "$NETWIRE_CAP" >/dev/null
  done
}

# --- the grid -----------------------------------------------------------------------------
{
  echo "started $(date -u +%FT%TZ) on $(uname -r), $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "java: $(java -version 2>&1 | head -n 1)"
  echo "netboot: HEAD $(cd "$REPO" && git rev-parse --short HEAD 2>/dev/null || echo '?');" \
    "netboot-tftp as in the working tree ($(cd "$REPO" && git status --porcelain netboot-tftp \
    2>/dev/null | wc -l) uncommitted files), jar built $(date -u -r "$WORK/benchmarks.jar" +%FT%TZ)"
  echo "atftp/atftpd: $(dpkg-query -W -f='${Version}' atftp)/$(dpkg-query -W -f='${Version}' atftpd); tftpd-hpa: $("$TFTPD_HPA" -V 2>&1 | head -n 1)"
  echo "client: $CLIENT; runs per point: $RUNS; networks: $NETWORKS; ipfrag_time: ${IPFRAG_TIME:-kernel default}"
} >"$CSV.env"

wait_for_quiet
first_win=${WINDOWSIZES%% *}
for net in $NETWORKS; do
  log "network $net"
  setup_network "$net"
  start_servers "$net"
  warm_up
  echo "$net: load at start $(cut -d' ' -f1-3 /proc/loadavg)" >>"$CSV.env"
  for blk in $BLKSIZES; do
    for win in $WINDOWSIZES; do
      servers="ours atftpd"
      if [[ $win == "$first_win" ]]; then
        servers="ours atftpd hpa"
      fi
      if [[ $CLIENT == atftp ]]; then
        run_point_atftp "$net" "$blk" "$win" "$servers"
      else
        run_point_ours_client "$net" "$blk" "$win" "$servers"
      fi
    done
  done
  echo "$net: load at end $(cut -d' ' -f1-3 /proc/loadavg)" >>"$CSV.env"
  stop_servers
  teardown_network "$net"
  if [[ -s $WORK/netwire-$net.err ]]; then
    echo "$net netwire: $(tr '\n' ' ' <"$WORK/netwire-$net.err")" >>"$CSV.env"
  fi
done

python3 "$HERE/report.py" "$CSV" >"$REPORT"
cat "$REPORT"
log "results: $CSV, $REPORT"
