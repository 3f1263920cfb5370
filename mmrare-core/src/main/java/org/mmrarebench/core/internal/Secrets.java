package org.mmrarebench.core.internal;

import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes credentials from text before it is stored or printed: the exact secrets given (API keys
 * the process knows), and anything that looks like one (an {@code Authorization} scheme and its
 * token, {@code sk-...} keys, {@code api_key=...} pairs), so a server that echoes our headers in an
 * error body cannot make us write the key to a journal.
 */
public final class Secrets {
  /** What replaces a secret. */
  public static final String MASK = "[REDACTED]";

  private static final Pattern SCHEME = Pattern.compile("(?i)\\b(Bearer|Basic|Token)(\\s+)[A-Za-z0-9._~+/=:-]+");
  private static final Pattern SK = Pattern.compile("\\bsk-[A-Za-z0-9_\\-]{4,}");
  private static final Pattern PAIR = Pattern.compile(
      "(?i)(\"?(?:api[_-]?key|x-api-key|authorization|access[_-]?token|password|secret)\"?\\s*[:=]\\s*\"?)([^\"\\s,;&}]+)");

  private Secrets() {}

  /** {@code text} with every known secret and every credential-looking token masked. */
  public static String redact(String text, Collection<String> secrets) {
    if (text == null) {
      return "";
    }
    String t = text;
    for (String s : secrets) {
      if (s != null && s.length() >= 4) {
        t = t.replace(s, MASK);
      }
    }
    t = SCHEME.matcher(t).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + MASK));
    t = SK.matcher(t).replaceAll(Matcher.quoteReplacement("sk-" + MASK));
    t = PAIR.matcher(t).replaceAll(m -> Matcher.quoteReplacement(
        m.group(2).equals(MASK) ? m.group() : m.group(1) + MASK));
    return t;
  }
}
