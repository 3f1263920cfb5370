package org.mmrarebench.core.internal;

import com.google.common.base.Throwables;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.mmrarebench.core.MmrareException;

/**
 * mmrare's own threads: named, so a thread dump says whose they are, and daemons, so work left
 * behind by a failure never keeps the JVM alive. Blocking work gets these, never the common
 * ForkJoin pool a caller may rely on.
 */
public final class Threads {
  private Threads() {}

  /** A fixed pool of {@code threads} daemon threads named {@code name}. */
  public static ExecutorService daemonPool(int threads, String name) {
    return Executors.newFixedThreadPool(threads, r -> daemon(name, r));
  }

  /** Starts {@code task} on a new daemon thread named {@code name}. */
  public static Thread startDaemon(String name, Runnable task) {
    Thread t = daemon(name, task);
    t.start();
    return t;
  }

  /**
   * The result of {@code f}, or the exception its task threw, as if the task had run on this thread.
   *
   * @param what the work, for the message when this thread is interrupted while waiting
   */
  public static <T> T await(Future<T> f, String what) {
    try {
      return f.get();
    } catch (ExecutionException e) {
      Throwables.throwIfUnchecked(e.getCause());
      throw new MmrareException(e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MmrareException(what + " was interrupted.", e);
    }
  }

  private static Thread daemon(String name, Runnable task) {
    Thread t = new Thread(task, name);
    t.setDaemon(true);
    return t;
  }
}
