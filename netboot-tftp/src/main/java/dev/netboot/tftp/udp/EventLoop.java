package dev.netboot.tftp.udp;

import dev.netboot.tftp.TftpPacket;
import dev.netboot.tftp.TftpPacketEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One I/O thread: a selector over many datagram channels, a {@link DeadlineQueue} of their
 * timers, and a queue of tasks from other threads. Every endpoint registered here is driven only
 * by this thread, so endpoints need no locks. The two packet buffers are reused for every
 * datagram: a packet is encoded and sent, or received and handled, before the next one.
 */
final class EventLoop implements Executor {
  /** One byte more than the largest packet, so that a longer datagram is seen as too long. */
  static final int RECEIVE_BUFFER_SIZE = TftpPacket.MAX_PACKET_SIZE + 1;

  /** Waits shorter than this park the thread instead of selecting: see {@link #select()}. */
  static final long SHORT_WAIT_NANOS = 1_000_000;

  private static final Logger log = LoggerFactory.getLogger(EventLoop.class);

  private final Thread thread;
  private final Selector selector;
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final DeadlineQueue deadlines = new DeadlineQueue();
  private final Set<LoopEndpoint> endpoints = Collections.newSetFromMap(new IdentityHashMap<>());
  private final AtomicInteger load = new AtomicInteger();
  private final ByteBuf receiveBuf = Unpooled.directBuffer(RECEIVE_BUFFER_SIZE, RECEIVE_BUFFER_SIZE);
  private final ByteBuffer receiveNio = receiveBuf.nioBuffer(0, RECEIVE_BUFFER_SIZE);
  private final ByteBuf sendBuf =
      Unpooled.directBuffer(TftpPacket.MAX_PACKET_SIZE, TftpPacket.MAX_PACKET_SIZE);
  private final CountDownLatch terminated = new CountDownLatch(1);
  private volatile boolean running = true;

  EventLoop(String threadName) throws IOException {
    this.selector = Selector.open();
    this.thread = new Thread(this::run, threadName);
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** Runs {@code task} on this loop's thread, soon. */
  @Override
  public void execute(Runnable task) {
    tasks.add(task);
    if (Thread.currentThread() != thread) {
      selector.wakeup();
    }
  }

  boolean inLoop() {
    return Thread.currentThread() == thread;
  }

  /**
   * Returns how many endpoints this loop has or is about to get; other threads read it to pick
   * the least busy loop.
   */
  int load() {
    return load.get();
  }

  /** Counts an endpoint that is on its way to this loop; {@link #remove} uncounts it. */
  void reserve() {
    load.incrementAndGet();
  }

  /** Releases a {@link #reserve} that never became an endpoint. */
  void unreserve() {
    load.decrementAndGet();
  }

  /** Registers a reserved endpoint's channel for reading. Loop thread only. */
  SelectionKey add(DatagramChannel channel, LoopEndpoint endpoint) throws IOException {
    channel.configureBlocking(false);
    SelectionKey key = channel.register(selector, SelectionKey.OP_READ, endpoint);
    endpoints.add(endpoint);
    return key;
  }

  /** Forgets an endpoint: no more reads or deadlines. Closing its channel is the caller's job. */
  void remove(LoopEndpoint endpoint) {
    deadlines.remove(endpoint);
    if (endpoints.remove(endpoint)) {
      load.decrementAndGet();
    }
  }

  /** Queues (or moves, or with NO_DEADLINE cancels) the endpoint's deadline. Loop thread only. */
  void schedule(LoopEndpoint endpoint, long deadlineNanos) {
    deadlines.schedule(endpoint, deadlineNanos);
  }

  /**
   * Receives one datagram into the loop's receive buffer.
   *
   * @return the sender, or null when the channel holds nothing
   */
  @Nullable InetSocketAddress receive(DatagramChannel channel) throws IOException {
    receiveNio.clear();
    SocketAddress from = channel.receive(receiveNio);
    if (from == null) {
      return null;
    }
    receiveBuf.setIndex(0, receiveNio.position());
    return (InetSocketAddress) from;
  }

  /** Returns the last datagram {@link #receive} got; valid until the next receive. */
  ByteBuf received() {
    return receiveBuf;
  }

  /**
   * Encodes {@code packet} into the loop's send buffer and sends it.
   *
   * @return false when the datagram was not sent (socket buffer full, network down): for the
   *     transfer that is one more lost packet, which its retransmission covers
   */
  boolean send(DatagramChannel channel, TftpPacket packet, SocketAddress to) {
    sendBuf.clear();
    TftpPacketEncoder.encode(packet, sendBuf);
    try {
      return channel.send(sendBuf.internalNioBuffer(0, sendBuf.readableBytes()), to) > 0;
    } catch (ClosedChannelException e) {
      return false;
    } catch (IOException e) {
      log.debug("cannot send {} to {}: {}", packet, to, e.toString());
      return false;
    }
  }

  /** Asks the loop to stop; endpoints still open are aborted on its thread. */
  void shutdown() {
    running = false;
    selector.wakeup();
  }

  boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
    return terminated.await(timeout, unit);
  }

  private void run() {
    try {
      while (running) {
        runTasks();
        fireDeadlines(System.nanoTime());
        select();
      }
    } catch (IOException | RuntimeException e) {
      log.error("TFTP event loop {} failed; its transfers are aborted", thread.getName(), e);
    } finally {
      runTasks();
      for (LoopEndpoint endpoint : new ArrayList<>(endpoints)) {
        safely(endpoint, () -> endpoint.abort("server shutting down"));
      }
      closeQuietly();
      terminated.countDown();
    }
  }

  private void select() throws IOException {
    if (!tasks.isEmpty()) {
      selector.selectNow(this::onSelected);
      return;
    }
    long earliest = deadlines.earliest();
    if (earliest == LoopEndpoint.NO_DEADLINE) {
      selector.select(this::onSelected);
      return;
    }
    long waitNanos = earliest - System.nanoTime();
    if (waitNanos <= 0) {
      selector.selectNow(this::onSelected);
    } else if (waitNanos < SHORT_WAIT_NANOS) {
      // select() counts in whole milliseconds, so a pacing gap of tens of microseconds (one
      // round trip on loopback) would cost a full millisecond per burst. Datagrams that arrive
      // meanwhile wait in the socket buffers; a task from another thread waits at most this long.
      LockSupport.parkNanos(waitNanos);
      selector.selectNow(this::onSelected);
    } else {
      // Rounded up: waking before the deadline would only spin until it passes.
      selector.select(this::onSelected, TimeUnit.NANOSECONDS.toMillis(waitNanos + 999_999));
    }
  }

  private void onSelected(SelectionKey key) {
    LoopEndpoint endpoint = (LoopEndpoint) key.attachment();
    if (key.isValid() && key.isReadable()) {
      safely(endpoint, () -> endpoint.onReadable(System.nanoTime()));
    }
  }

  private void fireDeadlines(long now) {
    // Bounded: an endpoint that sets a deadline already due waits for the next turn.
    for (int i = deadlines.size(); i > 0; i--) {
      LoopEndpoint due = deadlines.pollDue(now);
      if (due == null) {
        return;
      }
      safely(due, () -> due.onDeadline(now));
    }
  }

  private void runTasks() {
    // Bounded by the tasks queued when it starts, so that a flood cannot starve the sockets.
    for (int i = tasks.size(); i > 0; i--) {
      Runnable task = tasks.poll();
      if (task == null) {
        return;
      }
      try {
        task.run();
      } catch (RuntimeException e) {
        log.error("task failed on TFTP event loop {}", thread.getName(), e);
      }
    }
  }

  // A bug in one transfer (or in a file source it calls) must not take the loop's other
  // transfers down with it.
  private void safely(LoopEndpoint endpoint, Runnable callback) {
    try {
      callback.run();
    } catch (RuntimeException e) {
      log.error("TFTP endpoint failed; aborting it", e);
      try {
        endpoint.abort("internal error");
      } catch (RuntimeException again) {
        log.error("TFTP endpoint failed while aborting", again);
        remove(endpoint);
      }
    }
  }

  private void closeQuietly() {
    try {
      selector.close();
    } catch (IOException e) {
      log.debug("closing selector", e);
    }
    receiveBuf.release();
    sendBuf.release();
  }
}
