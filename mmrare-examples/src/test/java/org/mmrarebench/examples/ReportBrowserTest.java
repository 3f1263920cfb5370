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
    // the parts a researcher reads
    assertTrue(dom.out().contains("class=\"banner\""), "the synthetic-data banner is visible");
    assertTrue(dom.out().contains("Orphanet metric (diagnosis)"));
    assertTrue(count(dom.out(), "class=\"heat\"") >= 6, "heatmaps: diagnosis x3, other tracks x1");
    assertTrue(dom.out().contains("data-items-shown=\"25\""), "the item browser rendered its first page");
    assertEquals(25, count(dom.out(), "class=\"item\""));
    assertTrue(dom.out().contains("48 of 48 items"));
    assertFalse(dom.out().contains("5 charts"), "no test hook in the visible page");
    Run filtered = chromium(chromium, tmp, "--window-size=1100,2000", "--dump-dom",
        html.toUri() + "#track=diagnosis&status=SCORED&images=4");
    assertTrue(filtered.out().contains("4 of 48 items"), "filters from the address: " + between(filtered.out(),
        "item-count", 80));
    assertEquals(4, count(filtered.out(), "class=\"item\""));
    assertEquals(8, count(filtered.out(), "class=\"run\""), "two runs side by side for each item");
    assertTrue(filtered.out().contains("data-hscroll=\"false\""), "no horizontal scrolling at 1100 px");
  }

  @Test
  void userControlledTextIsNeverMarkup(@TempDir Path tmp) throws Exception {
    Path chromium = Shared.chromium();
    try (FakeOpenAiServer server = new FakeOpenAiServer()) {
      String hostile = "</script><img src=x onerror=\"document.title='pwned'\"><b>bold</b> & \u2028";
      server.fixedAnswer = hostile;
      assertEquals(0, CliTest.run("evaluate", "--base-url", server.baseUrl(), "--model",
          "<img src=y onerror=\"document.title='pwned2'\">|=cmd", "--track", "diagnosis", "--out",
          tmp.resolve("a").toString(), "--resamples", "50", "--quiet").code());
    }
    assertEquals(0, CliTest.run("report", tmp.resolve("a").toString(), "--out", tmp.resolve("rep").toString(),
        "--resamples", "50").code());
    Path html = tmp.resolve("rep/report.html");
    String text = Files.readString(html);
    assertFalse(text.contains("</script><img"), "the data cannot close its script element");
    assertFalse(text.contains("<img src=y"), "the model name is escaped");
    Run dom = chromium(chromium, tmp, "--dump-dom", html.toUri().toString());
    assertFalse(dom.out().contains("<img src=\"x\"") || dom.out().contains("<img src=\"y\""), "no injected element");
    assertTrue(dom.out().contains("<title>MMRareBench report</title>"), "no injected script ran (it sets the title)");
    assertFalse(dom.out().contains("<b>bold</b>"));
    assertTrue(dom.out().contains("&lt;img src=x onerror="), "the prediction shows as text");
    String md = Files.readString(tmp.resolve("rep/leaderboard.md"));
    assertTrue(md.contains("&lt;img src=y") && md.contains("\\|=cmd"), md);
    String csv = Files.readString(tmp.resolve("rep/leaderboard.csv"));
    assertFalse(csv.contains(",\"=") || csv.contains(",=") , csv);
  }

  static String between(String s, String marker, int n) {
    int i = s.indexOf(marker);
    return i < 0 ? "(no " + marker + ")" : s.substring(i, Math.min(s.length(), i + n));
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
