package org.mmrarebench.examples;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.mmrarebench.scoring.internal.JsonP;

/**
 * A minimal OpenAI-compatible chat-completions server on loopback for tests, with scripted faults
 * (latency, 429 with Retry-After, 500, dropped connections, malformed JSON, empty choices) and a
 * record of every request. Answers are deterministic functions of the request, so runs compare.
 */
final class FakeOpenAiServer implements AutoCloseable {
  /** A scripted response for the next request. */
  enum Fault { RATE_LIMITED, SERVER_ERROR, DROP, MALFORMED, EMPTY_CHOICES }

  /** A hostile behaviour applied to every request while set. */
  enum Mode { NORMAL, HUGE_BODY, SLOW_BODY, ECHO_AUTH_500, ECHO_AUTH_401, ALWAYS_500, LONG_RETRY_AFTER, REDIRECT }

  record Request(String target, Map<String, String> headers, JsonObject body) {}

  private final ServerSocket socket;
  private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "fake-openai");
    t.setDaemon(true);
    return t;
  });
  final ConcurrentLinkedQueue<Fault> faults = new ConcurrentLinkedQueue<>();
  final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
  final AtomicInteger attempts = new AtomicInteger();
  volatile long latencyMillis;
  volatile int retryAfterSeconds = 1;
  volatile Mode mode = Mode.NORMAL;
  /** When set, the judge changes its mind on the varying dimension (a dissenting panel member). */
  volatile boolean contrarian;
  /** When set, the model's answer to every non-judge prompt. */
  volatile String fixedAnswer;
  /** Bytes of the body sent in HUGE_BODY mode. */
  volatile long hugeBytes = 8L << 20;
  final List<String> targets = Collections.synchronizedList(new ArrayList<>());

  FakeOpenAiServer() throws IOException {
    socket = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    pool.submit(this::accept);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket s = socket.accept();
        pool.submit(() -> serve(s));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try (s) {
      InputStream in = new BufferedInputStream(s.getInputStream());
      OutputStream out = s.getOutputStream();
      while (true) {
        Map<String, String> headers = new HashMap<>();
        String requestLine = line(in);
        if (requestLine == null || requestLine.isEmpty()) {
          return;
        }
        targets.add(requestLine.split(" ")[1]);
        String h;
        while ((h = line(in)) != null && !h.isEmpty()) {
          int c = h.indexOf(':');
          headers.put(h.substring(0, c).strip().toLowerCase(Locale.ROOT), h.substring(c + 1).strip());
        }
        byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
        attempts.incrementAndGet();
        int hostile = hostile(out, headers);
        if (hostile == CLOSE) {
          return;
        }
        if (hostile == ANSWERED) {
          continue;
        }
        Fault f = faults.poll();
        if (f == Fault.DROP) {
          return;
        }
        if (latencyMillis > 0) {
          Thread.sleep(latencyMillis);
        }
        if (f == Fault.RATE_LIMITED) {
          respond(out, 429, "Too Many Requests", "{\"error\":\"slow down\"}", "Retry-After: " + retryAfterSeconds);
          continue;
        }
        if (f == Fault.SERVER_ERROR) {
          respond(out, 500, "Internal Server Error", "{\"error\":\"boom\"}", null);
          continue;
        }
        if (f == Fault.MALFORMED) {
          respond(out, 200, "OK", "{\"choices\": [", null);
          continue;
        }
        if (f == Fault.EMPTY_CHOICES) {
          respond(out, 200, "OK", "{\"choices\": []}", null);
          continue;
        }
        JsonObject req;
        try (JsonReader r = JsonP.PROVIDER.createReader(new StringReader(new String(body, StandardCharsets.UTF_8)))) {
          req = r.readObject();
        }
        requests.add(new Request(targets.get(targets.size() - 1), headers, req));
        String answer = contrarian && isJudge(req) ? dissent(answer(req)) : fixedAnswer != null && !answer(req).contains("\n") && !isJudge(req) ? fixedAnswer : answer(req);
        String json = JsonP.PROVIDER.createObjectBuilder()
            .add("choices", JsonP.PROVIDER.createArrayBuilder().add(JsonP.PROVIDER.createObjectBuilder().add("message",
                JsonP.PROVIDER.createObjectBuilder().add("role", "assistant").add("content", answer))))
            .add("usage", JsonP.PROVIDER.createObjectBuilder().add("prompt_tokens", 100).add("completion_tokens", 7))
            .build().toString();
        respond(out, 200, "OK", json, null);
      }
    } catch (IOException | InterruptedException e) {
      // the client went away
    }
  }

  private static final int NOT_HOSTILE = 0;
  private static final int ANSWERED = 1;
  private static final int CLOSE = 2;

  /** Applies the hostile mode: NOT_HOSTILE, ANSWERED (keep the connection) or CLOSE. */
  private int hostile(OutputStream out, Map<String, String> headers) throws IOException, InterruptedException {
    String auth = headers.getOrDefault("authorization", "");
    switch (mode) {
      case NORMAL -> {
        return NOT_HOSTILE;
      }
      case HUGE_BODY -> {
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + hugeBytes
            + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        byte[] chunk = new byte[1 << 16];
        java.util.Arrays.fill(chunk, (byte) ' ');
        for (long sent = 0; sent < hugeBytes; sent += chunk.length) {
          out.write(chunk, 0, (int) Math.min(chunk.length, hugeBytes - sent));
        }
        out.flush();
        return CLOSE;
      }
      case SLOW_BODY -> {
        out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n"
            .getBytes(StandardCharsets.ISO_8859_1));
        for (int i = 0; i < 100_000; i++) {
          out.write(' ');
          out.flush();
          Thread.sleep(1000);
        }
        return CLOSE;
      }
      case ECHO_AUTH_500 -> respond(out, 500, "Internal Server Error",
          "{\"error\":\"bad request, headers were: Authorization: " + auth + " X: " + headers.getOrDefault("api-key", "")
              + "\"}", null);
      case ECHO_AUTH_401 -> respond(out, 401, "Unauthorized",
          "{\"error\":\"invalid key\",\"received\":\"" + auth + "\"}", null);
      case ALWAYS_500 -> respond(out, 500, "Internal Server Error", "{\"error\":\"boom\"}", null);
      case LONG_RETRY_AFTER -> respond(out, 429, "Too Many Requests", "{\"error\":\"later\"}", "Retry-After: 120");
      case REDIRECT -> respond(out, 301, "Moved", "", "Location: http://example.invalid/v1/chat/completions");
      default -> throw new IllegalStateException(mode.name());
    }
    return ANSWERED;
  }

  /** The same reply with its varying (fourth or fifth) verdict turned around. */
  private static String dissent(String reply) {
    String[] lines = reply.split("\n");
    int i = lines.length == 5 ? 3 : lines.length == 6 ? 4 : lines.length == 3 ? 0 : 4;
    lines[i] = lines[i].contains("YES") ? lines[i].replace("YES", "NO") : lines[i].contains("NO")
        ? lines[i].replace("NO", "YES") : lines[i].equals("0") ? "2" : "0";
    return String.join("\n", lines);
  }

  private static boolean isJudge(JsonObject req) {
    var content = req.getJsonArray("messages").getJsonObject(0).getJsonArray("content");
    return content.size() == 1 && content.getJsonObject(0).getString("text", "").contains("Reply with ONLY");
  }

  /** Model answers depend on the prompt text; judge replies give every rubric dimension a verdict. */
  static String answer(JsonObject req) {
    var content = req.getJsonArray("messages").getJsonObject(0).getJsonArray("content");
    StringBuilder text = new StringBuilder();
    int images = 0;
    for (var v : content) {
      JsonObject part = v.asJsonObject();
      if (part.getString("type").equals("text")) {
        text.append(part.getString("text"));
      } else {
        images++;
      }
    }
    String t = text.toString();
    if (images == 0 && t.contains("Reply with ONLY")) {
      // a judge sampled with another seed (self-consistency) may change its mind on the varying dimension
      int h = Math.abs(t.hashCode() ^ (req.containsKey("seed") ? req.getJsonNumber("seed").intValue() * 0x9E3779B9 : 0));
      if (t.contains("ONLY three")) {
        return (h % 2 == 0 ? "YES" : "NO") + "\nYES\nYES";
      }
      if (t.contains("ONLY six")) {
        return "YES\nNO\nYES\nNO\n" + (h % 2 == 0 ? "YES" : "NO") + "\nNO";
      }
      if (t.contains("ONLY five")) {
        return "1. YES\n2. NO\n3. YES\n4. " + (h % 2 == 0 ? "YES" : "NO") + "\n5. NO";
      }
      return "2\n1\n1\n0\n" + (h % 3) + "\n1\n2\n0";
    }
    return "Answer " + Integer.toHexString(t.hashCode()) + " after " + images + " images";
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        String s = b.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
      }
      b.write(c);
    }
    return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
  }

  private static void respond(OutputStream out, int code, String reason, String body, String extraHeader)
      throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    String head = "HTTP/1.1 " + code + " " + reason + "\r\nContent-Type: application/json\r\nContent-Length: "
        + b.length + "\r\n" + (extraHeader == null ? "" : extraHeader + "\r\n") + "\r\n";
    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
    out.write(b);
    out.flush();
  }

  @Override
  public void close() throws IOException {
    socket.close();
    pool.shutdownNow();
  }
}
