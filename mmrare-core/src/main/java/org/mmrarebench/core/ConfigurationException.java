package org.mmrarebench.core;

/** A setting, option or environment value that cannot be used; the message says how to fix it. */
public final class ConfigurationException extends MmrareException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a complete, user-facing message. */
  public ConfigurationException(String message) {
    super(message);
  }

  /** Creates the exception with a complete, user-facing message and its cause. */
  public ConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
