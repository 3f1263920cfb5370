package org.mmrarebench.examples.cli;

import java.util.function.Function;

/** Lets tests replace the environment the command line reads (API keys, scheduler variables). */
public final class TestHooks {
  private TestHooks() {}

  /** Sets the environment lookup and returns the previous one. */
  public static Function<String, String> setEnv(Function<String, String> env) {
    Function<String, String> old = EvaluateCommand.env;
    EvaluateCommand.env = env;
    return old;
  }
}
