/**
 * netboot's conformance kit: seeded generators of protocol values and a property runner, plain
 * Java so they work from any test framework.
 */
module dev.netboot.conformance {
  requires transitive dev.netboot.dhcp;
  requires static org.jspecify;

  exports dev.netboot.conformance;
  exports dev.netboot.conformance.dhcp;
}
