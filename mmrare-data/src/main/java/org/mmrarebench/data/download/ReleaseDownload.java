package org.mmrarebench.data.download;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mmrarebench.core.ConfigurationException;
import org.mmrarebench.core.MmrareException;
import org.mmrarebench.core.Track;
import org.mmrarebench.core.internal.ReleaseLocation;
import org.mmrarebench.core.internal.Secrets;

/**
 * Fetches the four track files of the MMRareBench release from the Hugging Face dataset
 * {@code junzhin/MMrarebench} (the URLs the reference downloads from) into a release root, the way
 * {@code huggingface_hub} does: {@code HF_ENDPOINT} selects a mirror, {@code HF_TOKEN} is sent only
 * to that endpoint (never to a CDN it redirects to) and is never stored or printed.
 *
 * <p>Each file is fetched into a hidden {@code .part} file beside its target, resumed with an HTTP
 * {@code Range} request when a previous attempt left one, checked (the length the server announced,
 * and the sha256 when the server's {@code X-Linked-ETag}/{@code ETag} is one, as Hugging Face's is
 * for large files) and only then renamed over the target; a failed or truncated transfer leaves the
 * previous good file in place. The sizes and sha256s go into {@code mmrare-manifest.json} beside the
 * data ({@link ReleaseManifest}), which later reads and {@code validate} check.
 */
public final class ReleaseDownload {
  /** The dataset the reference downloads. */
  public static final String DATASET = "junzhin/MMrarebench";
  private static final Pattern SHA256 = Pattern.compile("\"?(?:W/)?\"?([0-9a-f]{64})\"?");
  private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");

  private final Path root;
  private final URI endpoint;
  private final Optional<String> token;
  private final String revision;
  private final List<Track> tracks;
  private final Duration timeout;
  private final Progress progress;
  private final HttpClient http;

  /** Receives progress of one file: bytes so far (resumed bytes included) and the total when known. */
  @FunctionalInterface
  public interface Progress {
    /** Called as bytes arrive. */
    void update(String file, long bytes, long total);

    /** Nothing. */
    static Progress none() {
      return (f, b, t) -> { };
    }
  }

  private ReleaseDownload(Builder b) {
    this.root = b.root;
    this.endpoint = b.endpoint;
    this.token = b.token;
    this.revision = b.revision;
    this.tracks = List.copyOf(b.tracks);
    this.timeout = b.timeout;
    this.progress = b.progress;
    this.http = HttpClient.newBuilder().connectTimeout(b.timeout).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /**
   * A builder reading {@code HF_ENDPOINT}, {@code HF_TOKEN} and {@code LMUData} from {@code env}
   * (the process environment for real use), with the target {@code $LMUData/MMrarebench} unless set.
   */
  public static Builder builder(Function<String, String> env) {
    return new Builder(env);
  }

  /** The URL of one track file (without any credential). */
  public URI url(Track t) {
    String base = endpoint.toString().replaceAll("/+$", "");
    return URI.create(base + "/datasets/" + DATASET + "/resolve/" + revision + "/" + t.folder() + "/" + t.fileName());
  }

  /** Where the files go. */
  public Path root() {
    return root;
  }

  /**
   * Fetches every track file and writes the manifest.
   *
   * @return the manifest of the files now in place
   * @throws MmrareException naming the file and the cause when a transfer fails; files already in
   *     place (from earlier runs or this one) stay, and the manifest records them
   */
  public ReleaseManifest run() {
    List<ReleaseManifest.Entry> entries = new ArrayList<>();
    ReleaseManifest previous = ReleaseManifest.read(root).orElse(ReleaseManifest.empty());
    MmrareException failure = null;
    for (Track t : tracks) {
      try {
        entries.add(fetch(t));
      } catch (MmrareException e) {
        failure = failure == null ? e : failure;
        previous.entry(t).ifPresent(entries::add); // the previous good file is still there
      }
    }
    ReleaseManifest m = new ReleaseManifest(entries);
    m.write(root);
    if (failure != null) {
      throw failure;
    }
    return m;
  }

  private ReleaseManifest.Entry fetch(Track t) {
    Path target = root.resolve(t.folder()).resolve(t.fileName());
    Path part = target.resolveSibling("." + t.fileName() + ".part");
    String shown = t.folder() + "/" + t.fileName();
    try {
      Files.createDirectories(target.getParent());
      long have = Files.isRegularFile(part) ? Files.size(part) : 0;
      HttpResponse<InputStream> resp = send(url(t), have);
      int code = resp.statusCode();
      if (code == 416 && have > 0) {
        // the part file is already whole (or the server disagrees): start again from zero
        resp.body().close();
        Files.delete(part);
        have = 0;
        resp = send(url(t), 0);
        code = resp.statusCode();
      }
      if (code == 401 || code == 403) {
        resp.body().close();
        throw new MmrareException("Cannot download " + shown + ": HTTP " + code + " from " + endpoint.getHost()
            + (token.isPresent() ? "; the token in HF_TOKEN was refused" : "; the dataset may need a token: set HF_TOKEN")
            + ". The previous file, if any, is unchanged.");
      }
      if (code == 404) {
        resp.body().close();
        throw new MmrareException("Cannot download " + shown + ": HTTP 404 at " + url(t) + " (check HF_ENDPOINT and"
            + " the revision). The previous file, if any, is unchanged.");
      }
      long start;
      long total;
      if (code == 206) {
        Matcher cr = CONTENT_RANGE.matcher(resp.headers().firstValue("Content-Range").orElse(""));
        if (!cr.matches() || Long.parseLong(cr.group(1)) != have) {
          resp.body().close();
          throw new MmrareException("Cannot resume " + shown + ": the server answered the range request for byte "
              + have + " with '" + resp.headers().firstValue("Content-Range").orElse("no Content-Range") + "'."
              + " Delete " + part + " and run again.");
        }
        start = have;
        total = cr.group(3).equals("*") ? -1 : Long.parseLong(cr.group(3));
      } else if (code == 200) {
        start = 0; // the server ignored the range: start over
        total = resp.headers().firstValueAsLong("Content-Length").orElse(-1);
      } else {
        resp.body().close();
        throw new MmrareException("Cannot download " + shown + ": HTTP " + code + " from " + url(t).getHost()
            + ". The previous file, if any, is unchanged.");
      }
      java.net.http.HttpHeaders headers = resp.headers();
      Optional<String> expectedSha = headers.firstValue("X-Linked-ETag")
          .or(() -> headers.firstValue("ETag")).map(v -> v.toLowerCase(Locale.ROOT))
          .flatMap(v -> {
            Matcher m = SHA256.matcher(v.strip());
            return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
          });
      long written = start;
      try (InputStream in = resp.body();
          OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
              start == 0 ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.APPEND)) {
        byte[] buf = new byte[1 << 16];
        int n;
        while ((n = in.read(buf)) >= 0) {
          out.write(buf, 0, n);
          written += n;
          progress.update(shown, written, total);
        }
      } catch (IOException e) {
        throw new MmrareException("The download of " + shown + " broke off after " + written + " bytes ("
            + e.getClass().getSimpleName() + "); run the same command again to resume from there. The previous file,"
            + " if any, is unchanged.", e);
      }
      if (total >= 0 && written != total) {
        throw new MmrareException("The download of " + shown + " is incomplete: " + written + " of " + total
            + " bytes arrived; run the same command again to resume. The previous file, if any, is unchanged.");
      }
      String sha = org.mmrarebench.data.internal.FileDigests.sha256Read(part);
      if (expectedSha.isPresent() && !expectedSha.get().equals(sha)) {
        Files.delete(part); // a corrupt part cannot be resumed into a good file
        throw new MmrareException("The download of " + shown + " is corrupt: its sha256 is " + sha + ", the server's"
            + " is " + expectedSha.get() + ". It was discarded; run again. The previous file, if any, is unchanged.");
      }
      try {
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
      }
      return ReleaseManifest.Entry.of(t, target, url(t).toString(), sha, expectedSha.isPresent());
    } catch (IOException e) {
      throw new MmrareException("Cannot download " + shown + ": " + Secrets.redact(e.toString(), token.stream()
          .toList()) + ". The previous file, if any, is unchanged.", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MmrareException("Interrupted while downloading " + shown + "; run again to resume.", e);
    }
  }

  /** GET with redirects followed by hand, so the token goes to the configured endpoint's host only. */
  private HttpResponse<InputStream> send(URI url, long from) throws IOException, InterruptedException {
    URI u = url;
    for (int hop = 0; hop < 6; hop++) {
      HttpRequest.Builder rb = HttpRequest.newBuilder(u).timeout(timeout).GET();
      if (from > 0) {
        rb.header("Range", "bytes=" + from + "-");
      }
      if (token.isPresent() && sameOrigin(u, endpoint)) {
        rb.header("Authorization", "Bearer " + token.get());
      }
      HttpResponse<InputStream> r = http.send(rb.build(), HttpResponse.BodyHandlers.ofInputStream());
      int code = r.statusCode();
      if (code >= 300 && code < 400 && r.headers().firstValue("Location").isPresent()) {
        r.body().close();
        u = u.resolve(r.headers().firstValue("Location").get());
        continue;
      }
      return r;
    }
    throw new IOException("too many redirects from " + url);
  }

  private static boolean sameOrigin(URI a, URI b) {
    return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
        && a.getPort() == b.getPort();
  }


  /** Settings of a download. */
  public static final class Builder {
    private Path root;
    private URI endpoint;
    private Optional<String> token;
    private String revision = "main";
    private List<Track> tracks = List.of(Track.values());
    private Duration timeout = Duration.ofSeconds(60);
    private Progress progress = Progress.none();

    private Builder(Function<String, String> env) {
      this.root = ReleaseLocation.lmuData(env.apply("LMUData"), System.getProperty("user.home"));
      String ep = env.apply("HF_ENDPOINT");
      this.endpoint = URI.create(ep != null && !ep.isBlank() ? ep.strip() : "https://huggingface.co");
      checkEndpoint(endpoint);
      String tok = env.apply("HF_TOKEN");
      this.token = tok == null || tok.isBlank() ? Optional.empty() : Optional.of(tok.strip());
    }

    private static void checkEndpoint(URI e) {
      if (e.getScheme() == null || !(e.getScheme().equals("http") || e.getScheme().equals("https"))
          || e.getHost() == null) {
        throw new ConfigurationException("HF_ENDPOINT must be an http(s) URL such as https://huggingface.co or a"
            + " mirror, was '" + e + "'.");
      }
    }

    /** The release root to fill (default {@code $LMUData/MMrarebench}). */
    public Builder root(Path root) {
      this.root = checkNotNull(root, "root");
      return this;
    }

    /** The Hub endpoint (default {@code HF_ENDPOINT}, else {@code https://huggingface.co}). */
    public Builder endpoint(URI endpoint) {
      checkEndpoint(endpoint);
      this.endpoint = endpoint;
      return this;
    }

    /** The dataset revision (default {@code main}). */
    public Builder revision(String revision) {
      checkArgument(revision.matches("[A-Za-z0-9._/-]+"), "revision '%s' is not a branch, tag or commit", revision);
      this.revision = revision;
      return this;
    }

    /** Only these tracks (default all four). */
    public Builder tracks(List<Track> tracks) {
      checkArgument(!tracks.isEmpty(), "no tracks to download");
      this.tracks = List.copyOf(tracks);
      return this;
    }

    /** Connection and per-request timeout (default 60 s). */
    public Builder timeout(Duration timeout) {
      checkArgument(!timeout.isNegative() && !timeout.isZero(), "timeout must be positive, was %s", timeout);
      this.timeout = timeout;
      return this;
    }

    /** Receives progress. */
    public Builder progress(Progress progress) {
      this.progress = checkNotNull(progress, "progress");
      return this;
    }

    /** The download. */
    public ReleaseDownload build() {
      return new ReleaseDownload(this);
    }
  }
}
