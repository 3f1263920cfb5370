package org.mmrarebench.scoring.openai;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.mmrarebench.core.ConfigurationException;

/**
 * An OpenAI-compatible base URL taken apart: the request path is {@code <base path><suffix>} with
 * the base URL's query kept after it (Azure-style {@code ?api-version=...}); user-info becomes a
 * Basic {@code Authorization} header instead of staying in the URL; {@link #display()} is the URL as
 * recorded and printed, with user-info and query values masked.
 */
record BaseUrl(String scheme, String authority, String path, Optional<String> query, Optional<String> userInfo) {

  /** Parses and validates {@code url}; the message never repeats user-info or query values. */
  static BaseUrl parse(String url) {
    URI u;
    try {
      u = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("the base URL is not a valid URI (" + e.getReason() + " at index "
          + e.getIndex() + ")");
    }
    if (!"http".equalsIgnoreCase(u.getScheme()) && !"https".equalsIgnoreCase(u.getScheme()) || u.getHost() == null) {
      throw new IllegalArgumentException("the base URL must be http:// or https:// with a host, for example"
          + " http://localhost:8000/v1");
    }
    if (u.getRawFragment() != null) {
      throw new ConfigurationException("the base URL must not have a #fragment");
    }
    String authority = u.getHost().contains(":") && !u.getHost().startsWith("[") ? "[" + u.getHost() + "]"
        : u.getHost();
    if (u.getPort() >= 0) {
      authority += ":" + u.getPort();
    }
    String path = u.getRawPath() == null ? "" : u.getRawPath().replaceAll("/+$", "");
    return new BaseUrl(u.getScheme().toLowerCase(java.util.Locale.ROOT), authority, path,
        Optional.ofNullable(u.getRawQuery()).filter(q -> !q.isEmpty()), Optional.ofNullable(u.getRawUserInfo()));
  }

  /** The URL of {@code suffix} (for example {@code /chat/completions}), with the query kept. */
  URI endpoint(String suffix) {
    return URI.create(scheme + "://" + authority + path + suffix + query.map(q -> "?" + q).orElse(""));
  }

  /** The base URL as recorded and printed: user-info and every query value masked. */
  String display() {
    StringBuilder sb = new StringBuilder(scheme).append("://");
    userInfo.ifPresent(x -> sb.append("***@"));
    sb.append(authority).append(path);
    query.ifPresent(q -> {
      sb.append('?');
      String[] pairs = q.split("&", -1);
      for (int i = 0; i < pairs.length; i++) {
        int eq = pairs[i].indexOf('=');
        sb.append(i == 0 ? "" : "&").append(eq < 0 ? pairs[i] : pairs[i].substring(0, eq) + "=***");
      }
    });
    return sb.toString();
  }

  /** Texts that must never be stored or printed: user-info, its password, query values (raw and decoded). */
  List<String> secrets() {
    List<String> out = new ArrayList<>();
    userInfo.ifPresent(ui -> {
      out.add(ui);
      out.add(decode(ui));
      int colon = ui.indexOf(':');
      if (colon >= 0) {
        out.add(ui.substring(colon + 1));
        out.add(decode(ui.substring(colon + 1)));
      }
    });
    query.ifPresent(q -> {
      for (String pair : q.split("&")) {
        int eq = pair.indexOf('=');
        if (eq >= 0 && eq + 1 < pair.length()) {
          out.add(pair.substring(eq + 1));
          out.add(decode(pair.substring(eq + 1)));
        }
      }
    });
    return out;
  }

  /** {@code Basic <base64(user:password)>} for URL user-info. */
  Optional<String> basicAuthorization() {
    return userInfo.map(ui -> "Basic " + Base64.getEncoder().encodeToString(decode(ui).getBytes(StandardCharsets.UTF_8)));
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
