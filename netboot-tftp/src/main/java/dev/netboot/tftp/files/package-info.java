/**
 * Built-in TFTP file sources: a sandboxed directory, files in memory, files made per request,
 * tftp-hpa-style filename remapping, and a chain of sources.
 *
 * <p>Each implements {@link dev.netboot.tftp.TftpFileSource}; combine them, for example a
 * {@link dev.netboot.tftp.files.RemappingFileSource} in front of a
 * {@link dev.netboot.tftp.files.ChainedFileSource} of a
 * {@link dev.netboot.tftp.files.DynamicFileSource} and a
 * {@link dev.netboot.tftp.files.DirectoryFileSource}.
 */
@NullMarked
package dev.netboot.tftp.files;

import org.jspecify.annotations.NullMarked;
