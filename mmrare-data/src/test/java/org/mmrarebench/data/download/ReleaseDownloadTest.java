package org.mmrarebench.data.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.hash.Hashing;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmrarebench.core.MmrareException;
import org.mmrarebench.core.Problem;
import org.mmrarebench.core.Track;
import org.mmrarebench.data.EmbeddedSample;
import org.mmrarebench.data.ReadResult;
import org.mmrarebench.data.ReleaseReader;

/** The release download against a loopback Hub: complete, truncated and resumed, corrupt, 404, 401, redirects. */
class ReleaseDownloadTest {
  static final String TOKEN = "hf_SECRETtoken1234";

  /** What the loopback Hub does with the next request for a file. */
  enum Mode { OK, TRUNCATE, CORRUPT, NOT_FOUND, UNAUTHORIZED, REDIRECT }

  HttpServer hub;
  HttpServer cdn;
  final Map<String, byte[]> files = new HashMap<>();
  final List<String> log = Collections.synchronizedList(new ArrayList<>());
  volatile Mode mode = Mode.OK;

  @BeforeEach
  void start() throws IOException {
    for (Track t : Track.values()) {
      files.put(t.folder() + "/" + t.fileName(), Files.readAllBytes(EmbeddedSample.root().resolve(t.folder())
          .resolve(t.fileName())));
    }
    cdn = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    cdn.createContext("/", ex -> serve(ex, "cdn", Mode.OK));
    cdn.start();
    hub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    hub.createContext("/", ex -> serve(ex, "hub", mode));
    hub.start();
  }

  @AfterEach
  void stop() {
    hub.stop(0);
    cdn.stop(0);
  }

  String endpoint() {
    return "http://127.0.0.1:" + hub.getAddress().getPort();
  }

  private void serve(HttpExchange ex, String who, Mode m) throws IOException {
    String path = ex.getRequestURI().getPath();
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    String range = ex.getRequestHeaders().getFirst("Range");
    log.add(who + " " + path + " auth=" + (auth != null) + " range=" + range);
    ex.getRequestBody().readAllBytes();
    String key = path.replaceFirst("^.*/resolve/main/|^/blobs/", "");
    byte[] body = files.get(key);
    if (m == Mode.NOT_FOUND || body == null) {
      ex.sendResponseHeaders(404, -1);
      ex.close();
      return;
    }
    if (m == Mode.UNAUTHORIZED) {
      byte[] b = ("{\"error\":\"bad token " + auth + "\"}").getBytes();
      ex.sendResponseHeaders(401, b.length);
      ex.getResponseBody().write(b);
      ex.close();
      return;
    }
    if (m == Mode.REDIRECT) {
      ex.getResponseHeaders().add("Location", "http://127.0.0.1:" + cdn.getAddress().getPort() + "/blobs/" + key);
      ex.sendResponseHeaders(302, -1);
      ex.close();
      return;
    }
    String sha = Hashing.sha256().hashBytes(body).toString();
    ex.getResponseHeaders().add("X-Linked-ETag", "\"" + (m == Mode.CORRUPT ? sha.replace('a', 'b').replace('0', '1')
        : sha) + "\"");
    int from = 0;
    if (range != null && range.startsWith("bytes=")) {
      from = Integer.parseInt(range.substring(6, range.indexOf('-')));
      ex.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (body.length - 1) + "/" + body.length);
      ex.sendResponseHeaders(206, body.length - from);
    } else {
      ex.sendResponseHeaders(200, body.length);
    }
    try (OutputStream o = ex.getResponseBody()) {
      int end = m == Mode.TRUNCATE ? from + (body.length - from) / 2 : body.length;
      o.write(body, from, end - from);
      if (m == Mode.TRUNCATE) {
        o.flush();
        // ending the handler with an exception drops the connection with the body half sent
        throw new IOException("truncated on purpose");
      }
    }
  }

  ReleaseDownload.Builder download(Path root) {
    Map<String, String> env = Map.of("HF_ENDPOINT", endpoint(), "HF_TOKEN", TOKEN + "\r\n");
    return ReleaseDownload.builder(env::get).root(root);
  }

  @Test
  void aCompleteDownloadIsCheckedAndRecordedAndTheTokenGoesOnlyToTheEndpoint(@TempDir Path tmp) throws IOException {
    Path root = tmp.resolve("MMrarebench");
    ReleaseManifest m = download(root).build().run();
    assertEquals(4, m.entries().size());
    for (Track t : Track.values()) {
      byte[] want = files.get(t.folder() + "/" + t.fileName());
      assertTrue(java.util.Arrays.equals(want, Files.readAllBytes(root.resolve(t.folder()).resolve(t.fileName()))));
      ReleaseManifest.Entry e = m.entry(t).orElseThrow();
      assertEquals(Hashing.sha256().hashBytes(want).toString(), e.sha256());
      assertTrue(e.serverChecked());
    }
    assertTrue(log.contains("hub /datasets/junzhin/MMrarebench/resolve/main/diagnosis/diagnosis_opened.tsv auth=true"
        + " range=null"), log.toString());
    // through a redirect to another origin (a CDN), the token stays home
    mode = Mode.REDIRECT;
    Path root2 = tmp.resolve("second");
    download(root2).build().run();
    assertTrue(log.stream().filter(l -> l.startsWith("cdn")).allMatch(l -> l.contains("auth=false")), log.toString());
    assertTrue(log.stream().anyMatch(l -> l.startsWith("cdn")), log.toString());
    assertNoTokenIn(tmp);
    // a later read checks the files against the manifest: a changed file is reported
    ReadResult clean = ReleaseReader.lenient().read(root);
    assertTrue(clean.report().problems().stream().noneMatch(p -> p.kind().endsWith("SINCE_DOWNLOAD")));
    Path dx = root.resolve("diagnosis/diagnosis_opened.tsv");
    Files.writeString(dx, Files.readString(dx).replace("Alexander disease", "Alexander diseasE"));
    List<Problem> changed = ReleaseReader.lenient().read(root).report().problems().stream()
        .filter(p -> p.kind().equals("FILE_CHANGED_SINCE_DOWNLOAD")).toList();
    assertEquals(1, changed.size(), changed.toString());
    assertEquals(dx.toString(), changed.get(0).file());
  }

  @Test
  void aTruncatedTransferKeepsThePreviousFileAndResumesWithARange(@TempDir Path tmp) throws IOException {
    Path root = tmp.resolve("r");
    download(root).tracks(List.of(Track.TREATMENT)).build().run();
    Path target = root.resolve("treatment/treatment_plan.tsv");
    byte[] previous = Files.readAllBytes(target);
    byte[] updated = (new String(previous) + "\n").getBytes();
    files.put("treatment/treatment_plan.tsv", updated);
    mode = Mode.TRUNCATE;
    MmrareException e = assertThrows(MmrareException.class,
        () -> download(root).tracks(List.of(Track.TREATMENT)).build().run());
    assertTrue(e.getMessage().contains("treatment/treatment_plan.tsv") && e.getMessage().contains("resume"),
        e.getMessage());
    assertTrue(java.util.Arrays.equals(previous, Files.readAllBytes(target)), "the previous good file is in place");
    Path part = root.resolve("treatment/.treatment_plan.tsv.part");
    assertTrue(Files.size(part) > 0 && Files.size(part) < updated.length);
    long had = Files.size(part);
    mode = Mode.OK;
    log.clear();
    download(root).tracks(List.of(Track.TREATMENT)).build().run();
    assertTrue(log.get(0).endsWith("range=bytes=" + had + "-"), log.toString());
    assertTrue(java.util.Arrays.equals(updated, Files.readAllBytes(target)));
    assertFalse(Files.exists(part));
  }

  @Test
  void aCorruptTransferIsDiscardedAndThePreviousFileKept(@TempDir Path tmp) throws IOException {
    Path root = tmp.resolve("r");
    download(root).tracks(List.of(Track.EXAMINATION)).build().run();
    Path target = root.resolve("examination/examination_workup.tsv");
    byte[] previous = Files.readAllBytes(target);
    files.put("examination/examination_workup.tsv", "index\tquestion\n0\tchanged\n".getBytes());
    mode = Mode.CORRUPT;
    MmrareException e = assertThrows(MmrareException.class,
        () -> download(root).tracks(List.of(Track.EXAMINATION)).build().run());
    assertTrue(e.getMessage().contains("is corrupt"), e.getMessage());
    assertTrue(java.util.Arrays.equals(previous, Files.readAllBytes(target)));
    assertFalse(Files.exists(root.resolve("examination/.examination_workup.tsv.part")));
    assertEquals(1, ReleaseManifest.read(root).orElseThrow().entries().size(), "the manifest keeps the good file");
  }

  @Test
  void notFoundAndUnauthorizedSayWhatToDo(@TempDir Path tmp) throws IOException {
    mode = Mode.NOT_FOUND;
    MmrareException nf = assertThrows(MmrareException.class, () -> download(tmp).build().run());
    assertTrue(nf.getMessage().contains("HTTP 404") && nf.getMessage().contains("HF_ENDPOINT"), nf.getMessage());
    mode = Mode.UNAUTHORIZED;
    MmrareException ua = assertThrows(MmrareException.class, () -> download(tmp).build().run());
    assertTrue(ua.getMessage().contains("HTTP 401") && ua.getMessage().contains("HF_TOKEN was refused"),
        ua.getMessage());
    assertFalse(ua.getMessage().contains("SECRET"), ua.getMessage());
    assertNoTokenIn(tmp);
  }

  static void assertNoTokenIn(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path f : s.filter(Files::isRegularFile).toList()) {
        assertFalse(new String(Files.readAllBytes(f)).contains("SECRETtoken"), "the token reached " + f);
      }
    }
  }
}
