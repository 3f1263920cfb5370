package org.mmrarebench.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmrarebench.testing.Shared;

/** A real browser opens the report: charts are in the DOM, a screenshot is taken, the console shows no error. */
class ReportBrowserTest {
  @Test
  void reportOpensInHeadlessChromium(@TempDir Path tmp) throws Exception {
    Path chromium = Shared.chromium();
    assertEquals(0, CliTest.run("evaluate", "--out", tmp.resolve("a").toString(), "--resamples", "200").code());
    assertEquals(0, CliTest.run("evaluate", "--out", tmp.resolve("b").toString(), "--mode", "strict",
        "--resamples", "200").code());
    CliTest.Run rep = CliTest.run("report", tmp.resolve("a").toString(), tmp.resolve("b").toString(), "--out",
        tmp.resolve("rep").toString(), "--resamples", "200");
    assertEquals(0, rep.code(), rep.err());
    Path html = tmp.resolve("rep/report.html");
    String text = Files.readString(html);
    for (String forbidden : List.of("src=\"http", "href=\"http", "url(http", "@import", "<link", "src=\"//")) {
      assertFalse(text.contains(forbidden), "report.html must not load anything over the network: " + forbidden);
    }
    assertTrue(text.contains("<svg class=\"chart"));
    assertTrue(Files.readString(tmp.resolve("rep/leaderboard.md")).contains("| model |"));
    assertTrue(Files.readString(tmp.resolve("rep/leaderboard.csv")).startsWith("model,track,metric"));

    Path png = tmp.resolve("report.png");
    Run shot = chromium(chromium, tmp, "--enable-logging=stderr", "--v=0", "--window-size=1200,2400",
        "--screenshot=" + png, html.toUri().toString());
    assertTrue(Files.size(png) > 10_000, "screenshot saved: " + shot.err());
    List<String> console = new ArrayList<>();
    Matcher m = Pattern.compile("CONSOLE[^\\n]*").matcher(shot.err());
    while (m.find()) {
      console.add(m.group());
    }
    assertTrue(console.stream().anyMatch(l -> l.contains("mmrare-report-ready")), "console captured: " + console);
    assertTrue(console.stream().noneMatch(l -> l.contains("Uncaught") || l.contains("Error")), console.toString());
    Run dom = chromium(chromium, tmp, "--dump-dom", html.toUri().toString());
    int bars = count(dom.out(), "class=\"chart bars\"");
    assertEquals(4, bars, "one bar chart per track");
    assertEquals(1, count(dom.out(), "class=\"chart radar\""));
    assertTrue(dom.out().contains("data-charts=\"5\""), "the page script ran and saw every chart");
    assertTrue(dom.out().contains("Paired comparison"));
  }

  record Run(String out, String err) {}

  static Run chromium(Path browser, Path tmp, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + Files.createTempDirectory(tmp, "chrome")));
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile(tmp, "out", ".txt");
    Path err = Files.createTempFile(tmp, "err", ".txt");
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish in 90 s: " + Files.readString(err));
    }
    return new Run(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  static int count(String s, String needle) {
    int n = 0;
    for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
