/**
 * A conformance suite for TFTP servers: {@link dev.netboot.conformance.tftp.suite.TftpServerSuite}
 * plays a client that misbehaves on purpose and reports, check by check, how a server follows
 * RFC 1350, 2347, 2348, 2349 and 7440 ({@link dev.netboot.conformance.tftp.suite.TftpSuiteReport}).
 *
 * <p>The suite needs no test framework. With JUnit 5, one dynamic test per check takes three
 * lines (the suite does not depend on JUnit, so that users of other frameworks do not get it):
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> tftpConformance() {
 *   TftpSuiteReport report = TftpServerSuite.builder(server).file("boot.bin", bytes).run();
 *   return report.checks().stream().map(c -> DynamicTest.dynamicTest(c.id() + " " + c.title(),
 *       () -> assertNotEquals(CheckOutcome.FAIL, c.outcome(), c.detail())));
 * }
 * }</pre>
 */
@NullMarked
package dev.netboot.conformance.tftp.suite;

import org.jspecify.annotations.NullMarked;
