package org.mmrarebench.core;

/**
 * Thrown by a {@link ModelAdapter} (or a judge) when no later call can succeed either: the server
 * refused the credentials (401, 403), the URL is wrong (404, a redirect), a header was rejected, or
 * the server cannot be reached at all. The evaluation runner stops at the first one, with this
 * message, instead of recording every remaining item as an error.
 */
public class UnusableEndpointException extends MmrareException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a complete, user-facing message (never holding a secret). */
  public UnusableEndpointException(String message) {
    super(message);
  }

  /** Creates the exception with a message and its cause. */
  public UnusableEndpointException(String message, Throwable cause) {
    super(message, cause);
  }
}
