package dev.netboot.conformance.tftp;

import dev.netboot.conformance.Generator;
import dev.netboot.tftp.TftpAck;
import dev.netboot.tftp.TftpData;
import dev.netboot.tftp.TftpError;
import dev.netboot.tftp.TftpErrorCode;
import dev.netboot.tftp.TftpOpcode;
import dev.netboot.tftp.TftpOptionAck;
import dev.netboot.tftp.TftpOptions;
import dev.netboot.tftp.TftpPacket;
import dev.netboot.tftp.TftpRequest;
import dev.netboot.tftp.TftpRetransmitSettings;
import io.netty.buffer.Unpooled;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded generators of TFTP values: well-formed packets of every type, requests with options as
 * real clients and hostile ones send them, mutations of encoded packets, and whole transfer
 * scenarios (file size, options, network faults) for {@link TftpSimulation}.
 */
public final class TftpGenerators {
  private static final String[] NAMES = {"pxelinux.0", "undionly.kpxe", "bootx64.efi",
    "pxelinux.cfg/default", "pxelinux.cfg/01-52-54-00-12-34-56", "ipxe/boot.ipxe",
    "grüße/übung.cfg", "C:\\boot\\x.com", "../../etc/passwd", "a b\tc"};
  private static final String[] OPTION_NAMES = {TftpOptions.BLKSIZE, TftpOptions.TSIZE,
    TftpOptions.TIMEOUT, TftpOptions.WINDOWSIZE, TftpOptions.UTIMEOUT, TftpOptions.ROLLOVER,
    "multicast", "x-vendor", "BlkSize"};

  private TftpGenerators() {}

  /** Returns packets of all six opcodes, well-formed. */
  public static Generator<TftpPacket> packets() {
    return Generator.oneOf(requests(), dataPackets(), acks(), errors(), optionAcks());
  }

  /**
   * Returns RRQs and WRQs with known file names or random text, either mode (in any case), and
   * up to ten options whose values may be valid, out of range, or not numbers at all.
   */
  public static Generator<TftpRequest> requests() {
    return random -> {
      TftpRequest.Builder b = TftpRequest.builder(
          random.nextBoolean() ? TftpOpcode.RRQ : TftpOpcode.WRQ, filename(random));
      b.mode(pick(random, "octet", "netascii", "OCTET", "NetAscii", "mail"));
      int n = random.nextInt(11);
      for (int i = 0; i < n; i++) {
        String name = pick(random, OPTION_NAMES);
        b.option(name, optionValue(random, name));
      }
      return b.build();
    };
  }

  /** Returns DATA packets of any block number and 0 to 1500 bytes. */
  public static Generator<TftpData> dataPackets() {
    return random -> {
      byte[] b = new byte[random.nextInt(4) == 0 ? 0 : random.nextInt(1501)];
      random.nextBytes(b);
      return TftpData.of(random.nextInt(65536), Unpooled.wrappedBuffer(b));
    };
  }

  /** Returns ACKs of any block number. */
  public static Generator<TftpAck> acks() {
    return random -> TftpAck.of(random.nextInt(65536));
  }

  /** Returns ERRORs with the RFC's codes mostly, any 16-bit code sometimes. */
  public static Generator<TftpError> errors() {
    return random -> TftpError.of(
        TftpErrorCode.valueOf(random.nextInt(4) == 0 ? random.nextInt(65536) : random.nextInt(9)),
        text(random, random.nextInt(40)));
  }

  /** Returns OACKs of up to six options. */
  public static Generator<TftpOptionAck> optionAcks() {
    return random -> {
      Map<String, String> m = new LinkedHashMap<>();
      int n = random.nextInt(7);
      for (int i = 0; i < n; i++) {
        String name = pick(random, OPTION_NAMES).toLowerCase(java.util.Locale.ROOT);
        m.put(name, optionValue(random, name));
      }
      return TftpOptionAck.of(m);
    };
  }

  /**
   * Returns mutations of {@code packet}: bytes flipped, cut, repeated, NULs removed or added,
   * the opcode changed.
   *
   * @param packet an encoded packet
   * @return the generator
   */
  public static Generator<byte[]> mutations(byte[] packet) {
    return random -> {
      byte[] p = packet.clone();
      int edits = 1 + random.nextInt(4);
      for (int i = 0; i < edits && p.length > 0; i++) {
        int at = random.nextInt(p.length);
        switch (random.nextInt(5)) {
          case 0 -> p[at] = (byte) random.nextInt(256);
          case 1 -> p = java.util.Arrays.copyOf(p, at);
          case 2 -> p[at] = 0;
          case 3 -> p = java.util.Arrays.copyOf(p, p.length + 1 + random.nextInt(20));
          default -> {
            if (p.length > 1) {
              p[1] = (byte) random.nextInt(9);
            }
          }
        }
      }
      return p;
    };
  }

  /**
   * Returns transfer scenarios: downloads and uploads, octet and netascii, sizes around block
   * boundaries (0, 1, multiples of the block size and one either side, a few larger) and now
   * and then past block number 65535 at blksize 8; options as clients ask them; server caps;
   * loss up to 30%, duplicates, reordering, a small receive buffer; patient or default retries.
   */
  public static Generator<TftpScenario> scenarios() {
    return random -> {
      boolean rollover = random.nextInt(150) == 0;
      int blksize = rollover ? 8 : pickBlksize(random);
      int windowsize = pickInt(random, 1, 1, 2, 4, 8, 16, 64);
      Map<String, String> options = new LinkedHashMap<>();
      if (blksize != 512 || random.nextBoolean()) {
        options.put(TftpOptions.BLKSIZE, Integer.toString(blksize));
      }
      if (windowsize > 1) {
        options.put(TftpOptions.WINDOWSIZE, Integer.toString(windowsize));
      }
      if (random.nextBoolean()) {
        options.put(TftpOptions.TSIZE, "0");
      }
      if (random.nextInt(8) == 0) {
        options.put(TftpOptions.ROLLOVER, Integer.toString(random.nextInt(2)));
      }
      int size = rollover ? 8 * (65_536 + random.nextInt(2_000)) : size(random, blksize);
      return new TftpScenario(random.nextBoolean(), random.nextInt(4) == 0 ? "netascii" : "octet",
          size, random.nextLong(), options, pickInt(random, 512, 1468, 8192, 65464),
          pickInt(random, 1, 4, 64), retransmit(random), faults(random));
    };
  }

  /** Returns network faults: loss up to 30%, duplicates, jitter, sometimes a small buffer. */
  public static Generator<TftpFaults> faults() {
    return TftpGenerators::faults;
  }

  private static TftpFaults faults(SplittableRandom random) {
    double loss = pickDouble(random, 0.0, 0.0, 0.01, 0.05, 0.1, 0.3);
    double duplicate = random.nextInt(3) == 0 ? random.nextDouble() * 0.1 : 0;
    long delay = 10_000 + random.nextLong(2_000_000);
    long jitter = random.nextBoolean() ? random.nextLong(3_000_000) : 0;
    boolean buffer = random.nextInt(6) == 0;
    return new TftpFaults(loss, duplicate, delay, jitter, buffer ? 2 + random.nextInt(10) : 0,
        buffer ? 1_000 + random.nextLong(20_000) : 0, random.nextLong());
  }

  private static TftpRetransmitSettings retransmit(SplittableRandom random) {
    if (random.nextBoolean()) {
      return TftpRetransmitSettings.DEFAULTS;
    }
    return TftpRetransmitSettings.builder().maxRetries(40).idleTimeout(Duration.ofMinutes(10))
        .build();
  }

  private static int pickBlksize(SplittableRandom random) {
    return random.nextInt(3) == 0 ? 8 + random.nextInt(2000)
        : pickInt(random, 8, 512, 512, 1024, 1428, 1432, 1468, 8192, 65464);
  }

  private static int size(SplittableRandom random, int blksize) {
    switch (random.nextInt(5)) {
      case 0:
        return pickInt(random, 0, 1, blksize - 1, blksize, blksize + 1);
      case 1:
        return blksize * random.nextInt(20);
      case 2:
        return blksize * (1 + random.nextInt(20)) + pickInt(random, -1, 1);
      case 3:
        return random.nextInt(200_000);
      default:
        return random.nextInt(5_000);
    }
  }

  private static String filename(SplittableRandom random) {
    return random.nextInt(3) == 0 ? text(random, 1 + random.nextInt(60)) : pick(random, NAMES);
  }

  private static String optionValue(SplittableRandom random, String name) {
    switch (random.nextInt(6)) {
      case 0:
        return pick(random, "", "-1", "+8", " 512", "0x10", "99999999999999999999", "abc");
      case 1:
        return Integer.toString(random.nextInt(70_000));
      default:
        break;
    }
    switch (name.toLowerCase(java.util.Locale.ROOT)) {
      case TftpOptions.BLKSIZE:
        return Integer.toString(8 + random.nextInt(65_457));
      case TftpOptions.WINDOWSIZE:
        return Integer.toString(1 + random.nextInt(128));
      case TftpOptions.TIMEOUT:
        return Integer.toString(1 + random.nextInt(255));
      case TftpOptions.UTIMEOUT:
        return Integer.toString(10_000 + random.nextInt(1_000_000));
      case TftpOptions.ROLLOVER:
        return Integer.toString(random.nextInt(2));
      default:
        return Long.toString(random.nextLong(1L << 40));
    }
  }

  private static String text(SplittableRandom random, int length) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < length; i++) {
      int r = random.nextInt(10);
      sb.appendCodePoint(r == 0 ? 0xA0 + random.nextInt(0x2000) : 0x20 + random.nextInt(0x5F));
    }
    return sb.toString();
  }

  @SafeVarargs
  private static <T> T pick(SplittableRandom random, T... choices) {
    return choices[random.nextInt(choices.length)];
  }

  private static int pickInt(SplittableRandom random, int... choices) {
    return choices[random.nextInt(choices.length)];
  }

  private static double pickDouble(SplittableRandom random, double... choices) {
    return choices[random.nextInt(choices.length)];
  }
}
