package org.mmrarebench.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mmrarebench.core.Track;
import org.mmrarebench.data.download.ReleaseDownload;
import org.mmrarebench.data.download.ReleaseManifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mmrare download}: the release's four files from the Hugging Face Hub, resumable and checked. */
@Command(name = "download", mixinStandardHelpOptions = true,
    description = "Download the MMRareBench release (the four track files of the Hugging Face dataset"
        + " junzhin/MMrarebench) into $LMUData/MMrarebench or --out. Honours HF_ENDPOINT (mirrors) and HF_TOKEN"
        + " (sent only to that endpoint, never stored or printed); resumes a broken transfer; a file replaces the"
        + " previous one only when complete and correct.")
final class DownloadCommand implements Callable<Integer> {
  @Option(names = "--out", paramLabel = "DIR", description = "Release root to fill (default: $LMUData/MMrarebench,"
      + " LMUData defaulting to ~/LMUData).") Path out;
  @Option(names = "--track", paramLabel = "TRACK", description = "Only this track (repeatable; default: all four).")
  List<String> only = new ArrayList<>();
  @Option(names = "--revision", paramLabel = "REV", defaultValue = "main",
      description = "Dataset branch, tag or commit (default: ${DEFAULT-VALUE}).") String revision;
  @Option(names = "--quiet", description = "No progress on stderr.") boolean quiet;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    ReleaseDownload.Builder b = ReleaseDownload.builder(EvaluateCommand.env).revision(revision);
    if (out != null) {
      b.root(out);
    }
    if (!only.isEmpty()) {
      b.tracks(only.stream().map(Track::parse).toList());
    }
    PrintWriter err = spec.commandLine().getErr();
    if (!quiet) {
      long[] last = {0};
      b.progress((file, bytes, total) -> {
        long now = System.nanoTime();
        if (now - last[0] > 500_000_000L || bytes == total) {
          last[0] = now;
          err.printf(Locale.ROOT, "\r%-40s %8.1f MB%s", file, bytes / 1e6,
              total > 0 ? String.format(Locale.ROOT, " of %.1f MB (%.0f%%)", total / 1e6, 100.0 * bytes / total) : "");
          if (bytes == total) {
            err.println();
          }
          err.flush();
        }
      });
    }
    ReleaseDownload d = b.build();
    ReleaseManifest m = d.run();
    PrintWriter w = spec.commandLine().getOut();
    for (ReleaseManifest.Entry e : m.entries()) {
      w.printf(Locale.ROOT, "%-40s %12d bytes  sha256 %s%s%n", e.path(), e.size(), e.sha256(),
          e.serverChecked() ? " (matches the server's)" : "");
    }
    w.printf(Locale.ROOT, "release in %s; manifest %s%n", d.root(), d.root().resolve(ReleaseManifest.FILE));
    return 0;
  }
}
