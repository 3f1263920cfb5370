package org.mmrarebench.core;

/**
 * Root of the library's unchecked exceptions for data, configuration and I/O failures.
 *
 * <p>Caller mistakes (a null argument, a negative count) raise the JDK's own exceptions instead.
 * Messages say what was expected, what was found, where, and how to fix it.
 */
public class MmrareException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a complete, user-facing message. */
  public MmrareException(String message) {
    super(message);
  }

  /** Creates an exception with a complete, user-facing message and its cause. */
  public MmrareException(String message, Throwable cause) {
    super(message, cause);
  }
}
