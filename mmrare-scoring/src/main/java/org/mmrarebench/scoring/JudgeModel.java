package org.mmrarebench.scoring;

/**
 * An LLM judge: a text-only judge prompt in, the reply text out. Implementations must be safe to
 * call from several threads.
 */
public interface JudgeModel {
  /** A stable identity recorded with results, for example {@code qwen3-vl-235b@https://host/v1}. */
  String name();

  /**
   * The judge's reply to {@code prompt} for the item {@code itemIndex} (replay judges look replies up by it).
   *
   * @throws JudgeException when no reply can be had; the item is then recorded as a judge error
   */
  String reply(String itemIndex, String prompt);

  /**
   * Sample {@code sample} of the judge's reply, for measuring its self-consistency: sample 0 is
   * {@link #reply(String, String)}; later samples are further draws (a judge sampling at a
   * temperature above 0, or with a distinct seed). The default asks again.
   */
  default String reply(String itemIndex, String prompt, int sample) {
    return reply(itemIndex, prompt);
  }

  /**
   * The judge's generation settings as text, part of the cache key of its replies (a judge asked at
   * another temperature must not reuse them); empty when the judge has none.
   */
  default String settingsKey() {
    return "";
  }

  /** A judge call that failed: the message says why (never contains credentials). */
  final class JudgeException extends org.mmrarebench.core.MmrareException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public JudgeException(String message) {
      super(message);
    }

    /** Creates the exception with a cause. */
    public JudgeException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
