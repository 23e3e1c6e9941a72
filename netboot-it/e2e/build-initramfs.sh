#!/usr/bin/env bash
# Builds the tiny initramfs the end-to-end guests boot (cpio newc, gzip): a static busybox and an
# /init that prints a marker line and the kernel command line on the serial console, then powers
# the machine off, so that a test can tell from the console log alone that the kernel and this
# initrd were both delivered, and with which arguments.
#
#   netboot-it/e2e/build-initramfs.sh OUT [BUSYBOX]
#
# BUSYBOX defaults to the static busybox install-peers.sh unpacks; a dynamically linked one
# would find no libc in the guest.
set -euo pipefail

MARKER=NETBOOT-E2E-MARKER

if [[ $# -lt 1 || $# -gt 2 ]]; then
  echo "usage: $0 OUT [BUSYBOX]" >&2
  exit 2
fi
out=$1
busybox=${2:-/opt/netboot-peers/busybox-static/bin/busybox}
if [[ ! -x $busybox ]]; then
  echo "build-initramfs.sh: no static busybox at $busybox (run netboot-it/install-peers.sh)" >&2
  exit 1
fi
if file -L "$busybox" 2>/dev/null | grep -q 'dynamically linked'; then
  echo "build-initramfs.sh: $busybox is dynamically linked (expected: a static busybox)" >&2
  exit 1
fi

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root"/{bin,dev,proc,sys}
cp "$busybox" "$root/bin/busybox"
for applet in sh mount cat echo poweroff sleep; do
  ln -s busybox "$root/bin/$applet"
done

cat >"$root/init" <<INIT
#!/bin/sh
# Without a /dev/console node in the archive the kernel gives init no console; devtmpfs brings
# one, so the marker reaches the serial console (console=ttyS0) either way.
mount -t proc proc /proc
mount -t devtmpfs devtmpfs /dev 2>/dev/null
exec >/dev/console 2>&1
echo "$MARKER"
echo "cmdline: \$(cat /proc/cmdline)"
# Stop the machine so that QEMU exits once the test has what it needs.
poweroff -f
sleep 5
INIT
chmod 755 "$root/init"

mkdir -p "$(dirname "$out")"
(cd "$root" && find . -mindepth 1 | LC_ALL=C sort | cpio -o -H newc --quiet -R 0:0) \
  | gzip -9 >"$out.tmp"
mv "$out.tmp" "$out"
echo "$out: $(stat -c %s "$out") bytes, marker $MARKER"
