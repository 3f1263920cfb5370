package org.mmrarebench.data.download;

import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mmrarebench.core.MmrareException;
import org.mmrarebench.core.Problem;
import org.mmrarebench.core.Track;
import org.mmrarebench.core.internal.AtomicFiles;

/**
 * {@code mmrare-manifest.json} beside a downloaded release: each track file's size, sha256, mtime
 * and source URL. {@link #verify} checks the files cheaply (size and mtime) and hashes a file only
 * when those differ or when asked to, reporting a file changed since download.
 *
 * @param entries one per downloaded track file
 */
public record ReleaseManifest(List<Entry> entries) {
  /** The manifest's file name, in the release root. */
  public static final String FILE = "mmrare-manifest.json";
  /** Made on first use: most releases are read without a manifest beside them. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  }

  /** Copies. */
  public ReleaseManifest {
    entries = List.copyOf(entries);
  }

  /**
   * One downloaded file.
   *
   * @param track its track
   * @param path its path relative to the release root
   * @param url where it came from (never with a credential)
   * @param size its size in bytes
   * @param sha256 its sha256
   * @param mtimeMillis its modification time when recorded
   * @param serverChecked whether the server's own sha256 (ETag) confirmed it
   * @param downloadedAt when it was downloaded
   */
  public record Entry(Track track, String path, String url, long size, String sha256, long mtimeMillis,
      boolean serverChecked, String downloadedAt) {
    /** Validates. */
    public Entry {
      checkNotNull(track, "track");
      checkNotNull(path, "path");
      checkNotNull(sha256, "sha256");
    }

    static Entry of(Track t, Path file, String url, String sha256, boolean serverChecked) throws IOException {
      return new Entry(t, t.folder() + "/" + t.fileName(), url, Files.size(file), sha256,
          Files.getLastModifiedTime(file).toMillis(), serverChecked, Instant.now().toString());
    }
  }

  static ReleaseManifest empty() {
    return new ReleaseManifest(List.of());
  }

  /** The entry of a track, if recorded. */
  public Optional<Entry> entry(Track t) {
    return entries.stream().filter(e -> e.track() == t).findFirst();
  }

  /** Reads the manifest of {@code root}, if there is one (an unreadable one is reported as absent). */
  public static Optional<ReleaseManifest> read(Path root) {
    Path f = root.resolve(FILE);
    if (!Files.isRegularFile(f)) {
      return Optional.empty();
    }
    try {
      JsonNode n = Json.MAPPER.readTree(f.toFile());
      List<Entry> out = new ArrayList<>();
      for (JsonNode e : n.path("files")) {
        Optional<Track> t = Track.find(e.path("track").asText(""));
        if (t.isPresent() && e.hasNonNull("sha256")) {
          out.add(new Entry(t.get(), e.path("path").asText(), e.path("url").asText(""), e.path("size").asLong(-1),
              e.path("sha256").asText(), e.path("mtime_millis").asLong(-1), e.path("server_checked").asBoolean(),
              e.path("downloaded_at").asText("")));
        }
      }
      return Optional.of(new ReleaseManifest(out));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Writes the manifest into {@code root}, atomically. */
  public void write(Path root) {
    ObjectNode o = Json.MAPPER.createObjectNode();
    o.put("dataset", ReleaseDownload.DATASET);
    ArrayNode files = o.putArray("files");
    for (Entry e : entries) {
      files.addObject().put("track", e.track().folder()).put("path", e.path()).put("url", e.url())
          .put("size", e.size()).put("sha256", e.sha256()).put("mtime_millis", e.mtimeMillis())
          .put("server_checked", e.serverChecked()).put("downloaded_at", e.downloadedAt());
    }
    try {
      AtomicFiles.writeString(root.resolve(FILE), Json.MAPPER.writeValueAsString(o) + "\n");
    } catch (IOException e) {
      throw new MmrareException("Cannot write " + root.resolve(FILE) + ": " + e.getMessage(), e);
    }
  }

  /**
   * Checks the files against the manifest: a file whose size and mtime are as recorded is taken as
   * unchanged unless {@code fullHash}; otherwise it is hashed. A missing file or a different sha256
   * is a problem ({@code FILE_MISSING_SINCE_DOWNLOAD}, {@code FILE_CHANGED_SINCE_DOWNLOAD}).
   */
  public List<Problem> verify(Path root, boolean fullHash) {
    List<Problem> out = new ArrayList<>();
    for (Entry e : entries) {
      Path f = root.resolve(e.path());
      try {
        if (!Files.isRegularFile(f)) {
          out.add(Problem.warning("FILE_MISSING_SINCE_DOWNLOAD", f.toString(), 0, null, null,
              "the file listed in " + FILE + " is gone.", "Run 'mmrare download' again."));
          continue;
        }
        boolean same = Files.size(f) == e.size() && Files.getLastModifiedTime(f).toMillis() == e.mtimeMillis();
        if (same && !fullHash) {
          continue;
        }
        String sha = org.mmrarebench.data.internal.FileDigests.sha256Read(f);
        if (!sha.equals(e.sha256())) {
          out.add(Problem.warning("FILE_CHANGED_SINCE_DOWNLOAD", f.toString(), 0, null, null,
              "the file changed since it was downloaded (sha256 " + sha.substring(0, 12) + "..., downloaded "
                  + e.sha256().substring(0, 12) + "..., " + Files.size(f) + " bytes, downloaded " + e.size() + ").",
              "If the change was not intended, run 'mmrare download' again; results on changed data are not"
                  + " comparable with others."));
        }
      } catch (IOException ex) {
        out.add(Problem.error("FILE_UNREADABLE", f.toString(), 0, null, null, "cannot check the file: " + ex + ".",
            "Check the file's permissions."));
      }
    }
    return out;
  }
}
