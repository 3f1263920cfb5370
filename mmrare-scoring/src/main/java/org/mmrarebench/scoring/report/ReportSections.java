package org.mmrarebench.scoring.report;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mmrarebench.core.ItemId;
import org.mmrarebench.core.Track;
import org.mmrarebench.scoring.ItemResult;
import org.mmrarebench.scoring.TrackMetrics;
import org.mmrarebench.scoring.internal.JsonFiles;
import org.mmrarebench.scoring.internal.JsonP;

/**
 * The parts of report.html that let a researcher read the results: the synthetic-data banner, the
 * Orphanet metric, breakdowns side by side as model x group heatmaps, and the item browser (every
 * item of every run, filterable, paginated, runs side by side). Everything user-controlled is
 * escaped: HTML text through {@link #esc}, and the item data as JSON whose {@code <}, {@code >} and
 * {@code &} are written as {@code \\u003c} escapes, rendered by the page script with
 * {@code textContent} only.
 */
final class ReportSections {
  private ReportSections() {}

  /** Text for HTML (element content or a quoted attribute). */
  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  /** A visible banner when any run was made on synthetic data. */
  static String syntheticBanner(List<RunSummary> runs) {
    List<String> synthetic = runs.stream().filter(RunSummary::synthetic).map(RunSummary::model).toList();
    if (synthetic.isEmpty()) {
      return "";
    }
    return "<div class=\"banner\" role=\"alert\"><strong>Synthetic data.</strong> " + esc(String.join(", ", synthetic))
        + (synthetic.size() == 1 ? " was" : " were") + " run on a synthetic dataset (such as mmrare's embedded"
        + " sample): its cases are not clinical data, and these numbers say nothing about how a model does on"
        + " MMRareBench.</div>\n";
  }

  /** The ontology-aware diagnosis metric per run, when any run reports it. */
  static String orphanet(List<RunSummary> runs) {
    StringBuilder h = new StringBuilder();
    boolean any = runs.stream().anyMatch(r -> !Double.isNaN(r.number(Track.DIAGNOSIS, "diagnosis_orpha_exact")));
    if (!any) {
      return "";
    }
    h.append("<h2>Orphanet metric (diagnosis)</h2>\n<p>The prediction mapped to ORPHA codes by name: <em>exact</em>"
        + " names the gold entry (label or synonym); <em>related</em> also counts a broader, narrower or sibling"
        + " entry. Shares of items, as %.</p>\n<table><tr><th class=\"text\">model</th><th>exact</th><th>related</th>"
        + "<th>n</th></tr>\n");
    for (RunSummary r : runs) {
      double ex = r.number(Track.DIAGNOSIS, "diagnosis_orpha_exact");
      if (Double.isNaN(ex)) {
        continue;
      }
      h.append("<tr><td class=\"text\">").append(esc(r.model())).append("</td><td>").append(pct(ex))
          .append("</td><td>").append(pct(r.number(Track.DIAGNOSIS, "diagnosis_orpha_related"))).append("</td><td>")
          .append((long) r.number(Track.DIAGNOSIS, "diagnosis_orpha_exact_n")).append("</td></tr>\n");
    }
    return h.append("</table>\n").toString();
  }

  static String pct(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f\u00a0%%", 100 * v); // the sign stays with the number
  }

  /**
   * Breakdowns side by side: one table per track and grouping, groups down, runs across, each cell
   * coloured by its value on the track's 0-1 scale (a heatmap); small groups marked.
   */
  static String heatmaps(List<RunSummary> runs) {
    StringBuilder h = new StringBuilder("<h2>Breakdowns</h2>\n<p>Each cell is a run's headline metric within a group,"
        + " on the track's scale, shaded from white (0) to dark (the maximum). Groups under " + TrackMetrics.SMALL_N
        + " items are marked <span class=\"small-n\">small n</span>: read them with care.</p>\n");
    for (Track t : Track.values()) {
      List<RunSummary> with = runs.stream().filter(r -> r.tracks().contains(t)).toList();
      if (with.isEmpty()) {
        continue;
      }
      List<String> groupings = t == Track.DIAGNOSIS ? List.of("by_category", "by_image_count", "by_orpha_code")
          : List.of("by_image_count");
      for (String b : groupings) {
        Set<String> groups = new LinkedHashSet<>();
        for (RunSummary r : with) {
          if (r.trackJson(t).get(b) instanceof JsonObject g) {
            groups.addAll(g.keySet());
          }
        }
        if (groups.isEmpty()) {
          continue;
        }
        boolean open = !b.equals("by_orpha_code");
        h.append("<details").append(open ? " open" : "").append(" class=\"heatmap\"><summary>").append(t.folder())
            .append(" - ").append(b.replace('_', ' ')).append("</summary><table class=\"heat\"><tr><th class=\"text\">")
            .append(b.substring(3).replace('_', ' ')).append("</th><th>n</th>");
        for (RunSummary r : with) {
          String k = r.primaryKey(t).orElse("");
          h.append("<th class=\"name\">").append(esc(r.model())).append("<br><small>").append(esc(k)).append(" (")
              .append(k.equals("diagnosis_f1") ? "0-100" : "0-1").append(")</small></th>");
        }
        h.append("</tr>\n");
        for (String g : groups) {
          int n = 0;
          StringBuilder cells = new StringBuilder();
          for (RunSummary r : with) {
            String k = r.primaryKey(t).orElse("");
            JsonObject row = r.trackJson(t).get(b) instanceof JsonObject gs && gs.get(g) instanceof JsonObject x ? x
                : null;
            double scale = k.equals("diagnosis_f1") ? 100 : 1;
            double v = row != null && row.get(k) instanceof jakarta.json.JsonNumber num ? num.doubleValue() : Double.NaN;
            n = Math.max(n, row == null ? 0 : row.getInt("n", 0));
            double unit = Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v / scale));
            cells.append(String.format(Locale.ROOT, "<td style=\"background:rgba(31,119,180,%.2f);color:%s\">%s</td>",
                0.08 + 0.85 * unit, unit > 0.55 ? "#fff" : "#222", Double.isNaN(v) ? "-"
                    : String.format(Locale.ROOT, scale == 100 ? "%.1f" : "%.3f", v)));
          }
          h.append("<tr><td class=\"text\">").append(esc(g)).append("</td><td>").append(n)
              .append(n < TrackMetrics.SMALL_N ? " <span class=\"small-n\">small n</span>" : "").append("</td>")
              .append(cells).append("</tr>\n");
        }
        h.append("</table></details>\n");
      }
    }
    return h.toString();
  }

  /** Each strict run's per-dimension agreement with human verdicts, when any are given. */
  static String humanAgreement(List<RunSummary> runs, List<org.mmrarebench.scoring.agreement.Agreement.HumanVerdict> human,
      org.mmrarebench.scoring.Bootstrap bootstrap) {
    if (human.isEmpty()) {
      return "";
    }
    StringBuilder h = new StringBuilder("<h2>Judge agreement with human verdicts</h2>\n<p>" + human.size()
        + " human verdicts. Per track and rubric dimension: the share of items where the judge's verdict equals the"
        + " human one (Wilson interval) and Cohen's kappa (bootstrap interval over items). Compat runs record no"
        + " per-dimension verdicts and are left out.</p>\n");
    for (RunSummary r : runs) {
      List<org.mmrarebench.scoring.agreement.Agreement.DimensionAgreement> rows =
          org.mmrarebench.scoring.agreement.Agreement.judgeVsHuman(r.items(), human, bootstrap);
      if (rows.isEmpty()) {
        continue;
      }
      h.append("<table class=\"agreement\"><tr><th class=\"text\">").append(esc(r.model())).append(" - judge ")
          .append(esc(r.judge())).append("</th><th>dimension</th><th>n</th><th>agreement</th><th>95% CI</th>")
          .append("<th>Cohen's kappa</th><th>95% CI</th></tr>\n");
      for (var d : rows) {
        h.append("<tr><td class=\"text\">").append(d.track().folder()).append("</td><td>").append(d.dimension())
            .append("</td><td>").append(d.n()).append(d.n() < TrackMetrics.SMALL_N ? " <span class=\"small-n\">small n"
                + "</span>" : "").append("</td><td>").append(pct(d.percentAgreement())).append("</td><td>[")
            .append(pct(d.percentInterval().low())).append(",\u00a0").append(pct(d.percentInterval().high()))
            .append("]</td><td>").append(num(d.kappa())).append("</td><td>[").append(num(d.kappaInterval().low()))
            .append(",\u00a0").append(num(d.kappaInterval().high())).append("]</td></tr>\n");
      }
      h.append("</table>\n");
    }
    return h.toString();
  }

  /** Each run's judge panel, judges side by side, when its judge was a panel. */
  static String panel(List<RunSummary> runs) {
    StringBuilder h = new StringBuilder();
    for (RunSummary r : runs) {
      List<org.mmrarebench.scoring.agreement.PanelAgreement> rows =
          org.mmrarebench.scoring.agreement.PanelAgreement.of(r.items());
      if (rows.isEmpty()) {
        continue;
      }
      if (h.length() == 0) {
        h.append("<h2>Judge panel</h2>\n<p>Several judges, the majority verdict per rubric dimension (a tie goes to"
            + " NO). Each judge's mean score over the items it read, and the judges' agreement per dimension: Fleiss'"
            + " kappa (items every judge read) and Krippendorff's alpha (nominal; all items).</p>\n");
      }
      h.append("<table class=\"panel\"><tr><th class=\"text\">").append(esc(r.model()))
          .append("</th><th>judges</th><th>items</th><th class=\"text\">mean score per judge (0-1)</th>")
          .append("<th class=\"text\">Fleiss' kappa per dimension</th><th class=\"text\">Krippendorff's alpha")
          .append(" per dimension</th></tr>\n");
      for (var p : rows) {
        h.append("<tr><td class=\"text\">").append(p.track().folder()).append("</td><td>").append(p.judges())
            .append("</td><td>").append(p.items()).append("</td><td class=\"text\">").append(nums(p.judgeMeans(), "%.3f"))
            .append("</td><td class=\"text\">").append(nums(p.fleissKappa(), "%.2f")).append("</td><td class=\"text\">")
            .append(nums(p.krippendorffAlpha(), "%.2f")).append("</td></tr>\n");
      }
      h.append("</table>\n");
    }
    return h.toString();
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
  }

  private static String nums(List<Double> v, String f) {
    return v.stream().map(x -> Double.isNaN(x) ? "-" : String.format(Locale.ROOT, f, x))
        .collect(java.util.stream.Collectors.joining(" "));
  }

  /** Each run's judge self-consistency, when its judge was asked several times per item. */
  static String selfConsistency(List<RunSummary> runs, org.mmrarebench.scoring.Bootstrap bootstrap) {
    StringBuilder h = new StringBuilder();
    for (RunSummary r : runs) {
      List<org.mmrarebench.scoring.agreement.SelfConsistency> rows =
          org.mmrarebench.scoring.agreement.SelfConsistency.of(r.items(), bootstrap);
      if (rows.isEmpty()) {
        continue;
      }
      if (h.length() == 0) {
        h.append("<h2>Judge self-consistency</h2>\n<p>The judge asked several times per item: Fleiss' kappa of its"
            + " samples per rubric dimension, the share of items whose verdicts change between samples, and the mean"
            + " score with an interval that includes the judge's variance (items resampled, then each item's"
            + " samples).</p>\n");
      }
      h.append("<table class=\"consistency\"><tr><th class=\"text\">").append(esc(r.model())).append(" - judge ")
          .append(esc(r.judge())).append("</th><th>samples</th><th>items</th><th>flips</th><th>mean (0-1)</th>")
          .append("<th>95% CI with judge variance</th><th class=\"text\">Fleiss' kappa per dimension</th></tr>\n");
      for (var c : rows) {
        h.append("<tr><td class=\"text\">").append(c.track().folder()).append("</td><td>").append(c.samples())
            .append("</td><td>").append(c.items()).append(c.incomplete() > 0 ? " (+" + c.incomplete() + " incomplete)"
                : "").append("</td><td>").append(pct(c.flipShare())).append("</td><td>")
            .append(String.format(Locale.ROOT, "%.3f", c.meanScore())).append("</td><td>")
            .append(String.format(Locale.ROOT, "[%.3f,\u00a0%.3f]", c.interval().low(), c.interval().high()))
            .append("</td><td class=\"text\">").append(c.fleissKappa().stream().map(k -> Double.isNaN(k) ? "-"
                : String.format(Locale.ROOT, "%.2f", k)).collect(java.util.stream.Collectors.joining(" ")))
            .append("</td></tr>\n");
      }
      h.append("</table>\n");
    }
    return h.toString();
  }

  /** The item browser: the data as JSON, the filters and the page script that renders it. */
  static String itemBrowser(List<RunSummary> runs) {
    Map<ItemId, List<ItemResult>> byItem = new LinkedHashMap<>();
    for (int i = 0; i < runs.size(); i++) {
      for (ItemResult r : runs.get(i).items()) {
        List<ItemResult> slot = byItem.computeIfAbsent(r.id(), k -> new ArrayList<>());
        while (slot.size() < i) {
          slot.add(null);
        }
        slot.add(r);
      }
    }
    JsonArrayBuilder items = JsonP.PROVIDER.createArrayBuilder();
    byItem.forEach((id, rs) -> {
      ItemResult first = rs.stream().filter(x -> x != null).findFirst().orElseThrow();
      JsonObjectBuilder o = JsonP.PROVIDER.createObjectBuilder().add("track", id.track().folder())
          .add("index", id.index()).add("category", first.category()).add("orpha", first.orphaCode())
          .add("images", first.imageCount())
          .add("question", first.annotations().getOrDefault(ItemResult.QUESTION, ""))
          .add("gold", first.annotations().getOrDefault(ItemResult.GOLD, ""));
      JsonArrayBuilder per = JsonP.PROVIDER.createArrayBuilder();
      for (int i = 0; i < runs.size(); i++) {
        ItemResult r = i < rs.size() ? rs.get(i) : null;
        if (r == null) {
          per.addNull();
          continue;
        }
        JsonObjectBuilder x = JsonP.PROVIDER.createObjectBuilder().add("status", r.status().name())
            .add("prediction", r.prediction());
        r.score().ifPresent(v -> x.add("score", v));
        r.f1().ifPresent(v -> x.add("f1", v));
        r.judgeReply().ifPresent(v -> x.add("reply", v));
        r.message().ifPresent(v -> x.add("message", v));
        JsonArrayBuilder verdicts = JsonP.PROVIDER.createArrayBuilder();
        r.verdicts().forEach(verdicts::add);
        x.add("verdicts", verdicts);
        String match = r.annotations().getOrDefault("orpha_match", "");
        if (!match.isEmpty()) {
          x.add("orpha_match", match);
        }
        per.add(x);
      }
      items.add(o.add("runs", per));
    });
    JsonArrayBuilder runInfo = JsonP.PROVIDER.createArrayBuilder();
    runs.forEach(r -> runInfo.add(JsonP.PROVIDER.createObjectBuilder().add("model", r.model()).add("mode", r.mode())));
    JsonValue data = JsonP.PROVIDER.createObjectBuilder().add("runs", runInfo).add("items", items).build();
    // inside <script>, '<' could close the element: JSON escapes keep the text and the page safe
    String json = JsonFiles.line(data).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    return "<h2 id=\"items\">Items</h2>\n<p>Every item of every run. Filter, then page through; with several runs the"
        + " answers stand side by side. Scores are on 0-1 (F1 as 0-1 here).</p>\n"
        + "<div class=\"filters\"><label>track <select id=\"f-track\"></select></label>"
        + "<label>status <select id=\"f-status\"></select></label>"
        + "<label>category <select id=\"f-category\"></select></label>"
        + "<label>ORPHA code <select id=\"f-orpha\"></select></label>"
        + "<label>images <select id=\"f-images\"></select></label></div>\n"
        + "<p id=\"item-count\"></p><div id=\"item-list\"></div>"
        + "<div class=\"pager\"><button id=\"prev\" type=\"button\">previous</button> <span id=\"page\"></span>"
        + " <button id=\"next\" type=\"button\">next</button></div>\n"
        + "<script type=\"application/json\" id=\"items-data\">" + json + "</script>\n"
        + "<script>\n" + BROWSER_JS + "</script>\n";
  }

  /** Renders the item browser with DOM calls and textContent only (never innerHTML of data). */
  private static final String BROWSER_JS = """
      (function(){
        var data=JSON.parse(document.getElementById('items-data').textContent);
        var per=25, page=0;
        var keys={track:'track',status:'status',category:'category',orpha:'orpha',images:'images'};
        var sel={track:'',status:'',category:'',orpha:'',images:''};
        (location.hash||'').replace(/^#/,'').split('&').forEach(function(kv){
          var p=kv.split('='); if(p.length===2&&p[0] in sel){sel[p[0]]=decodeURIComponent(p[1]);}});
        function values(k){var s={};data.items.forEach(function(it){
          if(k==='status'){it.runs.forEach(function(r){if(r){s[r.status]=1;}});}else{s[String(it[k])]=1;}});
          return Object.keys(s).sort();}
        Object.keys(keys).forEach(function(k){
          var el=document.getElementById('f-'+k), all=document.createElement('option');
          all.value='';all.textContent='all';el.appendChild(all);
          values(k).forEach(function(v){var o=document.createElement('option');o.value=v;
            o.textContent=v===''?'(none)':v;el.appendChild(o);});
          el.value=sel[k];
          el.addEventListener('change',function(){sel[k]=el.value;page=0;render();});});
        function match(it){
          if(sel.track&&it.track!==sel.track)return false;
          if(sel.category&&it.category!==sel.category)return false;
          if(sel.orpha&&it.orpha!==sel.orpha)return false;
          if(sel.images&&String(it.images)!==sel.images)return false;
          if(sel.status&&!it.runs.some(function(r){return r&&r.status===sel.status;}))return false;
          return true;}
        function el(tag,cls,text){var e=document.createElement(tag);if(cls){e.className=cls;}
          if(text!==undefined&&text!==null){e.textContent=String(text);}return e;}
        function num(v){return v===undefined?'-':Number(v).toFixed(3);}
        function render(){
          var list=document.getElementById('item-list');while(list.firstChild){list.removeChild(list.firstChild);}
          var shown=data.items.filter(match), pages=Math.max(1,Math.ceil(shown.length/per));
          page=Math.min(page,pages-1);
          document.getElementById('item-count').textContent=shown.length+' of '+data.items.length+' items';
          document.getElementById('page').textContent='page '+(page+1)+' of '+pages;
          shown.slice(page*per,page*per+per).forEach(function(it){
            var card=el('div','item');
            card.appendChild(el('div','item-head',it.track+'/'+it.index+(it.category?' - '+it.category:'')
              +(it.orpha?' - '+it.orpha:'')+' - '+it.images+' image'+(it.images===1?'':'s')));
            card.appendChild(el('div','label','Question'));card.appendChild(el('pre','q',it.question));
            card.appendChild(el('div','label','Gold answer and rubric'));card.appendChild(el('pre','gold',it.gold));
            var grid=el('div','runs');grid.style.gridTemplateColumns='repeat('+data.runs.length+', minmax(0, 1fr))';
            it.runs.forEach(function(r,i){
              var c=el('div','run');c.appendChild(el('div','run-name',data.runs[i].model+' ('+data.runs[i].mode+')'));
              if(!r){c.appendChild(el('div','status','not in this run'));grid.appendChild(c);return;}
              c.appendChild(el('div','status st-'+r.status,r.status+'  score '+num(r.score)
                +(r.f1!==undefined?'  F1 '+num(r.f1):'')+(r.orpha_match?'  Orphanet '+r.orpha_match:'')));
              if(r.message){c.appendChild(el('div','message',r.message));}
              c.appendChild(el('div','label','Prediction'));c.appendChild(el('pre','pred',r.prediction));
              if(r.reply!==undefined){c.appendChild(el('div','label','Judge reply'
                +(r.verdicts.length?' (verdicts '+r.verdicts.join(' ')+')':'')));
                c.appendChild(el('pre','reply',r.reply));}
              grid.appendChild(c);});
            card.appendChild(grid);list.appendChild(card);});
          document.body.setAttribute('data-items-shown',String(list.children.length));}
        document.getElementById('prev').addEventListener('click',function(){if(page>0){page--;render();}});
        document.getElementById('next').addEventListener('click',function(){page++;render();});
        render();
      })();
      """;
}
