package org.mmrarebench.examples;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.mmrarebench.scoring.openai.OpenAiChatClient;

/** Tests against a fresh loopback OpenAI-compatible server per test, and a client with short waits for it. */
abstract class LoopbackServerTests {
  FakeOpenAiServer server;

  @BeforeEach
  void start() throws IOException {
    server = new FakeOpenAiServer();
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  OpenAiChatClient.Builder client() {
    return OpenAiChatClient.builder(server.baseUrl(), "fake-vlm").backoff(Duration.ofMillis(5), Duration.ofMillis(20))
        .timeout(Duration.ofSeconds(5));
  }
}
