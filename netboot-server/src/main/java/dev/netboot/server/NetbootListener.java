package dev.netboot.server;

/**
 * Receives what the server does, machine by machine. Called on the server's threads: return
 * quickly. An exception thrown here is logged and otherwise ignored.
 */
@FunctionalInterface
public interface NetbootListener {
  /** A listener that ignores every event. */
  NetbootListener NONE = event -> {};

  /**
   * Called once per event.
   *
   * @param event what happened
   */
  void onEvent(NetbootEvent event);
}
