/**
 * The HTTP service: boot files streamed from disk with sendfile, generated scripts and configs,
 * opaque file ids. Start at {@link dev.netboot.server.http.BootHttpServer} and
 * {@link dev.netboot.server.http.FileCatalog}.
 */
@NullMarked
package dev.netboot.server.http;

import org.jspecify.annotations.NullMarked;
