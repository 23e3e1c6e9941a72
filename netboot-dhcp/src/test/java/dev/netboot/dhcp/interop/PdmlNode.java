package dev.netboot.dhcp.interop;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One element of Wireshark's PDML output ({@code tshark -T pdml}): a packet, a protocol or a
 * field, with its attributes and the elements nested in it.
 *
 * <p>PDML is the output to read because it names every field by its filter name and gives both
 * Wireshark's rendering ({@code show}) and the raw bytes in hex ({@code value}), never
 * abbreviated, with their offset in the frame ({@code pos}).
 *
 * @param element "packet", "proto" or "field"
 * @param name the filter name, as in {@code dhcp.option.type}; empty for a packet
 * @param show the value as Wireshark renders it, or empty
 * @param value the field's bytes in lowercase hex, or empty
 * @param pos the field's offset in the frame, or -1
 * @param children the nested elements, in document order
 */
record PdmlNode(
    String element, String name, String show, String value, int pos, List<PdmlNode> children) {

  PdmlNode {
    children = List.copyOf(children);
  }

  /** Returns the nested elements with this name, at any depth, in document order. */
  List<PdmlNode> all(String fieldName) {
    List<PdmlNode> found = new ArrayList<>();
    collect(fieldName, found);
    return found;
  }

  private void collect(String fieldName, List<PdmlNode> found) {
    for (PdmlNode child : children) {
      if (child.name.equals(fieldName)) {
        found.add(child);
      }
      child.collect(fieldName, found);
    }
  }

  /** Returns the first nested element with this name, at any depth. */
  Optional<PdmlNode> first(String fieldName) {
    for (PdmlNode child : children) {
      if (child.name.equals(fieldName)) {
        return Optional.of(child);
      }
      Optional<PdmlNode> deeper = child.first(fieldName);
      if (deeper.isPresent()) {
        return deeper;
      }
    }
    return Optional.empty();
  }

  /** Returns the direct children with this name. */
  List<PdmlNode> children(String fieldName) {
    List<PdmlNode> found = new ArrayList<>();
    for (PdmlNode child : children) {
      if (child.name.equals(fieldName)) {
        found.add(child);
      }
    }
    return found;
  }

  /** Returns {@link #show()} as a number. */
  long showAsNumber() {
    return number(show);
  }

  /** Parses a shown integer; Wireshark shows some in hex, as {@code 0x8000}. */
  static long number(String show) {
    return show.startsWith("0x") ? Long.parseLong(show.substring(2), 16) : Long.parseLong(show);
  }
}
