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
# The tests start every server themselves on a high port; no system service may stay on port 69.
set -euo pipefail

PEERS_DIR=/opt/netboot-peers
TFTPD_HPA_DIR="$PEERS_DIR/tftpd-hpa"

if [[ $(id -u) -ne 0 ]]; then
  echo "install-peers.sh: run as root (apt-get and dpkg -x into $PEERS_DIR)" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
# atftpd asks whether inetd should start it; answer no so that nothing serves port 69.
echo "atftpd atftpd/use_inetd boolean false" | debconf-set-selections

apt-get update
apt-get install -y --no-install-recommends \
  tftp-hpa atftp atftpd curl busybox iproute2 gcc libc6-dev ca-certificates

# tftpd-hpa: unpack the .deb without installing it.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
chmod 755 "$work"  # apt-get download runs as _apt and must write here
(cd "$work" && apt-get download tftpd-hpa)
mkdir -p "$TFTPD_HPA_DIR"
dpkg -x "$work"/tftpd-hpa_*.deb "$TFTPD_HPA_DIR"
test -x "$TFTPD_HPA_DIR/usr/sbin/in.tftpd"

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
