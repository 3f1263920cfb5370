package org.mmrarebench.scoring.openai;

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
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.mmrarebench.core.ConfigurationException;
import org.mmrarebench.core.GenerationSettings;
import org.mmrarebench.core.ImageRef;
import org.mmrarebench.core.MediaType;
import org.mmrarebench.core.MmrareException;
import org.mmrarebench.core.ModelAdapter;
import org.mmrarebench.core.ModelResponse;
import org.mmrarebench.core.Prompt;
import org.mmrarebench.core.UnusableEndpointException;
import org.mmrarebench.core.internal.Secrets;
import org.mmrarebench.scoring.JudgeModel;
import org.mmrarebench.scoring.RetryPolicy;
import org.mmrarebench.scoring.internal.JsonFiles;
import org.mmrarebench.scoring.internal.JsonP;

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
  private final List<String> secrets;
  private final long maxResponseBytes;
  private final Duration maxRetryWait;
  private final java.time.Clock clock;
  private final String modelName;
  private final Optional<String> apiKey;
  private final Map<String, String> headers;
  private final int maxAttempts;
  // backoff, rate limit and sleeping: the same code as RetryPolicy.wrap, with this client's own limit
  private final RetryPolicy.Pacer pacer;
  private final Duration timeout;
  private final int maxImages;
  private final long maxPayloadBytes;
  private final GenerationSettings judgeSettings;
  private final HttpClient http;

  private OpenAiChatClient(Builder b) {
    BaseUrl url = BaseUrl.parse(b.baseUrl);
    this.baseUrl = url.display();
    this.endpoint = url.endpoint("/chat/completions");
    this.modelName = b.model;
    this.apiKey = b.apiKeyEnv.map(v -> {
      String raw = b.env.apply(v);
      // A key file with Windows line endings leaves a CR: surrounding whitespace is never part of a key.
      String key = raw == null ? "" : raw.strip();
      if (key.isEmpty()) {
        throw new ConfigurationException("The environment variable " + v + " (named by --api-key-env) is not set;"
            + " export it with the API key, or leave --api-key-env out for servers that need none.");
      }
      if (key.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
        throw new ConfigurationException("The API key in " + v + " contains a space, line break or other control"
            + " character inside it; an HTTP header cannot carry that. Fix the value of " + v + ".");
      }
      return key;
    });
    List<String> known = new java.util.ArrayList<>(url.secrets());
    apiKey.ifPresent(known::add);
    // extra headers often carry credentials too (Azure's api-key): never echo their values either
    b.headers.values().forEach(known::add);
    this.secrets = List.copyOf(known);
    Map<String, String> h = new LinkedHashMap<>(b.headers);
    if (apiKey.isEmpty()) {
      url.basicAuthorization().ifPresent(v -> h.put("Authorization", v));
    }
    this.headers = Map.copyOf(h);
    this.maxResponseBytes = b.maxResponseBytes;
    this.maxRetryWait = b.maxRetryWait;
    this.clock = b.clock;
    this.maxAttempts = b.policy.maxAttempts();
    this.pacer = b.policy.pacer();
    this.timeout = b.timeout;
    this.maxImages = b.maxImages;
    this.maxPayloadBytes = b.maxPayloadBytes;
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
    // Limits are checked from sizes known without reading an image (file size, base64 length), so
    // a 300 MB image is refused for its item before it is loaded into memory.
    int images = 0;
    long estimate = 0;
    for (Prompt.Part p : prompt.parts()) {
      if (p instanceof Prompt.Image i) {
        images++;
        estimate += (i.image().size() + 2) / 3 * 4 + 64;
      } else {
        estimate += ((Prompt.Text) p).text().length();
      }
    }
    if (images > maxImages) {
      throw new MmrareException("Refused before sending: the prompt has " + images + " images, over the limit of "
          + maxImages + " (maxImages, --max-images); raise the limit or filter items with Benchmark.imageCount.");
    }
    if (estimate > maxPayloadBytes) {
      throw new MmrareException("Refused before sending: the request would be about " + estimate + " bytes, over the"
          + " limit of " + maxPayloadBytes + " (maxPayloadBytes, --max-payload-mb); raise the limit or send smaller"
          + " images.");
    }
    JsonArrayBuilder content = JsonP.PROVIDER.createArrayBuilder();
    for (Prompt.Part p : prompt.parts()) {
      if (p instanceof Prompt.Text t) {
        content.add(JsonP.PROVIDER.createObjectBuilder().add("type", "text").add("text", t.text()));
      } else {
        ImageRef img = ((Prompt.Image) p).image();
        String mime = img.mediaType().map(MediaType::mime).orElse("image/jpeg");
        content.add(JsonP.PROVIDER.createObjectBuilder().add("type", "image_url").add("image_url",
            JsonP.PROVIDER.createObjectBuilder().add("url", "data:" + mime + ";base64," + img.base64())));
      }
    }
    return send(content.build(), settings);
  }

  /** Sample {@code sample} > 0 is asked with the seed shifted by {@code sample}, so servers honouring seeds vary. */
  @Override
  public String reply(String itemIndex, String prompt, int sample) {
    if (sample == 0) {
      return reply(itemIndex, prompt);
    }
    GenerationSettings s = judgeSettings.withSeed(judgeSettings.seed().orElse(0L) + sample);
    return judgeReply(prompt, s);
  }

  @Override
  public String reply(String itemIndex, String prompt) {
    return judgeReply(prompt, judgeSettings);
  }

  private String judgeReply(String prompt, GenerationSettings settings) {
    JsonArray content = JsonP.PROVIDER.createArrayBuilder()
        .add(JsonP.PROVIDER.createObjectBuilder().add("type", "text").add("text", prompt)).build();
    try {
      return send(content, settings).text();
    } catch (UnusableEndpointException e) {
      throw e;
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
    String json = JsonFiles.line(body.build());
    long bytes = json.length();
    if (bytes > maxPayloadBytes) {
      throw new MmrareException("Refused before sending: the request body is " + bytes + " bytes, over the limit of "
          + maxPayloadBytes + " (maxPayloadBytes); raise the limit or send smaller images.");
    }
    HttpRequest.Builder rb = HttpRequest.newBuilder(endpoint).timeout(timeout)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
    try {
      headers.forEach(rb::header);
      apiKey.ifPresent(k -> rb.header("Authorization", "Bearer " + k));
    } catch (IllegalArgumentException e) {
      throw new UnusableEndpointException(redact("A request header was refused by the HTTP client (" + e.getMessage()
          + "); check the --header values."));
    }
    HttpRequest request = rb.build();
    String last = "no attempt made";
    boolean unreachable = false;
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      pacer.throttle();
      long start = System.nanoTime();
      Duration wait;
      unreachable = false;
      LimitedBody sink = new LimitedBody(maxResponseBytes);
      CompletableFuture<HttpResponse<String>> call = http.sendAsync(request, info -> sink);
      try {
        // The timeout covers the whole exchange, body included: a server trickling bytes cannot hold us.
        HttpResponse<String> resp = call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        int code = resp.statusCode();
        if (code == 200) {
          return parse(resp.body(), Duration.ofNanos(System.nanoTime() - start));
        }
        last = "HTTP " + code + " from " + endpointForDisplay();
        if (code == 401 || code == 403 || code == 404 || (code >= 300 && code < 400)) {
          String where = resp.headers().firstValue("Location").map(l -> " (redirect to " + l + ", not followed)")
              .orElse("");
          throw new UnusableEndpointException(redact(last + where + ": " + abbreviate(resp.body())
              + (code == 401 || code == 403 ? " - the server refused the credentials; check the key variable"
                  : " - check the base URL and the model name")));
        }
        if (code != 429 && code < 500) {
          throw new MmrareException(redact(last + ": " + abbreviate(resp.body()) + " (not retried)"));
        }
        last = redact(last + ": " + abbreviate(resp.body()));
        Optional<Duration> asked = retryAfter(resp, clock.instant());
        if (asked.isPresent() && asked.get().compareTo(maxRetryWait) > 0) {
          throw new MmrareException(redact(last + ": the server asked to wait " + asked.get().toSeconds()
              + " s (Retry-After), over the cap of " + maxRetryWait.toSeconds() + " s (maxRetryWait,"
              + " --max-retry-wait-s); not retried"));
        }
        wait = asked.orElse(pacer.backoff(attempt));
      } catch (TimeoutException e) {
        call.cancel(true);
        sink.abort();
        last = "timed out after " + timeout.toMillis() + " ms calling " + endpointForDisplay()
            + " (the whole exchange, body included)";
        wait = pacer.backoff(attempt);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof BodyTooLarge) {
          throw new MmrareException("The response from " + endpointForDisplay() + " exceeded " + maxResponseBytes
              + " bytes (maxResponseBytes, --max-response-mb) and was abandoned; raise the limit if the server really"
              + " sends such answers.");
        }
        if (cause instanceof HttpTimeoutException) {
          last = "timed out after " + timeout.toMillis() + " ms calling " + endpointForDisplay();
        } else {
          unreachable = cause instanceof java.net.ConnectException;
          last = redact("connection error calling " + endpointForDisplay() + ": " + cause.getClass().getSimpleName()
              + (cause.getMessage() == null ? "" : " " + cause.getMessage()));
        }
        wait = pacer.backoff(attempt);
      } catch (MalformedReply e) {
        last = redact(e.getMessage());
        wait = pacer.backoff(attempt);
      } catch (InterruptedException e) {
        call.cancel(true);
        sink.abort();
        Thread.currentThread().interrupt();
        throw new MmrareException("Interrupted while calling " + endpointForDisplay(), e);
      }
      if (attempt < maxAttempts) {
        pacer.sleep(wait);
      }
    }
    String msg = last + " (gave up after " + maxAttempts + " attempts)";
    if (unreachable) {
      throw new UnusableEndpointException(msg + "; is the server running and the base URL right?");
    }
    throw new MmrareException(msg);
  }

  private String endpointForDisplay() {
    return baseUrl + "/chat/completions";
  }

  private String redact(String text) {
    return Secrets.redact(text, secrets);
  }

  /** The response body grew past the configured bound. */
  private static final class BodyTooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    BodyTooLarge(long limit) {
      super("response body over " + limit + " bytes");
    }
  }

  /**
   * Collects a response body up to a bound, then cancels the stream: an endless or huge body costs
   * at most {@code limit} bytes of heap instead of an OutOfMemoryError in HttpClient's threads.
   */
  private static final class LimitedBody implements HttpResponse.BodySubscriber<String> {
    private final long limit;
    private final CompletableFuture<String> result = new CompletableFuture<>();
    private final java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
    private volatile Flow.Subscription subscription;
    private long total;
    private boolean done;

    LimitedBody(long limit) {
      this.limit = limit;
    }

    @Override
    public CompletionStage<String> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(Long.MAX_VALUE);
    }

    @Override
    public synchronized void onNext(List<ByteBuffer> items) {
      if (done) {
        return;
      }
      for (ByteBuffer b : items) {
        total += b.remaining();
        if (total > limit) {
          done = true;
          subscription.cancel();
          result.completeExceptionally(new BodyTooLarge(limit));
          return;
        }
        byte[] chunk = new byte[b.remaining()];
        b.get(chunk);
        buffer.write(chunk, 0, chunk.length);
      }
    }

    @Override
    public synchronized void onError(Throwable t) {
      done = true;
      result.completeExceptionally(t);
    }

    @Override
    public synchronized void onComplete() {
      done = true;
      result.complete(buffer.toString(StandardCharsets.UTF_8));
    }

    /** Stops reading (a timeout): the connection is dropped, the buffer released. */
    synchronized void abort() {
      done = true;
      Flow.Subscription s = subscription;
      if (s != null) {
        s.cancel();
      }
      result.completeExceptionally(new HttpTimeoutException("aborted"));
    }
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
      throw new MalformedReply("malformed JSON from " + endpointForDisplay() + ": " + abbreviate(body));
    }
    JsonArray choices = o.get("choices") instanceof JsonArray a ? a : null;
    if (choices == null || choices.isEmpty() || !(choices.get(0) instanceof JsonObject c)
        || !(c.get("message") instanceof JsonObject m) || !(m.get("content") instanceof JsonString text)) {
      throw new MalformedReply("no choices[0].message.content in the reply from " + endpointForDisplay() + ": "
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

  /** The wait a {@code Retry-After} header asks for: delay seconds or an HTTP date (RFC 9110). */
  static Optional<Duration> retryAfter(HttpResponse<?> resp, Instant now) {
    return resp.headers().firstValue("Retry-After").flatMap(v -> parseRetryAfter(v, now));
  }

  static Optional<Duration> parseRetryAfter(String value, Instant now) {
    String v = value.strip();
    try {
      double secs = Double.parseDouble(v);
      return secs >= 0 && Double.isFinite(secs) ? Optional.of(Duration.ofMillis((long) (secs * 1000)))
          : Optional.empty();
    } catch (NumberFormatException e) {
      try {
        Instant at = java.time.ZonedDateTime.parse(v, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
            .toInstant();
        Duration d = Duration.between(now, at);
        return Optional.of(d.isNegative() ? Duration.ZERO : d);
      } catch (java.time.format.DateTimeParseException e2) {
        return Optional.empty(); // unreadable: our own backoff
      }
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
    private RetryPolicy policy = RetryPolicy.defaults();
    private Duration timeout = Duration.ofSeconds(120);
    private int maxImages = 64;
    private long maxPayloadBytes = 50L << 20;
    private GenerationSettings judgeSettings = GenerationSettings.defaults().withTemperature(0);
    private long maxResponseBytes = 32L << 20;
    private Duration maxRetryWait = Duration.ofSeconds(30);
    private java.time.Clock clock = java.time.Clock.systemUTC();

    private Builder(String baseUrl, String model) {
      BaseUrl.parse(baseUrl); // validates, with a message that never repeats credentials
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
      try {
        HttpRequest.newBuilder(URI.create("http://localhost/")).header(name, value);
      } catch (IllegalArgumentException e) {
        throw new ConfigurationException("The header '" + name + "' cannot be sent: its name or value holds a"
            + " character HTTP does not allow (a line break, a control character) or names a restricted header.");
      }
      headers.put(name, value);
      return this;
    }

    /** Attempts per request, including the first (default 6). */
    public Builder maxAttempts(int n) {
      this.policy = policy.maxAttempts(n);
      return this;
    }

    /** Backoff base and cap (defaults 500 ms and 30 s). */
    public Builder backoff(Duration base, Duration max) {
      this.policy = policy.backoff(base, max);
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

    /** Largest response body read (default 32 MiB); a larger one fails that call with a clear message. */
    public Builder maxResponseBytes(long n) {
      checkArgument(n > 0, "maxResponseBytes must be > 0, was %s", n);
      this.maxResponseBytes = n;
      return this;
    }

    /**
     * Longest {@code Retry-After} wait honoured (default 30 s); a server asking for more fails that
     * call with its wait in the message.
     */
    public Builder maxRetryWait(Duration d) {
      checkArgument(!d.isNegative(), "maxRetryWait must be >= 0, was %s", d);
      this.maxRetryWait = d;
      return this;
    }

    /** The clock that dates {@code Retry-After} HTTP dates are measured against (default: the system's). */
    public Builder clock(java.time.Clock clock) {
      this.clock = checkNotNull(clock, "clock");
      return this;
    }

    /** How to wait between attempts and for the rate limit (default: {@link Thread#sleep}). */
    public Builder sleeper(RetryPolicy.Sleeper sleeper) {
      this.policy = policy.sleeper(sleeper);
      return this;
    }

    /** A ceiling on requests per second across all threads. */
    public Builder requestsPerSecond(double rps) {
      this.policy = policy.requestsPerSecond(rps);
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
