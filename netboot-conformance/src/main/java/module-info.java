/**
 * netboot's conformance kit: seeded generators of protocol values and a property runner, plain
 * Java so they work from any test framework.
 */
module dev.netboot.conformance {
  requires transitive dev.netboot.dhcp;
  requires transitive dev.netboot.tftp;
  requires transitive dev.netboot.pxe;
  requires transitive dev.netboot.syslinux;
  requires transitive dev.netboot.ipxe;
  requires static org.jspecify;

  exports dev.netboot.conformance;
  exports dev.netboot.conformance.dhcp;
  exports dev.netboot.conformance.dhcp.suite;
  exports dev.netboot.conformance.tftp;
  exports dev.netboot.conformance.tftp.suite;
  exports dev.netboot.conformance.net;
  exports dev.netboot.conformance.hostile;
  exports dev.netboot.conformance.pxe;
  exports dev.netboot.conformance.syslinux;
  exports dev.netboot.conformance.ipxe;
}
