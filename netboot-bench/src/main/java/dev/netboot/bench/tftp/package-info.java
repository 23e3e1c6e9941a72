/**
 * TFTP benchmark harnesses: {@link dev.netboot.bench.tftp.TftpServe} and
 * {@link dev.netboot.bench.tftp.TftpGet}, which {@code netboot-bench/tftp/throughput.sh} runs
 * side by side with atftpd and tftpd-hpa, and {@link dev.netboot.bench.tftp.ConcurrentTransfers},
 * 1,000 downloads at once from one server. Not API.
 */
@NullMarked
package dev.netboot.bench.tftp;

import org.jspecify.annotations.NullMarked;
