package dev.netboot.it.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One element of Wireshark's PDML output: a packet, a protocol or a field, with its filter name,
 * Wireshark's rendering ({@code show}), its bytes in hex ({@code value}), its offset in the frame
 * ({@code pos}) and its children. PDML names every field by its filter name and never abbreviates.
 *
 * @param element "packet", "proto" or "field"
 * @param name the filter name, as in {@code dhcp.option.type}; empty for a packet
 * @param show the value as Wireshark renders it, or empty
 * @param value the bytes in lowercase hex, or empty
 * @param pos the element's offset in the frame, or -1
 * @param children the nested elements, in document order
 */
public record PdmlNode(
    String element, String name, String show, String value, int pos, List<PdmlNode> children) {

  /** Copies the children. */
  public PdmlNode {
    children = List.copyOf(children);
  }

  /** Returns the nested elements with this name, at any depth, in document order. */
  public List<PdmlNode> all(String fieldName) {
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
  public Optional<PdmlNode> first(String fieldName) {
    List<PdmlNode> found = all(fieldName);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /** Returns the nested elements whose name starts with {@code prefix}, at any depth. */
  public List<PdmlNode> allStartingWith(String prefix) {
    List<PdmlNode> found = new ArrayList<>();
    for (PdmlNode child : children) {
      if (child.name.startsWith(prefix)) {
        found.add(child);
      }
      found.addAll(child.allStartingWith(prefix));
    }
    return found;
  }

  /** Returns the direct children with this name. */
  public List<PdmlNode> children(String fieldName) {
    List<PdmlNode> found = new ArrayList<>();
    for (PdmlNode child : children) {
      if (child.name.equals(fieldName)) {
        found.add(child);
      }
    }
    return found;
  }

  /** Returns {@link #show()} as a number. */
  public long showAsNumber() {
    return number(show);
  }

  /** Parses a shown integer; Wireshark shows some in hex, as {@code 0x8000}. */
  public static long number(String show) {
    return show.startsWith("0x") ? Long.parseLong(show.substring(2), 16) : Long.parseLong(show);
  }
}
