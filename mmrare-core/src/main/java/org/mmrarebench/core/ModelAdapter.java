package org.mmrarebench.core;

/**
 * A model under evaluation: ordered text and image parts in, text out. Users implement this to
 * plug in their own model; implementations must be safe to call from several threads.
 */
public interface ModelAdapter {
  /** A stable identity recorded in results, for example {@code qwen3-vl-8b@vllm}. */
  String name();

  /**
   * Answers one prompt.
   *
   * @throws MmrareException (or any runtime exception) when the model fails; the caller records it
   *     as a model error, never as a wrong answer
   */
  ModelResponse generate(Prompt prompt, GenerationSettings settings);
}
