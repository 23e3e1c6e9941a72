package dev.netboot.tftp.udp;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The deadlines of one loop's endpoints: a binary min-heap in which each endpoint remembers its
 * position, so that moving a deadline (every ACK moves one) costs O(log n) and leaves no stale
 * entries behind, unlike a {@link java.util.PriorityQueue} of (deadline, endpoint) pairs.
 * Loop-thread only.
 */
final class DeadlineQueue {
  private @Nullable LoopEndpoint[] heap = new LoopEndpoint[16];
  private int size;

  /** Queues {@code endpoint} under {@code deadline}, moving it if queued; NO_DEADLINE removes. */
  void schedule(LoopEndpoint endpoint, long deadline) {
    if (deadline == LoopEndpoint.NO_DEADLINE) {
      remove(endpoint);
      return;
    }
    if (endpoint.heapIndex < 0) {
      if (size == heap.length) {
        heap = Arrays.copyOf(heap, size * 2);
      }
      endpoint.queuedDeadline = deadline;
      endpoint.heapIndex = size;
      heap[size++] = endpoint;
      siftUp(endpoint.heapIndex);
    } else if (deadline != endpoint.queuedDeadline) {
      boolean earlier = deadline - endpoint.queuedDeadline < 0;
      endpoint.queuedDeadline = deadline;
      if (earlier) {
        siftUp(endpoint.heapIndex);
      } else {
        siftDown(endpoint.heapIndex);
      }
    }
  }

  /** Removes {@code endpoint} if it is queued. */
  void remove(LoopEndpoint endpoint) {
    int i = endpoint.heapIndex;
    if (i < 0) {
      return;
    }
    endpoint.heapIndex = -1;
    endpoint.queuedDeadline = LoopEndpoint.NO_DEADLINE;
    LoopEndpoint last = heap[--size];
    heap[size] = null;
    if (i < size) {
      place(last, i);
      siftDown(i);
      siftUp(last.heapIndex);
    }
  }

  /** Returns the earliest deadline, or NO_DEADLINE when nothing is queued. */
  long earliest() {
    return size == 0 ? LoopEndpoint.NO_DEADLINE : heap[0].queuedDeadline;
  }

  /** Removes and returns the endpoint whose deadline is due at {@code now}, or null. */
  @Nullable LoopEndpoint pollDue(long now) {
    if (size == 0 || heap[0].queuedDeadline - now > 0) {
      return null;
    }
    LoopEndpoint due = heap[0];
    remove(due);
    return due;
  }

  /** Returns the number of queued endpoints. */
  int size() {
    return size;
  }

  private void siftUp(int i) {
    LoopEndpoint e = heap[i];
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (heap[parent].queuedDeadline - e.queuedDeadline <= 0) {
        break;
      }
      place(heap[parent], i);
      i = parent;
    }
    place(e, i);
  }

  private void siftDown(int i) {
    LoopEndpoint e = heap[i];
    int half = size >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      int right = child + 1;
      if (right < size && heap[right].queuedDeadline - heap[child].queuedDeadline < 0) {
        child = right;
      }
      if (e.queuedDeadline - heap[child].queuedDeadline <= 0) {
        break;
      }
      place(heap[child], i);
      i = child;
    }
    place(e, i);
  }

  private void place(LoopEndpoint e, int i) {
    heap[i] = e;
    e.heapIndex = i;
  }
}
