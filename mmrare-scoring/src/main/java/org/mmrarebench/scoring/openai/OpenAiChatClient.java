package org.mmrarebench.scoring.openai;

import org.mmrarebench.scoring.internal.JsonP;
import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import org.mmrarebench.core.ConfigurationException;
import org.mmrarebench.core.GenerationSettings;
import org.mmrarebench.core.ImageRef;
import org.mmrarebench.core.MediaType;
import org.mmrarebench.core.MmrareException;
import org.mmrarebench.core.ModelAdapter;
import org.mmrarebench.core.ModelResponse;
import org.mmrarebench.core.Prompt;
import org.mmrarebench.scoring.JudgeModel;
import org.mmrarebench.scoring.ResultsJson;

/**
 * An OpenAI-compatible {@code /chat/completions} client on {@code java.net.http}, usable as the model
 * under evaluation ({@link ModelAdapter}: one user message with interleaved text and
 * {@code image_url} parts as base64 data URLs with their sniffed media type, in prompt order) and as
 * the judge ({@link JudgeModel}: text only, temperature 0 unless set).
 *
 * <p>Retries with exponential backoff and full jitter on 429, 5xx, timeouts and connection errors,
 * honouring {@code Retry-After}, up to a maximum number of attempts; an optional requests-per-second
 * limit; a per-request timeout; a preflight that refuses, before sending, a request over a configured
 * number of images or payload size. The API key is read from an environment variable whose name is
 * configured and never appears in names, logs, journals, reports or exception messages.
 */
public final class OpenAiChatClient implements ModelAdapter, JudgeModel {
  private final URI endpoint;
  private final String baseUrl;
  private final String modelName;
  private final Optional<String> apiKey;
  private final Map<String, String> headers;
  private final int maxAttempts;
  private final Duration baseDelay;
  private final Duration maxDelay;
  private final Duration timeout;
  private final int maxImages;
  private final long maxPayloadBytes;
  private final OptionalDouble requestsPerSecond;
  private final GenerationSettings judgeSettings;
  private final HttpClient http;
  private final Object rateLock = new Object();
  private long nextSlotNanos;

  private OpenAiChatClient(Builder b) {
    this.baseUrl = b.baseUrl.replaceAll("/+$", "");
    this.endpoint = URI.create(baseUrl + "/chat/completions");
    this.modelName = b.model;
    this.apiKey = b.apiKeyEnv.map(v -> {
      String key = b.env.apply(v);
      if (key == null || key.isBlank()) {
        throw new ConfigurationException("The environment variable " + v + " (named by --api-key-env) is not set;"
            + " export it with the API key, or leave --api-key-env out for servers that need none.");
      }
      return key;
    });
    this.headers = Map.copyOf(b.headers);
    this.maxAttempts = b.maxAttempts;
    this.baseDelay = b.baseDelay;
    this.maxDelay = b.maxDelay;
    this.timeout = b.timeout;
    this.maxImages = b.maxImages;
    this.maxPayloadBytes = b.maxPayloadBytes;
    this.requestsPerSecond = b.requestsPerSecond;
    this.judgeSettings = b.judgeSettings;
    this.http = HttpClient.newBuilder().connectTimeout(b.timeout).version(HttpClient.Version.HTTP_1_1).build();
  }

  /** A builder for {@code baseUrl} (for example {@code http://localhost:8000/v1}) and a model name. */
  public static Builder builder(String baseUrl, String model) {
    return new Builder(baseUrl, model);
  }

  /** {@code <model>@<base url>}: the identity recorded in results and cache keys (never the key). */
  @Override
  public String name() {
    return modelName + "@" + baseUrl;
  }

  @Override
  public String settingsKey() {
    return judgeSettings.toString();
  }

  @Override
  public ModelResponse generate(Prompt prompt, GenerationSettings settings) {
    JsonArrayBuilder content = JsonP.PROVIDER.createArrayBuilder();
    int images = 0;
    for (Prompt.Part p : prompt.parts()) {
      if (p instanceof Prompt.Text t) {
        content.add(JsonP.PROVIDER.createObjectBuilder().add("type", "text").add("text", t.text()));
      } else {
        ImageRef img = ((Prompt.Image) p).image();
        images++;
        if (images > maxImages) {
          throw new MmrareException("Refused before sending: the prompt has more than " + maxImages
              + " images (limit set with maxImages); raise the limit or filter items with Benchmark.imageCount.");
        }
        String mime = img.mediaType().map(MediaType::mime).orElse("image/jpeg");
        content.add(JsonP.PROVIDER.createObjectBuilder().add("type", "image_url").add("image_url",
            JsonP.PROVIDER.createObjectBuilder().add("url", "data:" + mime + ";base64," + img.base64())));
      }
    }
    return send(content.build(), settings);
  }

  @Override
  public String reply(String itemIndex, String prompt) {
    JsonArray content = JsonP.PROVIDER.createArrayBuilder()
        .add(JsonP.PROVIDER.createObjectBuilder().add("type", "text").add("text", prompt)).build();
    try {
      return send(content, judgeSettings).text();
    } catch (MmrareException e) {
      throw new JudgeException(e.getMessage(), e);
    }
  }

  private ModelResponse send(JsonArray content, GenerationSettings settings) {
    JsonObjectBuilder body = JsonP.PROVIDER.createObjectBuilder().add("model", modelName)
        .add("messages", JsonP.PROVIDER.createArrayBuilder().add(JsonP.PROVIDER.createObjectBuilder().add("role", "user")
            .add("content", content)));
    settings.temperature().ifPresent(t -> body.add("temperature", t));
    settings.maxTokens().ifPresent(n -> body.add("max_tokens", n));
    settings.seed().ifPresent(s -> body.add("seed", s));
    String json = ResultsJson.line(body.build());
    long bytes = json.length();
    if (bytes > maxPayloadBytes) {
      throw new MmrareException("Refused before sending: the request body is " + bytes + " bytes, over the limit of "
          + maxPayloadBytes + " (maxPayloadBytes); raise the limit or send smaller images.");
    }
    HttpRequest.Builder rb = HttpRequest.newBuilder(endpoint).timeout(timeout)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
    headers.forEach(rb::header);
    apiKey.ifPresent(k -> rb.header("Authorization", "Bearer " + k));
    HttpRequest request = rb.build();
    String last = "no attempt made";
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      throttle();
      long start = System.nanoTime();
      Duration wait;
      try {
        HttpResponse<String> resp = http.send(request, HttpResponse.BodyHandlers.ofString());
        int code = resp.statusCode();
        if (code == 200) {
          return parse(resp.body(), Duration.ofNanos(System.nanoTime() - start));
        }
        last = "HTTP " + code + " from " + endpoint;
        if (code != 429 && code < 500) {
          throw new MmrareException(last + ": " + abbreviate(resp.body()) + " (not retried)");
        }
        wait = retryAfter(resp).orElse(backoff(attempt));
      } catch (HttpTimeoutException e) {
        last = "timed out after " + timeout.toMillis() + " ms calling " + endpoint;
        wait = backoff(attempt);
      } catch (IOException e) {
        last = "connection error calling " + endpoint + ": " + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : " " + e.getMessage());
        wait = backoff(attempt);
      } catch (MalformedReply e) {
        last = e.getMessage();
        wait = backoff(attempt);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new MmrareException("Interrupted while calling " + endpoint, e);
      }
      if (attempt < maxAttempts) {
        sleep(wait);
      }
    }
    throw new MmrareException(last + " (gave up after " + maxAttempts + " attempts)");
  }

  /** A reply that is not a usable chat completion; retried like a server error. */
  private static final class MalformedReply extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedReply(String message) {
      super(message);
    }
  }

  private ModelResponse parse(String body, Duration latency) throws MalformedReply {
    JsonObject o;
    try (JsonReader r = JsonP.PROVIDER.createReader(new StringReader(body))) {
      o = r.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new MalformedReply("malformed JSON from " + endpoint + ": " + abbreviate(body));
    }
    JsonArray choices = o.get("choices") instanceof JsonArray a ? a : null;
    if (choices == null || choices.isEmpty() || !(choices.get(0) instanceof JsonObject c)
        || !(c.get("message") instanceof JsonObject m) || !(m.get("content") instanceof JsonString text)) {
      throw new MalformedReply("no choices[0].message.content in the reply from " + endpoint + ": "
          + abbreviate(body));
    }
    OptionalLong in = OptionalLong.empty();
    OptionalLong out = OptionalLong.empty();
    if (o.get("usage") instanceof JsonObject u) {
      if (u.get("prompt_tokens") instanceof JsonNumber n) {
        in = OptionalLong.of(n.longValue());
      }
      if (u.get("completion_tokens") instanceof JsonNumber n) {
        out = OptionalLong.of(n.longValue());
      }
    }
    return new ModelResponse(text.getString(), in, out, latency);
  }

  private static Optional<Duration> retryAfter(HttpResponse<String> resp) {
    return resp.headers().firstValue("Retry-After").flatMap(v -> {
      try {
        return Optional.of(Duration.ofMillis((long) (Double.parseDouble(v.strip()) * 1000)));
      } catch (NumberFormatException e) {
        return Optional.empty(); // an HTTP date: fall back to our own backoff
      }
    });
  }

  /** Full jitter: uniform in [0, min(maxDelay, base * 2^(attempt-1))]. */
  private Duration backoff(int attempt) {
    long cap = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(20, attempt - 1));
    return Duration.ofMillis(ThreadLocalRandom.current().nextLong(cap + 1));
  }

  private void throttle() {
    if (requestsPerSecond.isEmpty()) {
      return;
    }
    long interval = (long) (1e9 / requestsPerSecond.getAsDouble());
    long wait;
    synchronized (rateLock) {
      long now = System.nanoTime();
      long slot = Math.max(now, nextSlotNanos);
      nextSlotNanos = slot + interval;
      wait = slot - now;
    }
    sleep(Duration.ofNanos(wait));
  }

  private static void sleep(Duration d) {
    if (d.isZero() || d.isNegative()) {
      return;
    }
    try {
      Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MmrareException("Interrupted while waiting to retry", e);
    }
  }

  private static String abbreviate(String s) {
    String t = s == null ? "" : s.replaceAll("\\s+", " ");
    return t.length() <= 200 ? t : t.substring(0, 200) + "...";
  }

  /** Settings of an {@link OpenAiChatClient}; each setter validates at once. */
  public static final class Builder {
    private final String baseUrl;
    private final String model;
    private Optional<String> apiKeyEnv = Optional.empty();
    private java.util.function.Function<String, String> env = System::getenv;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private int maxAttempts = 6;
    private Duration baseDelay = Duration.ofMillis(500);
    private Duration maxDelay = Duration.ofSeconds(30);
    private Duration timeout = Duration.ofSeconds(120);
    private int maxImages = 64;
    private long maxPayloadBytes = 50L << 20;
    private OptionalDouble requestsPerSecond = OptionalDouble.empty();
    private GenerationSettings judgeSettings = GenerationSettings.defaults().withTemperature(0);

    private Builder(String baseUrl, String model) {
      checkArgument(baseUrl.startsWith("http://") || baseUrl.startsWith("https://"),
          "the base URL must start with http:// or https://, was '%s'", baseUrl);
      checkArgument(!model.isBlank(), "the model name must not be blank");
      this.baseUrl = baseUrl;
      this.model = model;
    }

    /** The environment variable holding the API key (its value is never recorded anywhere). */
    public Builder apiKeyEnv(String variable) {
      checkArgument(variable.matches("[A-Za-z_][A-Za-z0-9_]*"), "'%s' is not an environment variable name", variable);
      this.apiKeyEnv = Optional.of(variable);
      return this;
    }

    /** Where environment variables are read from (tests); the default is the process environment. */
    public Builder environment(java.util.function.Function<String, String> env) {
      this.env = checkNotNull(env, "env");
      return this;
    }

    /** An extra header on every request (not for the API key: use {@link #apiKeyEnv}). */
    public Builder header(String name, String value) {
      checkArgument(!name.equalsIgnoreCase("Authorization"), "set the API key with apiKeyEnv, not as a header");
      headers.put(name, value);
      return this;
    }

    /** Attempts per request, including the first (default 6). */
    public Builder maxAttempts(int n) {
      checkArgument(n >= 1, "maxAttempts must be >= 1, was %s", n);
      this.maxAttempts = n;
      return this;
    }

    /** Backoff base and cap (defaults 500 ms and 30 s). */
    public Builder backoff(Duration base, Duration max) {
      checkArgument(!base.isNegative() && !max.isNegative() && base.compareTo(max) <= 0,
          "need 0 <= base <= max, was %s and %s", base, max);
      this.baseDelay = base;
      this.maxDelay = max;
      return this;
    }

    /** Per-request timeout (default 120 s). */
    public Builder timeout(Duration t) {
      checkArgument(!t.isNegative() && !t.isZero(), "timeout must be positive, was %s", t);
      this.timeout = t;
      return this;
    }

    /** Most images per request (default 64); more are refused before sending. */
    public Builder maxImages(int n) {
      checkArgument(n >= 0, "maxImages must be >= 0, was %s", n);
      this.maxImages = n;
      return this;
    }

    /** Largest request body in bytes (default 50 MiB); larger ones are refused before sending. */
    public Builder maxPayloadBytes(long n) {
      checkArgument(n > 0, "maxPayloadBytes must be > 0, was %s", n);
      this.maxPayloadBytes = n;
      return this;
    }

    /** A ceiling on requests per second across all threads. */
    public Builder requestsPerSecond(double rps) {
      checkArgument(rps > 0, "requestsPerSecond must be > 0, was %s", rps);
      this.requestsPerSecond = OptionalDouble.of(rps);
      return this;
    }

    /** Settings used when the client acts as the judge (default: temperature 0). */
    public Builder judgeSettings(GenerationSettings s) {
      this.judgeSettings = checkNotNull(s, "settings");
      return this;
    }

    /**
     * The client.
     *
     * @throws ConfigurationException when the API key variable is named but not set
     */
    public OpenAiChatClient build() {
      return new OpenAiChatClient(this);
    }
  }
}
