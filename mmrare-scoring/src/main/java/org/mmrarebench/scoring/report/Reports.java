package org.mmrarebench.scoring.report;

import static org.mmrarebench.scoring.report.ReportSections.esc;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.mmrarebench.core.Track;
import org.mmrarebench.core.internal.AtomicFiles;
import org.mmrarebench.scoring.Bootstrap;
import org.mmrarebench.scoring.PairedComparison;
import org.mmrarebench.scoring.TrackMetrics;
import org.mmrarebench.scoring.internal.JsonFiles;

/**
 * Writes {@code leaderboard.md}, {@code leaderboard.csv} and {@code report.html} for one or more
 * runs. The HTML is one self-contained file - inline CSS and SVG, a few lines of inline script, no
 * network reference - with per-track bars and interval whiskers, a radar chart over the four tracks,
 * breakdown tables, the paired comparison of the first run with each other run, and provenance.
 */
public final class Reports {
  private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"};

  private Reports() {}

  /** Writes the three files into {@code out}. */
  public static void write(List<RunSummary> runs, Path out, Bootstrap bootstrap) {
    write(runs, out, bootstrap, List.of());
  }

  /**
   * Writes the three files into {@code out}; with human verdicts, report.html gets a section on
   * each strict-mode run's agreement with them.
   */
  public static void write(List<RunSummary> runs, Path out, Bootstrap bootstrap,
      List<org.mmrarebench.scoring.agreement.Agreement.HumanVerdict> human) {
    // each file is built in memory first, then replaces the old one atomically
    AtomicFiles.writeString(out.resolve("leaderboard.md"), markdown(runs));
    AtomicFiles.writeString(out.resolve("leaderboard.csv"), csv(runs));
    AtomicFiles.writeString(out.resolve("report.html"), html(runs, bootstrap, human));
  }

  private static String fmt(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v);
  }

  private static double rate(RunSummary r, Track t, String key) {
    double n = r.number(t, "n_total");
    return n > 0 ? r.number(t, key) / n : Double.NaN;
  }

  private static double errorRate(RunSummary r, Track t) {
    double n = r.number(t, "n_total");
    return n > 0 ? (r.number(t, "n_judge_error") + r.number(t, "n_model_error")) / n : Double.NaN;
  }

  /** Models x tracks: value [95 % CI] (n), with unscored and error rates, mode and judge. */
  static String markdown(List<RunSummary> runs) {
    StringBuilder sb = new StringBuilder("# MMRareBench leaderboard\n\n");
    sb.append("| model | mode | judge |");
    for (Track t : Track.values()) {
      sb.append(' ').append(t.folder()).append(" |");
    }
    sb.append("\n|---|---|---|").append("---|".repeat(Track.values().length)).append('\n');
    for (RunSummary r : runs) {
      sb.append("| ").append(md(r.model())).append(" | ").append(md(r.mode())).append(" | ").append(md(r.judge()))
          .append(" |");
      for (Track t : Track.values()) {
        if (r.primaryKey(t).isEmpty()) {
          sb.append(" - |");
          continue;
        }
        String k = r.primaryKey(t).get();
        double[] ci = r.unitInterval(t);
        double scale = k.equals("diagnosis_f1") ? 100 : 1;
        sb.append(String.format(Locale.ROOT, " %s %s [%s, %s] (n=%d; unscored %.1f%%, errors %.1f%%) |", k,
            fmt(r.number(t, k)), fmt(ci[0] * scale), fmt(ci[1] * scale), (long) r.number(t, "n_total"),
            100 * rate(r, t, "n_unscored"), 100 * errorRate(r, t)));
      }
      sb.append('\n');
    }
    sb.append("\nIntervals: 95 %; Wilson for 0/1 scores, the seeded expanded percentile bootstrap otherwise. Runs with"
        + " fewer than " + TrackMetrics.SMALL_N + " items are small samples. Fallback runs (no judge) report the reference fallback metrics"
        + " (diagnosis_f1 on 0-100, substring_match), not judge scores.\n");
    return sb.toString();
  }

  /** One row per run and track. */
  static String csv(List<RunSummary> runs) {
    StringBuilder sb = new StringBuilder(
        "model,track,metric,value,ci95_low,ci95_high,n,unscored_rate,error_rate,mode,judge\n");
    for (RunSummary r : runs) {
      for (Track t : Track.values()) {
        if (r.primaryKey(t).isEmpty()) {
          continue;
        }
        String k = r.primaryKey(t).get();
        double scale = k.equals("diagnosis_f1") ? 100 : 1;
        double[] ci = r.unitInterval(t);
        sb.append(String.join(",", q(r.model()), t.folder(), k, fmt(r.number(t, k)), fmt(ci[0] * scale),
            fmt(ci[1] * scale), Long.toString((long) r.number(t, "n_total")), fmt(rate(r, t, "n_unscored")),
            fmt(errorRate(r, t)), q(r.mode()), q(r.judge()))).append('\n');
      }
    }
    return sb.toString();
  }

  /**
   * A quoted CSV text cell, neutralised against spreadsheet formula injection: a cell starting with
   * {@code =}, {@code +}, {@code @}, a tab or CR, or {@code -} not followed by a digit, gets a
   * leading {@code '} (OWASP's advice), so a model named {@code =HYPERLINK(...)} stays text.
   */
  static String q(String s) {
    String t = s;
    if (!t.isEmpty()) {
      char c = t.charAt(0);
      boolean minusText = c == '-' && (t.length() == 1 || !Character.isDigit(t.charAt(1)));
      if (c == '=' || c == '+' || c == '@' || c == '\t' || c == '\r' || minusText) {
        t = "'" + t;
      }
    }
    return "\"" + t.replace("\"", "\"\"") + "\"";
  }

  /** Text for a Markdown table cell: HTML escaped, {@code |} escaped, line breaks as spaces. */
  static String md(String s) {
    return esc(s).replace("|", "\\|").replace("\r", " ").replace("\n", " ");
  }

  static String html(List<RunSummary> runs, Bootstrap bootstrap) {
    return html(runs, bootstrap, List.of());
  }

  static String html(List<RunSummary> runs, Bootstrap bootstrap,
      List<org.mmrarebench.scoring.agreement.Agreement.HumanVerdict> human) {
    StringBuilder h = new StringBuilder(65_536);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>MMRareBench report</title><style>")
        .append("body{font-family:system-ui,sans-serif;margin:24px auto;padding:0 12px;color:#222;max-width:1060px}")
        .append("table{border-collapse:collapse;margin:8px 0 16px;max-width:100%}td,th{border:1px solid #ccc;")
        .append("padding:3px 8px;text-align:right;overflow-wrap:break-word}.text,th.text,td.text{text-align:left}")
        // long names (model@URL) may break anywhere, so no table is wider than the page
        .append(".text,.name{overflow-wrap:anywhere}")
        .append("h2{margin-top:32px}.banner{background:#fff3cd;border:1px solid #e0b000;padding:10px 14px;")
        .append("border-radius:4px;margin:12px 0}")
        .append(".small-n{background:#fde2b3;color:#7a4b00;border-radius:3px;padding:0 4px;font-size:11px}")
        .append(".legend span{display:inline-block;margin-right:16px}.sw{display:inline-block;width:12px;height:12px;")
        .append("margin-right:4px;vertical-align:middle}pre{background:#f6f6f6;padding:8px;overflow:auto;font-size:12px;")
        .append("white-space:pre-wrap;overflow-wrap:anywhere;margin:2px 0 8px}details{margin:8px 0}")
        .append("svg.chart{max-width:100%}.filters label{margin-right:12px}.item{border:1px solid #ccc;")
        .append("border-radius:4px;padding:8px;margin:10px 0}.item-head{font-weight:600;margin-bottom:4px}")
        .append(".label{font-size:11px;color:#666;text-transform:uppercase}.runs{display:grid;gap:8px}")
        .append(".run{border-left:3px solid #1f77b4;padding-left:6px;min-width:0}.run-name{font-weight:600}")
        .append(".st-SCORED{color:#2a7}.st-UNSCORED{color:#b70}.st-JUDGE_ERROR,.st-MODEL_ERROR{color:#c22}")
        .append(".message{font-size:12px;color:#a40}</style></head><body>\n");
    h.append("<h1>MMRareBench report</h1>\n").append(ReportSections.syntheticBanner(runs));
    h.append("<p>").append(runs.size()).append(runs.size() == 1 ? " run" : " runs").append(". Bars show each track's"
        + " headline metric on a 0-1 scale (diagnosis F1 divided by 100) with 95 % interval whiskers (Wilson for 0/1"
        + " scores, the expanded percentile bootstrap otherwise; see the leaderboard's interval method). Groups and"
        + " runs under " + TrackMetrics.SMALL_N + " items are marked <span class=\"small-n\">small n</span>.</p>\n");
    h.append("<div class=\"legend\">");
    for (int i = 0; i < runs.size(); i++) {
      h.append("<span><i class=\"sw\" style=\"background:").append(COLORS[i % COLORS.length]).append("\"></i>")
          .append(esc(runs.get(i).model())).append(" (").append(esc(runs.get(i).mode())).append(")</span>");
    }
    h.append("</div>\n<h2>Tracks</h2>\n").append(bars(runs)).append("\n<h2>Radar</h2>\n").append(radar(runs));
    h.append("\n<h2>Leaderboard</h2>\n<table><tr><th class=\"text\">model</th><th class=\"text\">track</th>")
        .append("<th class=\"text\">metric (scale)</th><th>value</th><th>95% CI</th><th class=\"text\">interval")
        .append(" method</th><th>n</th><th>unscored</th><th>errors</th><th class=\"text\">judge</th></tr>\n");
    for (RunSummary r : runs) {
      for (Track t : Track.values()) {
        r.primaryKey(t).ifPresent(k -> {
          double scale = k.equals("diagnosis_f1") ? 100 : 1;
          double[] ci = r.unitInterval(t);
          h.append("<tr><td class=\"text\">").append(esc(r.model())).append("</td><td class=\"text\">")
              .append(t.folder()).append("</td><td class=\"text\">").append(k).append(scale == 100 ? " (0-100)" : " (0-1)")
              .append("</td><td>").append(fmt(r.number(t, k))).append("</td><td>[").append(fmt(ci[0] * scale))
              .append(",\u00a0").append(fmt(ci[1] * scale)).append("]</td><td class=\"text\">")
              .append(esc(r.text(t, k + "_ci_method"))).append("</td><td>").append((long) r.number(t, "n_total"))
              .append(r.number(t, "n_total") < TrackMetrics.SMALL_N ? " <span class=\"small-n\">small n</span>" : "")
              .append("</td><td>").append(ReportSections.pct(rate(r, t, "n_unscored"))).append("</td><td>")
              .append(ReportSections.pct(errorRate(r, t))).append("</td><td class=\"text\">").append(esc(r.judge()))
              .append("</td></tr>\n");
        });
      }
    }
    h.append("</table>\n").append(ReportSections.orphanet(runs)).append(ReportSections.heatmaps(runs));
    if (runs.size() >= 2) {
      h.append("<h2>Paired comparison</h2>\n<table><tr><th class=\"text\">A</th><th class=\"text\">B</th>")
          .append("<th class=\"text\">track</th><th>paired</th>")
          .append("<th>mean A</th><th>mean B</th><th>A - B</th><th>95% CI</th><th>Wilcoxon p</th><th>Holm p</th>")
          .append("<th>comparable</th>")
          .append("</tr>\n");
      RunSummary a = runs.get(0);
      for (RunSummary b : runs.subList(1, runs.size())) {
        // one comparison of two runs covers up to four tracks: Holm-adjust their p-values together
        List<Track> comparable = new java.util.ArrayList<>();
        List<PairedComparison> cmp = new java.util.ArrayList<>();
        for (Track t : Track.values()) {
          if (a.tracks().contains(t) && b.tracks().contains(t) && a.incomparability(b, t).isEmpty()) {
            comparable.add(t);
            cmp.add(PairedComparison.compare(t, a.items(), b.items(), bootstrap));
          }
        }
        double[] holm = PairedComparison.holm(cmp.stream().mapToDouble(PairedComparison::wilcoxonP).toArray());
        for (Track t : Track.values()) {
          if (!a.tracks().contains(t) || !b.tracks().contains(t)) {
            continue;
          }
          int i = comparable.indexOf(t);
          if (i < 0) {
            // never a p-value for numbers that do not measure the same thing
            h.append("<tr class=\"incomparable\"><td class=\"text\">").append(esc(a.model()))
                .append("</td><td class=\"text\">").append(esc(b.model())).append("</td><td class=\"text\">")
                .append(t.folder()).append("</td><td class=\"text\" colspan=\"8\">not comparable: ").append(esc(String.join("; ",
                    a.incomparability(b, t)))).append("</td></tr>\n");
            continue;
          }
          PairedComparison c = cmp.get(i);
          h.append("<tr><td class=\"text\">").append(esc(a.model())).append("</td><td class=\"text\">")
              .append(esc(b.model())).append("</td><td class=\"text\">").append(t.folder()).append("</td><td>")
              .append(c.nPaired())
              .append(c.nPaired() < TrackMetrics.SMALL_N ? " <span class=\"small-n\">small n</span>" : "")
              .append("</td><td>").append(fmt(c.meanA()))
              .append("</td><td>").append(fmt(c.meanB())).append("</td><td>").append(fmt(c.meanDifference()))
              .append("</td><td>[").append(fmt(c.interval().low())).append(", ").append(fmt(c.interval().high()))
              .append("]</td><td>").append(fmt(c.wilcoxonP())).append("</td><td>").append(fmt(holm[i]))
              .append("</td><td>yes</td></tr>\n");
        }
      }
      h.append("</table>\n");
    }
    h.append(ReportSections.humanAgreement(runs, human, bootstrap));
    h.append(ReportSections.selfConsistency(runs, bootstrap));
    h.append(ReportSections.panel(runs));
    h.append(ReportSections.itemBrowser(runs));
    h.append("<h2>Provenance</h2>\n");
    for (RunSummary r : runs) {
      h.append("<details><summary>").append(esc(r.model())).append(" - ").append(esc(r.dir().toString()))
          .append("</summary><pre>").append(esc(JsonFiles.pretty(r.provenanceJson()))).append("</pre></details>\n");
    }
    // attributes, not visible text: what the page looks like is for readers
    h.append("<script>\n(function(){var charts=document.querySelectorAll('svg.chart');")
        .append("document.body.setAttribute('data-charts',String(charts.length));")
        .append("document.body.setAttribute('data-hscroll',String(document.documentElement.scrollWidth>")
        .append("document.documentElement.clientWidth));")
        .append("console.log('mmrare-report-ready '+charts.length);})();\n</script>\n</body></html>\n");
    return h.toString();
  }

  /** One SVG per track: a bar per run with its interval whisker. */
  static String bars(List<RunSummary> runs) {
    StringBuilder s = new StringBuilder();
    int w = 250;
    int hgt = 200;
    for (Track t : Track.values()) {
      if (runs.stream().noneMatch(r -> r.tracks().contains(t))) {
        continue;
      }
      s.append("<svg class=\"chart bars\" role=\"img\" aria-label=\"").append(t.folder()).append("\" width=\"").append(w)
          .append("\" height=\"").append(hgt + 40).append("\" viewBox=\"0 0 ").append(w).append(' ').append(hgt + 40)
          .append("\" xmlns=\"http://www.w3.org/2000/svg\">");
      s.append("<text x=\"").append(w / 2).append("\" y=\"14\" text-anchor=\"middle\" font-size=\"13\">")
          .append(t.folder()).append("</text>");
      boolean mixed = runs.stream().map(r -> r.primaryKey(t)).filter(java.util.Optional::isPresent).distinct().count() > 1;
      if (mixed) {
        // judged scores and the no-judge fallback are different quantities: say so on the axis
        s.append("<text class=\"incomparable\" x=\"").append(w / 2).append("\" y=\"28\" text-anchor=\"middle\"")
            .append(" font-size=\"10\" fill=\"#b00\">not comparable: dashed bars are the no-judge fallback</text>");
      }
      s.append("<line x1=\"30\" y1=\"").append(hgt + 20).append("\" x2=\"").append(w - 10).append("\" y2=\"")
          .append(hgt + 20).append("\" stroke=\"#888\"/>");
      for (double tick : new double[] {0, 0.5, 1}) {
        double y = hgt + 20 - tick * (hgt - 10);
        s.append(String.format(Locale.ROOT, "<text x=\"26\" y=\"%.1f\" text-anchor=\"end\" font-size=\"10\">%.1f</text>",
            y + 3, tick));
      }
      int n = runs.size();
      double slot = (w - 40.0) / n;
      for (int i = 0; i < n; i++) {
        RunSummary r = runs.get(i);
        double v = r.unitValue(t);
        if (Double.isNaN(v)) {
          continue;
        }
        double x = 35 + i * slot;
        double bw = Math.max(6, slot - 10);
        double y = hgt + 20 - v * (hgt - 10);
        boolean fallback = r.primaryKey(t).map(k -> !k.endsWith("_judge_score")).orElse(false);
        s.append(String.format(Locale.ROOT, "<rect class=\"bar%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\""
            + " fill=\"%s\"%s><title>%s: %s (%s)</title></rect>", fallback ? " fallback" : "", x, y, bw, hgt + 20 - y,
            COLORS[i % COLORS.length], fallback ? " fill-opacity=\"0.35\" stroke=\"#000\" stroke-dasharray=\"4 3\"" : "",
            esc(r.model()), fmt(v), esc(r.primaryKey(t).orElse("-"))));
        s.append(String.format(Locale.ROOT, "<text class=\"value\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\""
            + " font-size=\"10\">%.3f</text>", x + bw / 2, Math.max(40, y - 3), v));
        if (r.number(t, "n_total") < TrackMetrics.SMALL_N) {
          s.append(String.format(Locale.ROOT, "<text class=\"small-n\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\""
              + " font-size=\"9\" fill=\"#7a4b00\">small n</text>", x + bw / 2, hgt + 32));
        }
        double[] ci = r.unitInterval(t);
        if (!Double.isNaN(ci[0])) {
          double cx = x + bw / 2;
          double y0 = hgt + 20 - ci[0] * (hgt - 10);
          double y1 = hgt + 20 - ci[1] * (hgt - 10);
          s.append(String.format(Locale.ROOT, "<g class=\"whisker\" stroke=\"#000\"><line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\""
              + " y2=\"%.1f\"/><line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/><line x1=\"%.1f\" y1=\"%.1f\""
              + " x2=\"%.1f\" y2=\"%.1f\"/></g>", cx, y0, cx, y1, cx - 4, y0, cx + 4, y0, cx - 4, y1, cx + 4, y1));
        }
      }
      s.append("</svg>\n");
    }
    return s.toString();
  }

  /** A radar chart with one axis per track and one polygon per run. */
  static String radar(List<RunSummary> runs) {
    boolean mixed = false;
    for (Track t : Track.values()) {
      mixed |= runs.stream().map(r -> r.primaryKey(t)).filter(java.util.Optional::isPresent).distinct().count() > 1;
    }
    String note = mixed ? "<p class=\"incomparable\" style=\"color:#b00\">Not comparable on one axis: some runs"
        + " report the no-judge fallback (diagnosis_f1 / 100, substring_match), others judge scores.</p>\n" : "";
    return note + radarSvg(runs);
  }

  private static String radarSvg(List<RunSummary> runs) {
    int size = 440;
    double cx = size / 2.0;
    double cy = size / 2.0;
    double rad = 130;
    Track[] ts = Track.values();
    StringBuilder s = new StringBuilder();
    s.append("<svg class=\"chart radar\" role=\"img\" aria-label=\"radar\" width=\"").append(size).append("\" height=\"")
        .append(size).append("\" viewBox=\"0 0 ").append(size).append(' ').append(size)
        .append("\" xmlns=\"http://www.w3.org/2000/svg\">");
    for (double ring : new double[] {0.25, 0.5, 0.75, 1}) {
      s.append("<polygon fill=\"none\" stroke=\"#ddd\" points=\"");
      for (int i = 0; i < ts.length; i++) {
        double a = -Math.PI / 2 + 2 * Math.PI * i / ts.length;
        s.append(String.format(Locale.ROOT, "%.1f,%.1f ", cx + ring * rad * Math.cos(a), cy + ring * rad * Math.sin(a)));
      }
      s.append("\"/>");
    }
    for (int i = 0; i < ts.length; i++) {
      double a = -Math.PI / 2 + 2 * Math.PI * i / ts.length;
      s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#bbb\"/>"
          + "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"12\">%s</text>", cx, cy,
          cx + rad * Math.cos(a), cy + rad * Math.sin(a), cx + (rad + 18) * Math.cos(a),
          cy + (rad + 18) * Math.sin(a) + 4, ts[i].folder()));
    }
    for (int r = 0; r < runs.size(); r++) {
      s.append("<polygon class=\"series\" fill=\"").append(COLORS[r % COLORS.length])
          .append("\" fill-opacity=\"0.2\" stroke=\"").append(COLORS[r % COLORS.length]).append("\" points=\"");
      for (int i = 0; i < ts.length; i++) {
        double v = runs.get(r).unitValue(ts[i]);
        v = Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
        double a = -Math.PI / 2 + 2 * Math.PI * i / ts.length;
        s.append(String.format(Locale.ROOT, "%.1f,%.1f ", cx + v * rad * Math.cos(a), cy + v * rad * Math.sin(a)));
      }
      s.append("\"><title>").append(esc(runs.get(r).model())).append("</title></polygon>");
    }
    return s.append("</svg>\n").toString();
  }
}
