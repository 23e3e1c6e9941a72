#!/usr/bin/env bash
# Captures the real DHCP conversation of iPXE's UEFI build (ipxe.efi, Debian package ipxe) and
# the dnsmasq replies, inside private network namespaces this script creates itself, and writes
# each UDP payload as one lowercase hex line into ipxe-efi/NNN-<from>-<type>.hex, plus
# ipxe-efi/README.md. Modelled on netboot-dhcp's dhcp/captures/capture.sh.
#
# Usage: sudo bash capture-ipxe-efi.sh
#
# The chain: QEMU q35 + OVMF with virtio-net-pci,romfile= (no iPXE ROM), so edk2's own PXE
# client boots first; the ProxyDHCP dnsmasq (10.77.0.2) serves ipxe.efi to it over TFTP; ipxe.efi
# starts and does its own DHCP (DISCOVER/REQUEST to 67, ProxyDHCP REQUEST to 4011). Only the
# packets after the first TFTP read request (iPXE's) are kept.
#
# Network: namespaces nbefi-srv (bridge br0 10.77.0.1/24, dnsmasq assigning addresses, tcpdump,
# the QEMU tap) and nbefi-pxe (veth 10.77.0.2, dnsmasq in proxy mode: PXE, UDP 4011, TFTP).
# Nothing is routed out of them; both are deleted on exit.
set -euo pipefail

OUT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/ipxe-efi"
[[ $(id -u) -eq 0 ]] || { echo "must run as root" >&2; exit 2; }

SRV=nbefi-srv
PXE=nbefi-pxe
SRV_IP=10.77.0.1
PXE_IP=10.77.0.2
MAC=52:54:00:77:00:0d
UUID=4e657462-6f6f-7404-8000-52540077000d
QEMU_TIMEOUT=${QEMU_TIMEOUT:-240}   # seconds for the QEMU run (TCG is slow)
GRACE=${GRACE:-3}                   # seconds kept after the stop condition
MAXPKT=12
PACKAGES=(qemu-system-x86 ipxe ovmf dnsmasq-base tcpdump iproute2 python3)

# ---------------------------------------------------------------- packages
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [[ ${#missing[@]} -gt 0 ]]; then
  export DEBIAN_FRONTEND=noninteractive
  timeout 600 apt-get update
  timeout 1200 apt-get install -y --no-install-recommends "${missing[@]}"
fi

TMP="$(mktemp -d /tmp/nbefi.XXXXXX)"
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
    late = [r for r in res if r["after_tftp"]]
    ipxe = any(r["frm"] == "client" and (175 in r["opts"] or b"iPXE" in r["opts"].get(77, b""))
               for r in late)
    if cond == "ipxe-4011":
        # iPXE has spoken and its ProxyDHCP request to 4011 has been answered.
        ok = ipxe and any(r["frm"] == "server" and r["type"] == "ACK" and r["sport"] == 4011
                          for r in late)
    elif cond == "ipxe-ack":
        ok = ipxe and any(r["frm"] == "server" and r["type"] == "ACK" for r in late)
    elif cond == "tftp":
        ok = tftp
    else:
        raise SystemExit("bad condition " + cond)
    return 0 if ok else 1

def what(r):
    """One-line description of a packet for the README."""
    o = r["opts"]
    if r["frm"] == "client":
        who = "iPXE" if (175 in o or b"iPXE" in o.get(77, b"")) else "client"
        if r["dport"] == 4011:
            return "%s ProxyDHCP %s to the proxy's UDP 4011" % (who, r["type"])
        to = o.get(54)
        return "%s %s to port 67%s" % (who, r["type"],
                                       " selecting server %s" % ".".join(map(str, to)) if to else "")
    role = {"10.77.0.1": "address server", "10.77.0.2": "ProxyDHCP server"}.get(r["src"], r["src"])
    return "%s %s from UDP %d%s" % (role, r["type"], r["sport"],
                                    ", yiaddr %s" % ".".join(map(str, r["payload"][16:20])))

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
        print("| `%s` | %d | %s:%d -> %s:%d | %s | %s |" % (name, len(r["payload"]), r["src"],
              r["sport"], r["dst"], r["dport"], r["xid"], what(r)))
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

IPXE_FEATURES = {16: "PXE_EXT", 17: "iSCSI", 18: "AoE", 19: "HTTP", 20: "HTTPS", 21: "TFTP",
                 22: "FTP", 23: "DNS", 24: "bzImage", 25: "Multiboot", 26: "SLAM", 27: "SRP",
                 32: "NBI", 33: "PXE", 34: "ELF", 35: "COMBOOT", 36: "EFI", 37: "FCoE",
                 38: "VLAN", 39: "Menu", 40: "SDI", 41: "NFS"}

def ipxe175(v):
    """iPXE's encapsulated option 175 as readable items (bus id, version, features)."""
    out, i = [], 0
    while i + 1 < len(v):
        c, n = v[i], v[i + 1]
        d = v[i + 2:i + 2 + n]
        i += 2 + n
        if c == 177 and n == 5 and d[0] == 1:
            out.append("177 bus-id PCI %s:%s" % (d[1:3].hex(), d[3:5].hex()))
        elif c == 235 and n == 3:
            out.append("235 version %d.%d.%d" % tuple(d))
        elif c in IPXE_FEATURES:
            out.append("%d %s=%s" % (c, IPXE_FEATURES[c], d.hex()))
        else:
            out.append("%d=0x%s" % (c, d.hex()))
    return out

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
        if 175 in o:
            print("    175 decoded: " + ", ".join(ipxe175(o[175])))

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
for ns in "$PXE" "$SRV"; do ip netns del "$ns" 2>/dev/null || true; done
ip netns add "$SRV"
ip netns add "$PXE"
ip -n "$SRV" link set lo up
ip -n "$PXE" link set lo up
ip -n "$SRV" link add br0 type bridge stp_state 0 forward_delay 0
ip -n "$SRV" addr add "$SRV_IP/24" dev br0
ip -n "$SRV" link set br0 up
# A second server host on the LAN for ProxyDHCP (dnsmasq proxy mode, UDP 4011, TFTP).
ip -n "$SRV" link add vpxe0 type veth peer name pxe0 netns "$PXE"
ip -n "$SRV" link set vpxe0 master br0 up
ip -n "$PXE" addr add "$PXE_IP/24" dev pxe0
ip -n "$PXE" link set pxe0 up

mkdir -p "$TMP/tftp"
cp -L /usr/lib/ipxe/ipxe.efi "$TMP/tftp/ipxe.efi"

# start_dnsmasq ROLE EXTRA_CONF...
#   ROLE dhcp:  address-assigning server on br0 (10.77.0.1) in $SRV
#   ROLE proxy: ProxyDHCP server on pxe0 (10.77.0.2) in $PXE
DNSMASQ_PIDS=()
start_dnsmasq() {
  local role=$1; shift
  local conf="$TMP/dnsmasq-$role.conf" ns iface range
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
    echo "dhcp-leasefile=$TMP/leases-$role"
    echo "dhcp-authoritative"
    echo "no-ping"
    echo "log-dhcp"
    echo "log-facility=$TMP/dnsmasq-$role.log"
    local l
    for l in "$@"; do echo "$l"; done
  } >"$conf"
  ip netns exec "$ns" dnsmasq --keep-in-foreground --pid-file= --conf-file="$conf" \
    >"$TMP/dnsmasq-$role.out" 2>&1 &
  local pid=$!
  PIDS+=("$pid")
  DNSMASQ_PIDS+=("$pid")
  sleep 1
  kill -0 "$pid" || { cat "$TMP/dnsmasq-$role.out" >&2; return 1; }
}

start_tcpdump() {
  local i
  PCAP="$TMP/ipxe-efi.pcap"
  ip netns exec "$SRV" tcpdump -i br0 -n -U -s 0 -w "$PCAP" \
    'udp and (port 67 or port 68 or port 4011 or port 69)' >"$TMP/tcpdump.out" 2>&1 &
  TCPDUMP_PID=$!
  PIDS+=("$TCPDUMP_PID")
  for i in $(seq 1 50); do
    grep -q 'listening on' "$TMP/tcpdump.out" && return 0
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

# ---------------------------------------------------------------- capture
echo "=== capturing ipxe-efi ($(date -u +%H:%M:%S))"
cp /usr/share/OVMF/OVMF_VARS_4M.fd "$TMP/ovmf-vars.fd"
start_dnsmasq dhcp
# dnsmasq still numbers the EFI architectures as the first RFC 4578 did (BC_EFI = 7,
# x86-64_EFI = 9); edk2 and ipxe.efi send 7, so every service is given for both names. Exactly one
# service per architecture and tag: dnsmasq then leaves out option 43 (pxe_uefi_workaround) and
# the client asks UDP 4011 for the file. edk2 (no user class) gets ipxe.efi over TFTP; iPXE (user
# class iPXE) gets an HTTP script URL, as netboot's responder would give it (nothing serves HTTP
# here: iPXE fails to fetch it after its DHCP, which is all this capture is about).
start_dnsmasq proxy "enable-tftp" "tftp-root=$TMP/tftp" \
  "dhcp-userclass=set:ipxe,iPXE" \
  "pxe-service=tag:!ipxe,BC_EFI,\"netboot capture\",ipxe.efi" \
  "pxe-service=tag:!ipxe,x86-64_EFI,\"netboot capture\",ipxe.efi" \
  "pxe-service=tag:ipxe,BC_EFI,\"netboot capture\",http://$PXE_IP:8080/boot.ipxe" \
  "pxe-service=tag:ipxe,x86-64_EFI,\"netboot capture\",http://$PXE_IP:8080/boot.ipxe"
start_tcpdump

TAP=nbefitap0
ip -n "$SRV" tuntap add "$TAP" mode tap
ip -n "$SRV" link set "$TAP" master br0 up
timeout "$QEMU_TIMEOUT" ip netns exec "$SRV" qemu-system-x86_64 -accel tcg -machine q35 -m 512 \
  -no-reboot -display none -monitor none -serial "file:$TMP/ipxe-efi.serial" \
  -chardev "file,id=dbg,path=$TMP/ipxe-efi.debugcon" -device isa-debugcon,iobase=0x402,chardev=dbg \
  -uuid "$UUID" \
  -drive if=pflash,format=raw,unit=0,readonly=on,file=/usr/share/OVMF/OVMF_CODE_4M.fd \
  -drive "if=pflash,format=raw,unit=1,file=$TMP/ovmf-vars.fd" \
  -netdev "tap,id=n0,ifname=$TAP,script=no,downscript=no" \
  -device "virtio-net-pci,netdev=n0,mac=$MAC,romfile=,bootindex=1" \
  </dev/null >"$TMP/ipxe-efi.qemu.out" 2>&1 &
QPID=$!
PIDS+=("$QPID")
STARTED=$SECONDS
if wait_for ipxe-4011 "$QPID" "$QEMU_TIMEOUT"; then
  STATUS="ok: iPXE's ProxyDHCP request to 4011 answered after $((SECONDS - STARTED)) s"
  sleep "$GRACE"
elif "${PY[@]}" check "$PCAP" ipxe-ack; then
  STATUS="partial: iPXE got a DHCP ACK but no 4011 ACK was seen within ${QEMU_TIMEOUT}s"
else
  STATUS="INCOMPLETE: no DHCP from iPXE within ${QEMU_TIMEOUT}s (qemu: $(tail -c 300 "$TMP/ipxe-efi.qemu.out" | tr '\n' ' '))"
fi
stop_pid "$QPID"
ip -n "$SRV" link del "$TAP" 2>/dev/null || true
sleep 1
stop_pid "$TCPDUMP_PID"
for p in "${DNSMASQ_PIDS[@]}"; do stop_pid "$p"; done

rm -rf "${OUT:?}"
mkdir -p "$OUT"
LISTING=$("${PY[@]}" extract "$PCAP" "$OUT" after-tftp "$MAXPKT") || {
  LISTING=""
  STATUS="FAILED: no DHCP packet after the TFTP download. $STATUS"
}
SUMMARY=""
[[ -z "$LISTING" ]] || SUMMARY=$("${PY[@]}" summary "$OUT")
echo "== ipxe-efi: $STATUS"
echo "$SUMMARY"

# ---------------------------------------------------------------- README
{
  echo "# Captured conversation of iPXE's UEFI build (ipxe.efi)"
  echo
  echo "Real DHCP packets sent by \`ipxe.efi\` (Debian package \`ipxe\`, \`/usr/lib/ipxe/ipxe.efi\`)"
  echo "running under OVMF in QEMU, and the dnsmasq replies, captured with tcpdump on a bridge"
  echo "inside private network namespaces (10.77.0.0/24) by \`../capture-ipxe-efi.sh\`."
  echo "Each \`NNN-<from>-<type>.hex\` file is one UDP payload (the DHCP message from the op byte on)"
  echo "as one line of lowercase hex. NNN is the order in the capture, <from> is \`client\` (op 1)"
  echo "or \`server\` (op 2), <type> is the option 53 message type. Only packets after the first"
  echo "TFTP read request are kept (edk2's own PXE exchange before it is in netboot-dhcp's"
  echo "\`dhcp/captures/ovmf-edk2-pxe\`); retransmissions beyond the first two of each kind are"
  echo "dropped; at most $MAXPKT packets."
  echo
  echo "Captured on $(date -u +%Y-%m-%d) (UTC), Debian $(cat /etc/debian_version), QEMU with \`-accel tcg\`."
  echo
  echo "## Setup"
  echo
  echo "QEMU \`-machine q35\` with OVMF (\`OVMF_CODE_4M.fd\`), \`virtio-net-pci,mac=$MAC,romfile=\`"
  echo "(no iPXE option ROM, so edk2's own PXE client boots first), \`-uuid $UUID\`."
  echo "dnsmasq on 10.77.0.1 assigns addresses (no PXE options). dnsmasq on 10.77.0.2 in proxy mode"
  echo "has one \`pxe-service\` per tag for the EFI architecture: clients without user class \`iPXE\`"
  echo "(edk2) get \`ipxe.efi\` over TFTP, clients with it get \`http://$PXE_IP:8080/boot.ipxe\` (not"
  echo "served: the capture stops after iPXE's DHCP). With one service, dnsmasq's OFFER has option 60"
  echo "\`PXEClient\` but no option 43 and no file, and the client asks UDP 4011 for the file."
  echo
  echo "Rerun (root; installs missing packages from Debian with apt; rewrites this folder). The"
  echo "address, MAC and UUID are fixed; xids, lease times and timing differ from run to run:"
  echo
  echo '    sudo bash capture-ipxe-efi.sh'
  echo
  echo "## Packages"
  echo
  dpkg-query -W -f='- `${Package}` ${Version}\n' "${PACKAGES[@]}" 2>/dev/null
  echo
  echo "## Packets"
  echo
  echo "Status: $STATUS"
  if [[ -n "$LISTING" ]]; then
    echo
    echo "| file | bytes | src -> dst | xid | what |"
    echo "| --- | --- | --- | --- | --- |"
    echo "$LISTING"
    echo
    echo "Options seen (lengths in bytes, 93/57 decimal, others hex or text):"
    echo
    echo '```'
    echo "$SUMMARY"
    echo '```'
  fi
} >"$OUT/README.md"
echo "=== done: $STATUS"
[[ -n "$LISTING" ]]
