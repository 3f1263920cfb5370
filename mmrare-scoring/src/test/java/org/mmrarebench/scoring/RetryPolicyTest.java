package org.mmrarebench.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mmrarebench.core.ConfigurationException;
import org.mmrarebench.core.GenerationSettings;
import org.mmrarebench.core.MmrareException;
import org.mmrarebench.core.ModelAdapter;
import org.mmrarebench.core.ModelResponse;
import org.mmrarebench.core.Prompt;
import org.mmrarebench.core.UnusableEndpointException;

/** {@link RetryPolicy} around a user's own model and judge, with a sleeper that records the waits. */
class RetryPolicyTest {
  private static final Prompt PROMPT = Prompt.of(List.of(new Prompt.Text("hi")));
  private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
  private final RetryPolicy policy = RetryPolicy.defaults().maxAttempts(4)
      .backoff(Duration.ofMillis(100), Duration.ofMillis(250)).sleeper(waits::add);

  /** Fails {@code failures} times with {@code failure}, then answers. */
  private static ModelAdapter flaky(int failures, RuntimeException failure, AtomicInteger calls) {
    return new ModelAdapter() {
      @Override
      public String name() {
        return "mine@lab";
      }

      @Override
      public ModelResponse generate(Prompt prompt, GenerationSettings settings) {
        if (calls.incrementAndGet() <= failures) {
          throw failure;
        }
        return ModelResponse.of("answer", Duration.ZERO);
      }
    };
  }

  @Test
  void retriesUntilAnAnswerWithCappedJitteredWaits() {
    AtomicInteger calls = new AtomicInteger();
    ModelAdapter m = policy.wrap(flaky(3, new MmrareException("HTTP 503"), calls));
    assertEquals("mine@lab", m.name(), "the identity (journal and cache keys) is unchanged");
    assertEquals("answer", m.generate(PROMPT, GenerationSettings.defaults()).text());
    assertEquals(4, calls.get());
    assertEquals(3, waits.size());
    // full jitter: before attempt k+1 uniform in [0, min(250, 100 * 2^(k-1))] ms
    long[] caps = {100, 200, 250};
    for (int i = 0; i < 3; i++) {
      long ms = waits.get(i).toMillis();
      assertTrue(ms >= 0 && ms <= caps[i], "wait " + i + " was " + ms + " ms");
    }
  }

  @Test
  void givesUpWithTheLastFailureAndTheCount() {
    AtomicInteger calls = new AtomicInteger();
    MmrareException cause = new MmrareException("HTTP 503 from the lab server");
    ModelAdapter m = policy.wrap(flaky(10, cause, calls));
    MmrareException e = assertThrows(MmrareException.class, () -> m.generate(PROMPT, GenerationSettings.defaults()));
    assertEquals("HTTP 503 from the lab server (gave up after 4 attempts)", e.getMessage());
    assertSame(cause, e.getCause());
    assertEquals(4, calls.get());
  }

  @Test
  void neverRetriesWhatNoRetryCanFix() {
    for (RuntimeException fatal : List.of(new UnusableEndpointException("HTTP 401"),
        new ConfigurationException("no key"))) {
      AtomicInteger calls = new AtomicInteger();
      ModelAdapter m = policy.wrap(flaky(10, fatal, calls));
      assertSame(fatal, assertThrows(RuntimeException.class, () -> m.generate(PROMPT, GenerationSettings.defaults())));
      assertEquals(1, calls.get());
    }
    AtomicInteger calls = new AtomicInteger();
    IllegalStateException mine = new IllegalStateException("GPU lost");
    ModelAdapter m = policy.retryIf(e -> false).wrap(flaky(10, mine, calls));
    assertSame(mine, assertThrows(IllegalStateException.class, () -> m.generate(PROMPT, GenerationSettings.defaults())));
    assertEquals(1, calls.get());
  }

  @Test
  void aJudgeStaysAJudgeAndItsFailureAJudgeError() {
    AtomicInteger calls = new AtomicInteger();
    JudgeModel judge = new JudgeModel() {
      @Override
      public String name() {
        return "judge@lab";
      }

      @Override
      public String reply(String itemIndex, String prompt) {
        calls.incrementAndGet();
        throw new JudgeException("judge timed out");
      }

      @Override
      public String reply(String itemIndex, String prompt, int sample) {
        return "sample " + sample + " of " + itemIndex;
      }

      @Override
      public String settingsKey() {
        return "t=0.7";
      }
    };
    JudgeModel wrapped = policy.maxAttempts(2).wrap(judge);
    assertEquals("judge@lab", wrapped.name());
    assertEquals("t=0.7", wrapped.settingsKey());
    assertEquals("sample 2 of 7", wrapped.reply("7", "p", 2));
    JudgeModel.JudgeException e = assertThrows(JudgeModel.JudgeException.class, () -> wrapped.reply("7", "p"));
    assertEquals("judge timed out (gave up after 2 attempts)", e.getMessage());
    assertEquals(2, calls.get());
  }

  @Test
  void theRateLimitSpacesCallsPerWrappedModel() {
    AtomicInteger calls = new AtomicInteger();
    RetryPolicy limited = policy.requestsPerSecond(4);
    ModelAdapter m = limited.wrap(flaky(0, new MmrareException("x"), calls));
    for (int i = 0; i < 5; i++) {
      m.generate(PROMPT, GenerationSettings.defaults());
    }
    // the recording sleeper does not sleep: each call after the first waits about one more interval
    assertEquals(4, waits.size(), waits.toString());
    for (int i = 0; i < 4; i++) {
      long ms = waits.get(i).toMillis();
      assertTrue(ms > (i + 1) * 250 - 200 && ms <= (i + 1) * 250, "wait " + i + " was " + ms + " ms");
    }
    // another model wrapped by the same policy has its own budget
    waits.clear();
    limited.wrap(flaky(0, new MmrareException("x"), calls)).generate(PROMPT, GenerationSettings.defaults());
    assertEquals(List.of(), waits);
  }

  @Test
  void anInterruptEndsTheWaitAndKeepsTheFlag() {
    AtomicInteger calls = new AtomicInteger();
    ModelAdapter m = policy.sleeper(d -> {
      throw new InterruptedException();
    }).wrap(flaky(10, new MmrareException("HTTP 503"), calls));
    try {
      MmrareException e = assertThrows(MmrareException.class, () -> m.generate(PROMPT, GenerationSettings.defaults()));
      assertInstanceOf(InterruptedException.class, e.getCause());
      assertTrue(Thread.currentThread().isInterrupted());
      assertEquals(1, calls.get());
    } finally {
      Thread.interrupted();
    }
  }
}
