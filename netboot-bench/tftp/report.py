#!/usr/bin/env python3
"""Turns throughput.sh's CSV (one line per run) into the Markdown tables of the README.

    python3 report.py results/throughput-atftp-<time>.csv > results/throughput-atftp-<time>.md

Per point: the median MB/s (10^6 bytes per second) of each server, ours / atftpd, ours /
tftpd-hpa, and on the netwire rows the window bound (windowsize x blksize / 2 ms, capped at what
netwire forwards: ~70,000 packets/s, IP fragments counted) with each windowed server's fraction
of it. A run that hit its time cap counts as size / cap and marks the median "<=" (ratios then
read ">=" or "<="). Then the goals, checked per network.
"""
import csv
import math
import statistics
import sys
from collections import defaultdict

RTT_SECONDS = 0.002
NETWIRE_PPS = 70000
SERVERS = ("ours", "atftpd", "hpa")
NAMES = {"loopback": "loopback", "rtt2": "2 ms RTT (netwire 1000 us each way, no loss)",
         "lossy": "2 ms RTT, 0.5 % loss each way (netwire 5000 ppm)"}


def fragments(blksize):
    # A DATA datagram is blksize + 4 (TFTP) + 8 (UDP) bytes; IPv4 carries 1480 per fragment.
    return -(-(blksize + 12) // 1480)


def bound(blksize, windowsize):
    window = windowsize * blksize / RTT_SECONDS
    wire = NETWIRE_PPS / fragments(blksize) * blksize
    return min(window, wire) / 1e6, wire < window


class Point:
    """One server at one grid point: its runs."""

    def __init__(self):
        self.rates = []
        self.capped = False
        self.failed = 0
        self.retrans = []
        self.wrong = []

    def add(self, row):
        size = int(row["bytes"])
        seconds = float(row["seconds"])
        if row["status"] == "timeout":
            self.capped = True
        elif row["status"] != "ok":
            self.failed += 1
            return
        self.rates.append(size / seconds / 1e6)
        if row["retransmissions"]:
            self.retrans.append(int(row["retransmissions"]))
        if row["client_wrong_blocks"]:
            self.wrong.append(int(row["client_wrong_blocks"]))

    def median(self):
        return statistics.median(self.rates) if self.rates else None


def fmt(value, capped=False, digits=1):
    if value is None:
        return "-"
    return ("<=" if capped else "") + f"{value:.{digits}f}"


def ratio(a, b):
    """ours / peer, with the direction of the uncertainty when either was capped."""
    if a is None or b is None or b.median() is None or a.median() is None:
        return None, ""
    r = a.median() / b.median()
    if a.capped and b.capped:
        return r, "~"
    if b.capped:
        return r, ">="
    if a.capped:
        return r, "<="
    return r, ""


def main(path):
    data = defaultdict(lambda: defaultdict(Point))
    order = []
    sizes = {}
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            key = (row["network"], int(row["blksize"]), int(row["windowsize"]))
            if key not in order:
                order.append(key)
            data[key][row["server"]].add(row)
            if row["server"] != "hpa":
                sizes[key] = int(row["bytes"])
    networks = []
    for net, _, _ in order:
        if net not in networks:
            networks.append(net)
    hpa_by_blk = {}
    for (net, blk, win), servers in data.items():
        if "hpa" in servers:
            hpa_by_blk[(net, blk)] = servers["hpa"]

    out = []
    goals = []
    for net in networks:
        keys = [k for k in order if k[0] == net]
        netwire = net != "loopback"
        out.append(f"### {NAMES.get(net, net)}\n")
        head = "| blksize | windowsize | file | ours MB/s | atftpd MB/s | tftpd-hpa MB/s | ours/atftpd | ours/hpa |"
        rule = "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
        if netwire:
            head += " window bound MB/s | ours/bound | atftpd/bound |"
            rule += " ---: | ---: | ---: |"
        head += " ours retransmissions | atftp 'wrong block' ours / atftpd |"
        rule += " ---: | ---: |"
        out += [head, rule]
        log_ratios = []
        below_peer, below_bound, window_costs = [], [], []
        best_by_blk = defaultdict(list)
        for key in keys:
            _, blk, win = key
            s = data[key]
            ours, atftpd = s.get("ours"), s.get("atftpd")
            hpa = hpa_by_blk.get((net, blk))
            r_a, r_a_mark = ratio(ours, atftpd)
            r_h, r_h_mark = ratio(ours, hpa)
            cells = [str(blk), str(win)]
            cells.append(f"{sizes[key] >> 20} MiB" if key in sizes else "-")
            cells.append(fmt(ours.median() if ours else None, ours.capped if ours else False))
            cells.append(fmt(atftpd.median() if atftpd else None, atftpd.capped if atftpd else False))
            cells.append(fmt(hpa.median() if hpa else None, hpa.capped if hpa else False))
            cells.append(r_a_mark + fmt(r_a, digits=2) if r_a is not None else "-")
            cells.append(r_h_mark + fmt(r_h, digits=2) if r_h is not None else "-")
            if r_a is not None:
                log_ratios.append(math.log(r_a))
                if r_a < 1 and r_a_mark != ">=":
                    below_peer.append(f"{blk}x{win}: {r_a_mark}{r_a:.2f}")
            if netwire:
                b, wire_limited = bound(blk, win)
                cells.append(f"{b:.1f}" + (" (wire)" if wire_limited else ""))
                fo = ours.median() / b if ours and ours.median() else None
                fa = atftpd.median() / b if atftpd and atftpd.median() else None
                cells.append(fmt(fo, digits=2))
                cells.append(fmt(fa, atftpd.capped if atftpd else False, digits=2))
                if fo is not None and fo < 0.9:
                    below_bound.append(f"{blk}x{win}: {fo:.2f}")
            rt = statistics.median(ours.retrans) if ours and ours.retrans else None
            cells.append("-" if rt is None else f"{rt:.0f}")
            wo = statistics.median(ours.wrong) if ours and ours.wrong else None
            wa = statistics.median(atftpd.wrong) if atftpd and atftpd.wrong else None
            cells.append(f"{'-' if wo is None else f'{wo:.0f}'} / {'-' if wa is None else f'{wa:.0f}'}")
            out.append("| " + " | ".join(cells) + " |")
            if ours and ours.median() is not None:
                earlier = best_by_blk[blk]
                if earlier:
                    best_win, best = max(earlier, key=lambda e: e[1])
                    if ours.median() < 0.9 * best:
                        window_costs.append(
                            f"{blk}: windowsize {win} {ours.median():.1f} vs {best:.1f} at {best_win}"
                            f" ({ours.median() / best - 1:+.0%})")
                earlier.append((win, ours.median()))
        geo = math.exp(sum(log_ratios) / len(log_ratios)) if log_ratios else None
        out.append("")
        out.append(f"Geometric mean of ours/atftpd over {len(log_ratios)} points: "
                   f"**{geo:.2f}**" if geo else "Geometric mean: -")
        out.append("")
        goals.append(f"\n**{NAMES.get(net, net)}**\n")
        goals.append(f"- ours >= atftpd at every point: "
                     + ("met" if not below_peer else "missed at " + ", ".join(below_peer)))
        goals.append(f"- geometric mean ours/atftpd >= 2: "
                     + (f"met ({geo:.2f})" if geo and geo >= 2 else f"missed ({geo:.2f})" if geo else "-"))
        if net == "rtt2":
            goals.append("- ours >= 90 % of the window bound: "
                         + ("met" if not below_bound else "missed at " + ", ".join(below_bound)))
        goals.append("- a larger windowsize never costs ours more than 10 %: "
                     + ("met" if not window_costs else "missed at blksize " + "; ".join(window_costs)))
    out.append("### Goals\n")
    out += goals
    print("\n".join(out))


if __name__ == "__main__":
    main(sys.argv[1])
