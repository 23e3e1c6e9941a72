#!/usr/bin/env bash
# Captures real DHCP/BOOTP packets sent by real clients (QEMU SeaBIOS iPXE ROM,
# OVMF/edk2 PXE, chainloaded undionly.kpxe, busybox udhcpc, ISC dhclient) and the
# dnsmasq replies, inside private network namespaces this script creates itself,
# and writes each UDP payload as one lowercase hex line into <client>/NNN-<from>-<type>.hex.
#
# Usage: sudo bash capture.sh [client ...]
#   clients: seabios-ipxe-rom ovmf-edk2-pxe undionly-ipxe udhcpc dhclient (default: all)
#
# Network: namespaces nbcap-srv (bridge br0 10.77.0.1/24, dnsmasq, tcpdump, QEMU taps)
# and nbcap-cli (veth for udhcpc/dhclient). Nothing is routed out of them.
set -euo pipefail

OUT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ALL_CLIENTS=(seabios-ipxe-rom ovmf-edk2-pxe undionly-ipxe udhcpc dhclient)
if [[ $# -gt 0 ]]; then CLIENTS=("$@"); else CLIENTS=("${ALL_CLIENTS[@]}"); fi
for c in "${CLIENTS[@]}"; do
  [[ " ${ALL_CLIENTS[*]} " == *" $c "* ]] || { echo "unknown client: $c" >&2; exit 2; }
done
[[ $(id -u) -eq 0 ]] || { echo "must run as root" >&2; exit 2; }

SRV=nbcap-srv
CLI=nbcap-cli
PXE=nbcap-pxe
SRV_IP=10.77.0.1
PXE_IP=10.77.0.2
QEMU_TIMEOUT=${QEMU_TIMEOUT:-150}   # seconds per QEMU run (TCG is slow)
HOST_TIMEOUT=${HOST_TIMEOUT:-40}    # seconds per udhcpc/dhclient run
PACKAGES=(qemu-system-x86 ipxe-qemu ipxe ovmf busybox isc-dhcp-client dnsmasq-base tcpdump tshark iproute2 python3)

# ---------------------------------------------------------------- packages
export DEBIAN_FRONTEND=noninteractive
timeout 600 apt-get update
timeout 1200 apt-get install -y --no-install-recommends "${PACKAGES[@]}"

TMP="$(mktemp -d /tmp/nbcap.XXXXXX)"
PIDS=()

cleanup() {
  set +e
  local p
  for p in "${PIDS[@]}"; do
    kill "$p" 2>/dev/null
  done
  sleep 1
  for p in "${PIDS[@]}"; do
    kill -9 "$p" 2>/dev/null
  done
  ip netns del "$CLI" 2>/dev/null
  ip netns del "$PXE" 2>/dev/null
  ip netns del "$SRV" 2>/dev/null
  if [[ -z "${KEEP_TMP:-}" ]]; then rm -rf "$TMP"; else echo "kept $TMP"; fi
}
trap cleanup EXIT

# stop_pid PID: TERM, bounded wait, then KILL; always by PID.
stop_pid() {
  local p=$1 i
  kill "$p" 2>/dev/null || true
  for i in $(seq 1 30); do
    kill -0 "$p" 2>/dev/null || break
    sleep 0.2
  done
  kill -9 "$p" 2>/dev/null || true
  wait "$p" 2>/dev/null || true
  local keep=() q
  for q in "${PIDS[@]}"; do [[ $q == "$p" ]] || keep+=("$q"); done
  PIDS=("${keep[@]}")
}

# ---------------------------------------------------------------- pcap helper
cat >"$TMP/dhcppcap.py" <<'PYEOF'
import os, struct, sys

TYPES = {1: "DISCOVER", 2: "OFFER", 3: "REQUEST", 4: "DECLINE", 5: "ACK",
         6: "NAK", 7: "RELEASE", 8: "INFORM"}
DHCP_PORTS = (67, 68, 4011)

def packets(path):
    """Yield (src, sport, dst, dport, payload) for every UDP/IPv4 frame; tolerates a partial tail."""
    with open(path, "rb") as f:
        data = f.read()
    if len(data) < 24:
        return
    magic = data[:4]
    if magic in (b"\xd4\xc3\xb2\xa1", b"\x4d\x3c\xb2\xa1"):
        e = "<"
    elif magic in (b"\xa1\xb2\xc3\xd4", b"\xa1\xb2\x3c\x4d"):
        e = ">"
    else:
        raise SystemExit("not a pcap file: %s" % path)
    linktype = struct.unpack(e + "I", data[20:24])[0]
    off = 24
    while off + 16 <= len(data):
        _, _, incl, _ = struct.unpack(e + "IIII", data[off:off + 16])
        off += 16
        if off + incl > len(data):
            break
        frame = data[off:off + incl]
        off += incl
        if linktype == 1:
            if len(frame) < 14:
                continue
            et = struct.unpack(">H", frame[12:14])[0]
            ip = frame[14:]
            if et == 0x8100 and len(frame) >= 18:
                et = struct.unpack(">H", frame[16:18])[0]
                ip = frame[18:]
            if et != 0x0800:
                continue
        elif linktype == 113:  # Linux cooked
            if len(frame) < 16 or struct.unpack(">H", frame[14:16])[0] != 0x0800:
                continue
            ip = frame[16:]
        else:
            raise SystemExit("unsupported linktype %d" % linktype)
        if len(ip) < 20 or ip[0] >> 4 != 4 or ip[9] != 17:
            continue
        ihl = (ip[0] & 15) * 4
        total = struct.unpack(">H", ip[2:4])[0]
        ip = ip[:total]
        udp = ip[ihl:]
        if len(udp) < 8:
            continue
        sport, dport, ulen = struct.unpack(">HHH", udp[:6])
        yield (".".join(map(str, ip[12:16])), sport, ".".join(map(str, ip[16:20])), dport,
               udp[8:ulen])

def options(p):
    """DHCP options as {code: bytes} (first occurrence concatenated per RFC 3396), or None."""
    if len(p) < 240 or p[236:240] != b"\x63\x82\x53\x63":
        return None
    opts, i = {}, 240
    while i < len(p):
        c = p[i]
        if c == 255:
            break
        if c == 0:
            i += 1
            continue
        if i + 1 >= len(p):
            break
        n = p[i + 1]
        opts[c] = opts.get(c, b"") + p[i + 2:i + 2 + n]
        i += 2 + n
    return opts

def classify(pkts):
    """List of dicts for DHCP/BOOTP packets; 'after_tftp' marks those after the first TFTP RRQ."""
    res, tftp_seen = [], False
    for src, sport, dst, dport, pl in pkts:
        if dport == 69 and len(pl) >= 2 and pl[:2] == b"\x00\x01":
            tftp_seen = True
            continue
        if sport not in DHCP_PORTS and dport not in DHCP_PORTS:
            continue
        if len(pl) < 236 or pl[0] not in (1, 2):
            continue
        o = options(pl)
        t = "BOOTP"
        if o is not None and 53 in o and len(o[53]) == 1:
            t = TYPES.get(o[53][0], "TYPE%d" % o[53][0])
        res.append(dict(src=src, sport=sport, dst=dst, dport=dport, payload=pl,
                        frm="client" if pl[0] == 1 else "server", type=t,
                        xid=pl[4:8].hex(), after_tftp=tftp_seen, opts=o or {}))
    return res, tftp_seen

def cmd_check(path, cond):
    try:
        res, tftp = classify(packets(path))
    except (OSError, SystemExit):
        return 1
    acks = [r for r in res if r["frm"] == "server" and r["type"] == "ACK"]
    if cond == "ack":
        ok = bool(acks)
    elif cond == "ack-after-tftp":
        ok = any(r["after_tftp"] for r in acks)
    elif cond == "tftp":
        ok = tftp
    elif cond == "tftp-or-4011ack":
        ok = tftp or any(r["sport"] == 4011 for r in acks)
    else:
        raise SystemExit("bad condition " + cond)
    return 0 if ok else 1

def cmd_extract(path, outdir, mode, maxn):
    res, _ = classify(packets(path))
    if mode == "after-tftp":
        res = [r for r in res if r["after_tftp"]]
    elif mode == "before-tftp":
        res = [r for r in res if not r["after_tftp"]]
    kinds, kept = {}, []
    for r in res:
        k = (r["frm"], r["type"], r["src"], r["sport"], r["dport"])
        if kinds.get(k, 0) >= 2:
            continue
        kinds[k] = kinds.get(k, 0) + 1
        kept.append(r)
        if len(kept) >= maxn:
            break
    os.makedirs(outdir, exist_ok=True)
    for n, r in enumerate(kept, 1):
        name = "%03d-%s-%s.hex" % (n, r["frm"], r["type"])
        with open(os.path.join(outdir, name), "w") as f:
            f.write(r["payload"].hex() + "\n")
        print("| `%s` | %d | %s:%d -> %s:%d | %s |" % (name, len(r["payload"]), r["src"], r["sport"],
                                                 r["dst"], r["dport"], r["xid"]))
    return 0 if kept else 1

def show(b):
    if b.endswith(b"\0"):
        return show(b[:-1]) + "+NUL"
    try:
        s = b.decode("ascii")
        if s.isprintable():
            return repr(s)
    except UnicodeDecodeError:
        pass
    return "0x" + b.hex()

def cmd_summary(d):
    for name in sorted(os.listdir(d)):
        if not name.endswith(".hex"):
            continue
        p = bytes.fromhex(open(os.path.join(d, name)).read().strip())
        o = options(p) or {}
        parts = ["len=%d" % len(p)]
        for c in (60, 77, 93, 94, 97, 175, 57, 61, 12, 55, 43, 66, 67):
            if c in o:
                v = o[c]
                if c in (93, 57):
                    v = "%d" % int.from_bytes(v, "big")
                elif c in (55, 175, 43, 97, 61, 94):
                    v = "0x" + v.hex()
                else:
                    v = show(v)
                parts.append("%d=%s" % (c, v))
        if p[0] == 2:
            parts.append("siaddr=%s" % ".".join(map(str, p[20:24])))
            f = p[108:236].split(b"\0")[0]
            if f:
                parts.append("file=%r" % f.decode("latin-1"))
        print("%s: %s" % (name, " ".join(parts)))

if __name__ == "__main__":
    a = sys.argv[1:]
    if a[0] == "check":
        sys.exit(cmd_check(a[1], a[2]))
    if a[0] == "extract":
        sys.exit(cmd_extract(a[1], a[2], a[3], int(a[4])))
    if a[0] == "summary":
        sys.exit(cmd_summary(a[1]))
    raise SystemExit("usage")
PYEOF
PY=(python3 "$TMP/dhcppcap.py")

# ---------------------------------------------------------------- namespaces
for ns in "$CLI" "$PXE" "$SRV"; do ip netns del "$ns" 2>/dev/null || true; done
ip netns add "$SRV"
ip netns add "$CLI"
ip netns add "$PXE"
ip -n "$PXE" link set lo up
ip -n "$SRV" link set lo up
ip -n "$CLI" link set lo up
ip -n "$SRV" link add br0 type bridge stp_state 0 forward_delay 0
ip -n "$SRV" addr add "$SRV_IP/24" dev br0
ip -n "$SRV" link set br0 up
ip -n "$SRV" link add vcli0 type veth peer name veth netns "$CLI"
ip -n "$SRV" link set vcli0 master br0 up
ip -n "$CLI" link set veth address 02:77:00:00:00:0d
ip -n "$CLI" link set veth up
# A second server host on the LAN for ProxyDHCP (dnsmasq proxy mode, UDP 4011, TFTP).
ip -n "$SRV" link add vpxe0 type veth peer name pxe0 netns "$PXE"
ip -n "$SRV" link set vpxe0 master br0 up
ip -n "$PXE" addr add "$PXE_IP/24" dev pxe0
ip -n "$PXE" link set pxe0 up

mkdir -p "$TMP/tftp"
cp /usr/lib/ipxe/undionly.kpxe "$TMP/tftp/"

declare -A STATUS=()
declare -A LISTING=()
declare -A SUMMARY=()

# start_dnsmasq NAME ROLE EXTRA_CONF...
#   ROLE dhcp:  address-assigning server on br0 (10.77.0.1) in $SRV
#   ROLE proxy: ProxyDHCP server on pxe0 (10.77.0.2) in $PXE
DNSMASQ_PIDS=()
start_dnsmasq() {
  local name=$1 role=$2; shift 2
  local conf="$TMP/dnsmasq-$name-$role.conf" ns iface range
  if [[ $role == dhcp ]]; then
    ns=$SRV iface=br0 range="dhcp-range=10.77.0.100,10.77.0.199,255.255.255.0,10m"
  else
    ns=$PXE iface=pxe0 range="dhcp-range=10.77.0.0,proxy,255.255.255.0"
  fi
  {
    echo "port=0"
    echo "no-resolv"
    echo "no-hosts"
    echo "interface=$iface"
    echo "bind-interfaces"
    echo "user=root"
    echo "group=root"
    echo "$range"
    echo "dhcp-leasefile=$TMP/leases-$name-$role"
    echo "dhcp-authoritative"
    echo "no-ping"
    echo "log-dhcp"
    echo "log-facility=$TMP/dnsmasq-$name-$role.log"
    local l
    for l in "$@"; do echo "$l"; done
  } >"$conf"
  ip netns exec "$ns" dnsmasq --keep-in-foreground --pid-file= --conf-file="$conf" \
    >"$TMP/dnsmasq-$name-$role.out" 2>&1 &
  local pid=$!
  PIDS+=("$pid")
  DNSMASQ_PIDS+=("$pid")
  sleep 1
  kill -0 "$pid" || { cat "$TMP/dnsmasq-$name-$role.out" >&2; return 1; }
}

start_tcpdump() {
  local name=$1 i
  PCAP="$TMP/$name.pcap"
  ip netns exec "$SRV" tcpdump -i br0 -n -U -s 0 -w "$PCAP" \
    'udp and (port 67 or port 68 or port 4011 or port 69)' >"$TMP/tcpdump-$name.out" 2>&1 &
  TCPDUMP_PID=$!
  PIDS+=("$TCPDUMP_PID")
  for i in $(seq 1 50); do
    grep -q 'listening on' "$TMP/tcpdump-$name.out" && return 0
    sleep 0.2
  done
  echo "tcpdump did not start" >&2
  return 1
}

# wait_for COND PID SECONDS: poll the pcap until COND holds, PID exits, or SECONDS pass.
wait_for() {
  local cond=$1 pid=$2 secs=$3 start=$SECONDS
  while (( SECONDS - start < secs )); do
    if "${PY[@]}" check "$PCAP" "$cond"; then return 0; fi
    kill -0 "$pid" 2>/dev/null || { sleep 1; "${PY[@]}" check "$PCAP" "$cond"; return $?; }
    sleep 2
  done
  return 1
}

# finish NAME MODE: stop tcpdump and dnsmasq, extract packets into $OUT/NAME.
finish() {
  local name=$1 mode=$2 listing
  sleep 1
  stop_pid "$TCPDUMP_PID"
  local p
  for p in "${DNSMASQ_PIDS[@]}"; do stop_pid "$p"; done
  DNSMASQ_PIDS=()
  rm -rf "${OUT:?}/$name"
  mkdir -p "$OUT/$name"
  if listing=$("${PY[@]}" extract "$PCAP" "$OUT/$name" "$mode" 12); then
    LISTING[$name]=$listing
  else
    LISTING[$name]=""
    STATUS[$name]="FAILED: no DHCP packet captured. ${STATUS[$name]:-}"
  fi
  SUMMARY[$name]=""
  [[ -z "${LISTING[$name]}" ]] || SUMMARY[$name]=$("${PY[@]}" summary "$OUT/$name")
  echo "== $name: ${STATUS[$name]}"
  echo "${SUMMARY[$name]}"
  return 0
}

# run_qemu NAME COND QEMU_ARGS...
run_qemu() {
  local name=$1 cond=$2; shift 2
  local tap=nbtap0
  ip -n "$SRV" link del "$tap" 2>/dev/null || true
  ip -n "$SRV" tuntap add "$tap" mode tap
  ip -n "$SRV" link set "$tap" master br0 up
  timeout "$QEMU_TIMEOUT" ip netns exec "$SRV" qemu-system-x86_64 -accel tcg -m 256 -no-reboot \
    -display none -monitor none -serial "file:$TMP/$name.serial" \
    -chardev "file,id=dbg,path=$TMP/$name.debugcon" -device isa-debugcon,iobase=0x402,chardev=dbg \
    -netdev "tap,id=n0,ifname=$tap,script=no,downscript=no" "$@" \
    </dev/null >"$TMP/$name.qemu.out" 2>&1 &
  local qpid=$!
  PIDS+=("$qpid")
  if wait_for "$cond" "$qpid" "$QEMU_TIMEOUT"; then
    STATUS[$name]="ok"
    sleep "${GRACE:-3}"   # let the retransmissions / next stage show up
  else
    STATUS[$name]="INCOMPLETE: condition '$cond' not met within ${QEMU_TIMEOUT}s (qemu: $(tail -c 300 "$TMP/$name.qemu.out" | tr '\n' ' '))"
  fi
  stop_pid "$qpid"
  ip -n "$SRV" link del "$tap" 2>/dev/null || true
}

# ---------------------------------------------------------------- clients
# BIOS and UEFI clients see two servers, as with Pixiecore-style boot servers: dnsmasq on
# 10.77.0.1 assigns addresses (no PXE options), dnsmasq on 10.77.0.2 is a ProxyDHCP/PXE
# server (option 60 PXEClient, option 43, UDP 4011, TFTP).
capture_seabios_ipxe_rom() {
  local n=seabios-ipxe-rom
  start_dnsmasq "$n" dhcp
  start_dnsmasq "$n" proxy "enable-tftp" "tftp-root=$TMP/tftp" \
    "pxe-service=x86PC,\"netboot capture\",undionly.kpxe"
  start_tcpdump "$n"
  run_qemu "$n" tftp -machine pc -boot n -uuid 4e657462-6f6f-7401-8000-52540077000a \
    -device e1000,netdev=n0,mac=52:54:00:77:00:0a
  finish "$n" before-tftp
}

capture_undionly_ipxe() {
  local n=undionly-ipxe
  # The boot service is tagged on the ROM's "PXEClient:Arch:00000:UNDI:002001". The chainloaded
  # iPXE sends a bare "PXEClient" to port 67 (no boot service offered) but the full string in its
  # ProxyDHCP request to 4011, so the 4011 reply still carries the menu (captured as it is).
  start_dnsmasq "$n" dhcp
  start_dnsmasq "$n" proxy "enable-tftp" "tftp-root=$TMP/tftp" \
    "dhcp-vendorclass=set:pxerom,PXEClient:Arch:" \
    "pxe-service=tag:pxerom,x86PC,\"netboot capture\",undionly.kpxe"
  start_tcpdump "$n"
  # GRACE: after its ACK, iPXE waits ~16 s (IPv6) before asking a PXE boot server.
  GRACE=25 QEMU_TIMEOUT=$((QEMU_TIMEOUT + 60)) run_qemu "$n" ack-after-tftp \
    -machine pc -boot n -uuid 4e657462-6f6f-7403-8000-52540077000c \
    -device e1000,netdev=n0,mac=52:54:00:77:00:0c
  finish "$n" after-tftp
}

capture_ovmf_edk2_pxe() {
  local n=ovmf-edk2-pxe
  cp /usr/share/OVMF/OVMF_VARS_4M.fd "$TMP/ovmf-vars.fd"
  # One service for the client's arch: dnsmasq leaves out option 43 and the boot file
  # (pxe_uefi_workaround), so edk2 asks UDP 4011 of the proxy and gets the file there.
  start_dnsmasq "$n" dhcp
  start_dnsmasq "$n" proxy "enable-tftp" "tftp-root=$TMP/tftp" \
    "pxe-service=BC_EFI,\"netboot capture\",bootx64.efi" \
    "pxe-service=x86-64_EFI,\"netboot capture\",bootx64.efi"
  start_tcpdump "$n"
  run_qemu "$n" tftp-or-4011ack -machine q35 -uuid 4e657462-6f6f-7402-8000-52540077000b \
    -drive if=pflash,format=raw,unit=0,readonly=on,file=/usr/share/OVMF/OVMF_CODE_4M.fd \
    -drive "if=pflash,format=raw,unit=1,file=$TMP/ovmf-vars.fd" \
    -device virtio-net-pci,netdev=n0,mac=52:54:00:77:00:0b,romfile=,bootindex=1
  finish "$n" all
}

capture_udhcpc() {
  local n=udhcpc
  start_dnsmasq "$n" dhcp
  start_tcpdump "$n"
  timeout "$HOST_TIMEOUT" ip netns exec "$CLI" busybox udhcpc -i veth -f -n -q -t 3 -T 3 \
    -s /bin/true -V netboot-capture -x hostname:nbcap-udhcpc >"$TMP/$n.out" 2>&1 &
  local cpid=$!
  PIDS+=("$cpid")
  if wait_for ack "$cpid" "$HOST_TIMEOUT"; then STATUS[$n]="ok"; sleep 1
  else STATUS[$n]="INCOMPLETE: no ACK ($(tr '\n' ' ' <"$TMP/$n.out" | tail -c 300))"; fi
  stop_pid "$cpid"
  finish "$n" all
}

capture_dhclient() {
  local n=dhclient
  # Debian's default dhclient.conf, with a fixed host name instead of this machine's.
  sed 's/gethostname()/"nbcap-dhclient"/' /etc/dhcp/dhclient.conf >"$TMP/dhclient.conf"
  start_dnsmasq "$n" dhcp
  start_tcpdump "$n"
  timeout "$HOST_TIMEOUT" ip netns exec "$CLI" dhclient -4 -1 -d -v -sf /bin/true \
    -cf "$TMP/dhclient.conf" -lf "$TMP/dhclient.leases" -pf "$TMP/dhclient.pid" veth \
    >"$TMP/$n.out" 2>&1 &
  local cpid=$!
  PIDS+=("$cpid")
  if wait_for ack "$cpid" "$HOST_TIMEOUT"; then STATUS[$n]="ok"; sleep 1
  else STATUS[$n]="INCOMPLETE: no ACK ($(tr '\n' ' ' <"$TMP/$n.out" | tail -c 300))"; fi
  stop_pid "$cpid"
  finish "$n" all
}

for c in "${CLIENTS[@]}"; do
  echo "=== capturing $c ($(date -u +%H:%M:%S))"
  "capture_${c//-/_}"
done

# ---------------------------------------------------------------- README
declare -A DESC=(
  [seabios-ipxe-rom]="QEMU \`-machine pc\` SeaBIOS, e1000 NIC with QEMU's default option ROM (iPXE from ipxe-qemu), \`-boot n\`, \`-uuid\` set. Servers: dnsmasq 10.77.0.1 assigns the address; dnsmasq 10.77.0.2 in proxy mode with \`pxe-service=x86PC,...,undionly.kpxe\` (PXE menu in option 43, boot server on UDP 4011). Packets up to the first TFTP request."
  [ovmf-edk2-pxe]="QEMU \`-machine q35\` with OVMF (\`OVMF_CODE_4M.fd\`), \`virtio-net-pci,romfile=\` (no iPXE ROM) so edk2's own PXE client boots, \`-uuid\` set. Same two servers; the proxy has one \`pxe-service\` for the client's arch, so its OFFER has option 60 \`PXEClient\` but no option 43 and no file, and edk2 asks UDP 4011 of 10.77.0.2, whose ACK names \`bootx64.efi\` (not served)."
  [undionly-ipxe]="Same SeaBIOS/e1000 ROM boot; the ROM TFTPs \`undionly.kpxe\` (package ipxe) and runs it. The proxy's \`pxe-service\` is tagged on the vendor-class substring \`PXEClient:Arch:\` (the ROM's). Only the packets after the first TFTP request are kept: the chainloaded iPXE's DHCP. It sends a bare \`PXEClient\` to port 67 (so the proxy OFFER has no boot service) but the full ROM string in its ProxyDHCP REQUEST to 4011, which therefore gets the x86PC menu again: the vendor class cannot tell ROM from chainloaded iPXE. The capture goes on into the resulting loop: its boot-server request (xid 0) is answered with \`undionly.kpxe\` again, and the next chainloaded instance starts over with a DISCOVER."
  [udhcpc]="\`busybox udhcpc -i veth -f -n -q -t 3 -T 3 -s /bin/true -V netboot-capture -x hostname:nbcap-udhcpc\` on a veth in a client namespace; one dnsmasq (10.77.0.1), no PXE: a plain non-PXE client."
  [dhclient]="ISC \`dhclient -4 -1 -d -sf /bin/true\` with Debian's default dhclient.conf (host name fixed to \`nbcap-dhclient\`) on a veth in a client namespace; one dnsmasq (10.77.0.1), no PXE."
)
{
  echo "# Captured DHCP test vectors"
  echo
  echo "Real DHCP/BOOTP packets sent by real clients and the replies of dnsmasq, captured with"
  echo "tcpdump on a bridge inside private network namespaces (10.77.0.0/24) by \`capture.sh\`."
  echo "Each \`<client>/NNN-<from>-<type>.hex\` file is one UDP payload (the DHCP message from the op"
  echo "byte on) as one line of lowercase hex. NNN is the order in the capture, <from> is \`client\`"
  echo "(op 1) or \`server\` (op 2), <type> is the option 53 message type. Retransmissions beyond the"
  echo "first two of each kind are dropped; at most 12 packets per client."
  echo
  echo "Captured on $(date -u +%Y-%m-%d) (UTC), Debian $(cat /etc/debian_version), QEMU with \`-accel tcg\`."
  echo
  echo "Rerun (root, needs apt access to Debian; rewrites the client folders it captures, and this"
  echo "file when all clients are run). Addresses, MACs and UUIDs are fixed; xids, lease times and"
  echo "timing differ from run to run:"
  echo
  echo '    sudo bash capture.sh                 # all clients'
  echo '    sudo bash capture.sh udhcpc dhclient # some of them'
  echo
  echo "## Packages"
  echo
  dpkg-query -W -f='- `${Package}` ${Version}\n' "${PACKAGES[@]}" 2>/dev/null
  echo
  echo "## Clients"
  for c in "${ALL_CLIENTS[@]}"; do
    echo
    echo "### \`$c\`"
    echo
    echo "${DESC[$c]}"
    echo
    if [[ -z "${STATUS[$c]+x}" ]]; then
      echo "Not run in the last invocation; files left as they were."
      continue
    fi
    echo "Status: ${STATUS[$c]}"
    if [[ -n "${LISTING[$c]}" ]]; then
      echo
      echo "| file | bytes | src -> dst | xid |"
      echo "| --- | --- | --- | --- |"
      echo "${LISTING[$c]}"
      echo
      echo "Options seen (lengths in bytes, 93/57 decimal, others hex or text):"
      echo
      echo '```'
      echo "${SUMMARY[$c]}"
      echo '```'
    fi
  done
} >"$TMP/README.md"
if [[ ${#CLIENTS[@]} -eq ${#ALL_CLIENTS[@]} ]]; then
  cp "$TMP/README.md" "$OUT/README.md"
else
  echo "partial run: README.md left unchanged; it would have been:"
  cat "$TMP/README.md"
fi
echo "=== done"
for c in "${CLIENTS[@]}"; do echo "$c: ${STATUS[$c]}"; done
