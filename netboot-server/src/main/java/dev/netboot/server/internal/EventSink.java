package dev.netboot.server.internal;

import dev.netboot.server.NetbootEvent;
import dev.netboot.server.NetbootListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Delivers events to the user's listener, which must never break a service by throwing. */
public final class EventSink {
  private static final Logger log = LoggerFactory.getLogger(EventSink.class);

  private final NetbootListener listener;

  /**
   * Wraps a listener.
   *
   * @param listener the user's listener
   */
  public EventSink(NetbootListener listener) {
    this.listener = listener;
  }

  /** Delivers one event; an exception from the listener is logged. */
  public void emit(NetbootEvent event) {
    try {
      listener.onEvent(event);
    } catch (RuntimeException e) {
      log.warn("mac={} listener failed on {}", event.mac(), event, e);
    }
  }
}
