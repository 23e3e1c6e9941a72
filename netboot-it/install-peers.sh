#!/usr/bin/env bash
# Installs the real programs ("peers") that netboot's integration tests talk to, on Debian 12.
#
#   sudo netboot-it/install-peers.sh
#   mvn -B verify -pl netboot-it -am -Dnetboot.peers.required=true
#
# Clients: tftp-hpa (tftp), atftp, curl, busybox (tftp applet). Servers: atftpd, and tftpd-hpa
# unpacked (not installed) under /opt/netboot-peers/tftpd-hpa, because atftpd owns
# /usr/sbin/in.tftpd and the two packages conflict. Tools: iproute2 (ip netns) and gcc, which
# builds /work/shared/tools/netwire.c for the lossy-link test.
#
# End-to-end boots (dev.netboot.it.e2e): QEMU (qemu-system-x86) with its PXE ROMs (ipxe-qemu),
# iPXE's loaders (ipxe: /usr/lib/ipxe/undionly.kpxe, ipxe.efi), pxelinux and syslinux-common
# (lpxelinux.0, ldlinux.c32), OVMF, dnsmasq-base (the address-only DHCP server beside netboot;
# the "dnsmasq" package would start a system service, the executable alone is enough), and two
# things unpacked with dpkg -x instead of installed: busybox-static (it conflicts with the
# busybox package above) for the guest's initramfs, and the current Debian kernel, whose
# vmlinuz is linked as /opt/netboot-peers/kernel/vmlinuz.
#
# The tests start every server themselves on a high port; no system service may stay on port 69.
# Running this again is harmless: packages already there stay, and the unpacked ones are
# unpacked again only when their version changed.
set -euo pipefail

PEERS_DIR=/opt/netboot-peers
TFTPD_HPA_DIR="$PEERS_DIR/tftpd-hpa"
BUSYBOX_STATIC_DIR="$PEERS_DIR/busybox-static"
KERNEL_DIR="$PEERS_DIR/kernel"

if [[ $(id -u) -ne 0 ]]; then
  echo "install-peers.sh: run as root (apt-get and dpkg -x into $PEERS_DIR)" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
# atftpd asks whether inetd should start it; answer no so that nothing serves port 69.
echo "atftpd atftpd/use_inetd boolean false" | debconf-set-selections

apt-get update
apt-get install -y --no-install-recommends \
  tftp-hpa atftp atftpd curl busybox iproute2 gcc libc6-dev ca-certificates \
  qemu-system-x86 ipxe-qemu ipxe pxelinux syslinux-common ovmf dnsmasq-base cpio gzip

# tftpd-hpa: unpack the .deb without installing it.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
chmod 755 "$work"  # apt-get download runs as _apt and must write here
(cd "$work" && apt-get download tftpd-hpa)
mkdir -p "$TFTPD_HPA_DIR"
dpkg -x "$work"/tftpd-hpa_*.deb "$TFTPD_HPA_DIR"
test -x "$TFTPD_HPA_DIR/usr/sbin/in.tftpd"

# busybox-static: unpacked, because installing it would remove the busybox package.
(cd "$work" && apt-get download busybox-static)
rm -rf "$BUSYBOX_STATIC_DIR"
mkdir -p "$BUSYBOX_STATIC_DIR"
dpkg -x "$work"/busybox-static_*.deb "$BUSYBOX_STATIC_DIR"
test -x "$BUSYBOX_STATIC_DIR/bin/busybox"

# The kernel the guests boot: whatever linux-image-amd64 depends on today, unpacked (installing
# it would run initramfs-tools and touch /boot for nothing). Unpack only when the version changed.
kernel_pkg=$(apt-cache depends linux-image-amd64 \
  | awk '/Depends: linux-image-[0-9]/ { print $2; exit }')
if [[ -z $kernel_pkg ]]; then
  echo "install-peers.sh: cannot tell which kernel linux-image-amd64 depends on" >&2
  exit 1
fi
kernel_version=$(apt-cache show --no-all-versions "$kernel_pkg" \
  | awk '/^Version:/ { print $2; exit }')
if [[ $(cat "$KERNEL_DIR/package" 2>/dev/null) != "$kernel_pkg $kernel_version" \
    || ! -e $KERNEL_DIR/vmlinuz ]]; then
  (cd "$work" && apt-get download "$kernel_pkg")
  rm -rf "$KERNEL_DIR"
  mkdir -p "$KERNEL_DIR/root"
  # Only the kernel image is needed; the modules are 400 MB the initramfs never loads.
  dpkg-deb --fsys-tarfile "$work/${kernel_pkg}"_*.deb \
    | tar -x -C "$KERNEL_DIR/root" --wildcards './boot/vmlinuz-*'
  vmlinuz=$(find "$KERNEL_DIR/root/boot" -name 'vmlinuz-*' | head -n 1)
  ln -s "${vmlinuz#"$KERNEL_DIR"/}" "$KERNEL_DIR/vmlinuz"
  echo "$kernel_pkg $kernel_version" >"$KERNEL_DIR/package"
fi
test -s "$KERNEL_DIR/vmlinuz"

# No tftp service may be left running: stop and disable whatever the packages started.
for service in atftpd tftpd-hpa; do
  if command -v systemctl >/dev/null 2>&1 && [[ -d /run/systemd/system ]]; then
    systemctl disable --now "$service" >/dev/null 2>&1 || true
  fi
  if [[ -x /etc/init.d/$service ]]; then
    /etc/init.d/"$service" stop >/dev/null 2>&1 || true
  fi
  if command -v update-rc.d >/dev/null 2>&1; then
    update-rc.d "$service" disable >/dev/null 2>&1 || true
  fi
done
for pidfile in /run/atftpd.pid /var/run/atftpd.pid /run/tftpd-hpa.pid; do
  if [[ -f $pidfile ]]; then
    kill "$(cat "$pidfile")" 2>/dev/null || true
  fi
done
# dnsmasq-base ships no service, but a full dnsmasq from elsewhere would answer DHCP on the host.
if command -v systemctl >/dev/null 2>&1 && [[ -d /run/systemd/system ]]; then
  systemctl disable --now dnsmasq >/dev/null 2>&1 || true
fi
if ss -Hulpn 'sport = :69' 2>/dev/null | grep -q .; then
  echo "install-peers.sh: something still listens on UDP port 69:" >&2
  ss -ulpn 'sport = :69' >&2
  exit 1
fi

echo "== peer versions"
echo "tftp-hpa:  $(dpkg-query -W -f='${Version}' tftp-hpa)"
echo "atftp:     $(dpkg-query -W -f='${Version}' atftp)"
echo "atftpd:    $(dpkg-query -W -f='${Version}' atftpd)"
echo "tftpd-hpa: $("$TFTPD_HPA_DIR/usr/sbin/in.tftpd" -V 2>&1 | head -n 1) ($TFTPD_HPA_DIR)"
echo "curl:      $(curl --version | head -n 1)"
echo "busybox:   $(busybox 2>&1 | head -n 1)"
echo "gcc:       $(gcc --version | head -n 1)"
echo "ip:        $(ip -V)"
echo "qemu:      $(qemu-system-x86_64 --version | head -n 1)"
echo "ipxe:      $(dpkg-query -W -f='${Version}' ipxe)"
echo "ipxe-qemu: $(dpkg-query -W -f='${Version}' ipxe-qemu)"
echo "pxelinux:  $(dpkg-query -W -f='${Version}' pxelinux)"
echo "ovmf:      $(dpkg-query -W -f='${Version}' ovmf)"
echo "dnsmasq:   $(dnsmasq --version | head -n 1)"
echo "busybox-static: $("$BUSYBOX_STATIC_DIR/bin/busybox" 2>&1 | head -n 1)"
echo "kernel:    $(cat "$KERNEL_DIR/package") ($(readlink "$KERNEL_DIR/vmlinuz"))"
