package org.mmrarebench.scoring.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mmrarebench.core.Benchmark;
import org.mmrarebench.core.GenerationSettings;
import org.mmrarebench.core.ModelAdapter;
import org.mmrarebench.core.ModelResponse;
import org.mmrarebench.core.Prompt;
import org.mmrarebench.core.Track;
import org.mmrarebench.scoring.Evaluation;
import org.mmrarebench.scoring.EvaluationResult;

/** The client's waits go through an injectable clock and sleeper; the runner through a caller's executor. */
class ClientWaitsTest {
  @Test
  void retryAfterAsAnHttpDateIsMeasuredAgainstTheInjectedClock() throws IOException {
    Instant now = Instant.parse("2026-11-27T10:00:00Z");
    String at = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(7).atOffset(ZoneOffset.UTC));
    AtomicInteger calls = new AtomicInteger();
    HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    s.createContext("/v1/chat/completions", ex -> {
      ex.getRequestBody().readAllBytes();
      boolean first = calls.getAndIncrement() == 0;
      byte[] body = (first ? "{\"error\":\"slow down\"}"
          : "{\"choices\":[{\"message\":{\"content\":\"ok\"}}]}").getBytes(StandardCharsets.UTF_8);
      if (first) {
        ex.getResponseHeaders().add("Retry-After", at);
      }
      ex.sendResponseHeaders(first ? 429 : 200, body.length);
      try (OutputStream o = ex.getResponseBody()) {
        o.write(body);
      }
    });
    s.start();
    try {
      List<Duration> waits = new ArrayList<>();
      OpenAiChatClient c = OpenAiChatClient.builder("http://127.0.0.1:" + s.getAddress().getPort() + "/v1", "m")
          .clock(Clock.fixed(now, ZoneOffset.UTC)).sleeper(waits::add).build();
      ModelResponse r = c.generate(Prompt.of(List.of(new Prompt.Text("hi"))), GenerationSettings.defaults());
      assertEquals("ok", r.text());
      assertEquals(List.of(Duration.ofSeconds(7)), waits, "waited what the server's date asked, without sleeping");
    } finally {
      s.stop(0);
    }
  }

  @Test
  void aCallersExecutorRunsTheItemsAndStaysUp() {
    ExecutorService pool = Executors.newFixedThreadPool(2, r -> new Thread(r, "caller-pool"));
    try {
      EvaluationResult r = Evaluation.builder()
          .model(new ModelAdapter() {
            @Override
            public String name() {
              return "echo";
            }

            @Override
            public ModelResponse generate(Prompt prompt, GenerationSettings settings) {
              return ModelResponse.of(Thread.currentThread().getName(), Duration.ZERO);
            }
          })
          .executor(pool).build().run(Benchmark.embedded().track(Track.TREATMENT));
      assertEquals(12, r.items().size());
      assertFalse(pool.isShutdown());
      assertEquals("caller-pool", r.items().get(0).prediction(), "ran on the caller's threads");
    } finally {
      pool.shutdownNow();
    }
  }
}
