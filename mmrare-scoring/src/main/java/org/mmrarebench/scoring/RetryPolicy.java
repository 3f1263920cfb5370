package org.mmrarebench.scoring;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Duration;
import java.util.OptionalDouble;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.mmrarebench.core.ConfigurationException;
import org.mmrarebench.core.GenerationSettings;
import org.mmrarebench.core.MmrareException;
import org.mmrarebench.core.ModelAdapter;
import org.mmrarebench.core.ModelResponse;
import org.mmrarebench.core.Prompt;
import org.mmrarebench.core.UnusableEndpointException;

/**
 * Retries with exponential backoff and full jitter, and an optional rate limit, for any {@link
 * ModelAdapter} or {@link JudgeModel}: {@code RetryPolicy.defaults().maxAttempts(4).wrap(myModel)}.
 * The wrapped model keeps its name (so journals and caches are unchanged) and each wrapped model gets
 * its own rate limit. {@link org.mmrarebench.scoring.openai.OpenAiChatClient} paces its HTTP attempts
 * with the same backoff and limit, adding what only HTTP knows (status codes, {@code Retry-After}).
 *
 * <p>Immutable: every method returns a new policy. By default every runtime exception is retried
 * except {@link UnusableEndpointException} and {@link ConfigurationException}, which no retry can
 * fix; when the attempts run out, the last failure is thrown with the number of attempts in its
 * message (a {@link JudgeModel.JudgeException} stays one, so the item is recorded as a judge error).
 */
public final class RetryPolicy {
  private final int maxAttempts;
  private final Duration baseDelay;
  private final Duration maxDelay;
  private final OptionalDouble requestsPerSecond;
  private final Predicate<RuntimeException> retryIf;
  private final Sleeper sleeper;

  private RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, OptionalDouble requestsPerSecond,
      Predicate<RuntimeException> retryIf, Sleeper sleeper) {
    this.maxAttempts = maxAttempts;
    this.baseDelay = baseDelay;
    this.maxDelay = maxDelay;
    this.requestsPerSecond = requestsPerSecond;
    this.retryIf = retryIf;
    this.sleeper = sleeper;
  }

  /** 6 attempts, backoff from 500 ms up to 30 s, no rate limit, {@link Thread#sleep}. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(6, Duration.ofMillis(500), Duration.ofSeconds(30), OptionalDouble.empty(),
        e -> !(e instanceof UnusableEndpointException) && !(e instanceof ConfigurationException), Sleeper.real());
  }

  /** Attempts per call, including the first. */
  public RetryPolicy maxAttempts(int n) {
    checkArgument(n >= 1, "maxAttempts must be >= 1, was %s", n);
    return new RetryPolicy(n, baseDelay, maxDelay, requestsPerSecond, retryIf, sleeper);
  }

  /** Backoff base and cap: before attempt k+1 the wait is uniform in [0, min(max, base * 2^(k-1))]. */
  public RetryPolicy backoff(Duration base, Duration max) {
    checkArgument(!base.isNegative() && !max.isNegative() && base.compareTo(max) <= 0,
        "need 0 <= base <= max, was %s and %s", base, max);
    return new RetryPolicy(maxAttempts, base, max, requestsPerSecond, retryIf, sleeper);
  }

  /** At most this many calls (attempts included) per second through each wrapped model. */
  public RetryPolicy requestsPerSecond(double rps) {
    checkArgument(rps > 0 && Double.isFinite(rps), "requestsPerSecond must be > 0, was %s", rps);
    return new RetryPolicy(maxAttempts, baseDelay, maxDelay, OptionalDouble.of(rps), retryIf, sleeper);
  }

  /** Which failures are worth another attempt (replaces the default). */
  public RetryPolicy retryIf(Predicate<RuntimeException> retryable) {
    return new RetryPolicy(maxAttempts, baseDelay, maxDelay, requestsPerSecond, checkNotNull(retryable, "retryable"),
        sleeper);
  }

  /** How to wait (tests pass one that records or skips). */
  public RetryPolicy sleeper(Sleeper s) {
    return new RetryPolicy(maxAttempts, baseDelay, maxDelay, requestsPerSecond, retryIf, checkNotNull(s, "sleeper"));
  }

  /** Attempts per call, including the first. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** {@code model}, retried and paced by this policy, under the same name. */
  public ModelAdapter wrap(ModelAdapter model) {
    checkNotNull(model, "model");
    Pacer pacer = pacer();
    return new ModelAdapter() {
      @Override
      public String name() {
        return model.name();
      }

      @Override
      public ModelResponse generate(Prompt prompt, GenerationSettings settings) {
        return pacer.call(() -> model.generate(prompt, settings));
      }

      @Override
      public String toString() {
        return model + " (retried)";
      }
    };
  }

  /** {@code judge}, retried and paced by this policy, under the same name and settings key. */
  public JudgeModel wrap(JudgeModel judge) {
    checkNotNull(judge, "judge");
    Pacer pacer = pacer();
    return new JudgeModel() {
      @Override
      public String name() {
        return judge.name();
      }

      @Override
      public String reply(String itemIndex, String prompt) {
        return pacer.call(() -> judge.reply(itemIndex, prompt));
      }

      @Override
      public String reply(String itemIndex, String prompt, int sample) {
        return pacer.call(() -> judge.reply(itemIndex, prompt, sample));
      }

      @Override
      public String settingsKey() {
        return judge.settingsKey();
      }

      @Override
      public String toString() {
        return judge + " (retried)";
      }
    };
  }

  /** The policy's backoff, rate limit and sleeping, with its own rate-limit state. */
  public Pacer pacer() {
    return new Pacer(this);
  }

  /**
   * One paced caller: the rate-limit slot it hands out is shared by every thread using it. Clients
   * with their own retry loop (the OpenAI client) use {@link #throttle}, {@link #backoff} and
   * {@link #sleep}; others use {@link #call}.
   */
  public static final class Pacer {
    private final RetryPolicy policy;
    private final Object lock = new Object();
    private long nextSlotNanos = Long.MIN_VALUE;

    private Pacer(RetryPolicy policy) {
      this.policy = policy;
    }

    /** Runs {@code call} until it succeeds, fails with a non-retryable exception, or attempts run out. */
    public <T> T call(Supplier<T> call) {
      RuntimeException last = null;
      for (int attempt = 1; attempt <= policy.maxAttempts; attempt++) {
        throttle();
        try {
          return call.get();
        } catch (RuntimeException e) {
          if (!policy.retryIf.test(e)) {
            throw e;
          }
          last = e;
        }
        if (attempt < policy.maxAttempts) {
          sleep(backoff(attempt));
        }
      }
      throw gaveUp(last);
    }

    private RuntimeException gaveUp(RuntimeException last) {
      if (policy.maxAttempts == 1) {
        return last;
      }
      String msg = last.getMessage() + " (gave up after " + policy.maxAttempts + " attempts)";
      if (last instanceof JudgeModel.JudgeException) {
        JudgeModel.JudgeException j = new JudgeModel.JudgeException(msg);
        j.initCause(last);
        return j;
      }
      return new MmrareException(msg, last);
    }

    /** Waits for this caller's next rate-limit slot (at once without a limit). */
    public void throttle() {
      if (policy.requestsPerSecond.isEmpty()) {
        return;
      }
      long interval = (long) (1e9 / policy.requestsPerSecond.getAsDouble());
      long wait;
      synchronized (lock) {
        long now = System.nanoTime();
        long slot = nextSlotNanos == Long.MIN_VALUE ? now : Math.max(now, nextSlotNanos);
        nextSlotNanos = slot + interval;
        wait = slot - now;
      }
      sleep(Duration.ofNanos(wait));
    }

    /** Full jitter before attempt {@code attempt + 1}: uniform in [0, min(max, base * 2^(attempt-1))]. */
    public Duration backoff(int attempt) {
      long cap = Math.min(policy.maxDelay.toMillis(), policy.baseDelay.toMillis() << Math.min(20, attempt - 1));
      return Duration.ofMillis(ThreadLocalRandom.current().nextLong(cap + 1));
    }

    /** Sleeps with the policy's sleeper; an interrupt ends the call (the flag stays set). */
    public void sleep(Duration d) {
      if (d.isZero() || d.isNegative()) {
        return;
      }
      try {
        policy.sleeper.sleep(d);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new MmrareException("Interrupted while waiting to retry", e);
      }
    }
  }

  /** How to wait between attempts and for the rate limit. */
  @FunctionalInterface
  public interface Sleeper {
    /** Waits for {@code d}. */
    void sleep(Duration d) throws InterruptedException;

    /** {@link Thread#sleep}. */
    static Sleeper real() {
      return d -> Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));
    }
  }
}
