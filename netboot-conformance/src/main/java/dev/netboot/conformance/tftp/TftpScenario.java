package dev.netboot.conformance.tftp;

import dev.netboot.tftp.TftpRetransmitSettings;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One transfer to simulate: a download (RRQ) or an upload (WRQ) of a file of a given size, with
 * the options the client asks, the server's caps, both sides' retransmission settings, and the
 * network's faults.
 *
 * @param upload true for a WRQ, false for an RRQ
 * @param mode {@code octet} or {@code netascii} (then the file is text with CR and LF)
 * @param fileSize the file's size in bytes
 * @param contentSeed the seed of the file's bytes
 * @param options the options the client asks, names lower-cased, values valid for the client
 * @param serverMaxBlksize the server's block size cap
 * @param serverMaxWindowsize the server's window size cap
 * @param retransmit both sides' retransmission settings
 * @param faults the network
 */
public record TftpScenario(boolean upload, String mode, int fileSize, long contentSeed,
    Map<String, String> options, int serverMaxBlksize, int serverMaxWindowsize,
    TftpRetransmitSettings retransmit, TftpFaults faults) {
  /** Copies the options. */
  public TftpScenario {
    options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
  }

  /** Returns whether the file is netascii text. */
  public boolean netascii() {
    return "netascii".equals(mode);
  }
}
