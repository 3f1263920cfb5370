package org.mmrarebench.scoring.agreement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mmrarebench.core.Track;
import org.mmrarebench.scoring.ItemResult;
import org.mmrarebench.scoring.JudgePanel;
import org.mmrarebench.scoring.StrictJudgeParser;

/**
 * A judge panel's judges side by side ({@link JudgePanel}): each judge's mean score over the items
 * it read, and per rubric dimension their agreement - Fleiss' kappa over the items every judge read,
 * Krippendorff's alpha (nominal) over all items, a missing judge allowed.
 *
 * @param track the track
 * @param judges panel size
 * @param items items with a panel reply
 * @param judgeMeans each judge's mean score (0-1), NaN for a judge that read nothing
 * @param fleissKappa per dimension
 * @param krippendorffAlpha per dimension
 */
public record PanelAgreement(Track track, int judges, int items, List<Double> judgeMeans, List<Double> fleissKappa,
    List<Double> krippendorffAlpha) {

  /** Copies. */
  public PanelAgreement {
    judgeMeans = List.copyOf(judgeMeans);
    fleissKappa = List.copyOf(fleissKappa);
    krippendorffAlpha = List.copyOf(krippendorffAlpha);
  }

  /** Per track, for results judged by a panel; empty otherwise. */
  public static List<PanelAgreement> of(List<ItemResult> results) {
    Map<Track, List<List<Optional<List<Integer>>>>> byTrack = new LinkedHashMap<>();
    for (ItemResult r : results) {
      List<Optional<List<Integer>>> v = r.judgeReply().map(JudgePanel::judgeVerdicts).orElse(List.of());
      if (v.size() >= 2) {
        byTrack.computeIfAbsent(r.track(), t -> new ArrayList<>()).add(v);
      }
    }
    List<PanelAgreement> out = new ArrayList<>();
    for (Track t : Track.values()) {
      List<List<Optional<List<Integer>>>> items = byTrack.get(t);
      if (items == null) {
        continue;
      }
      int k = items.get(0).size();
      List<Double> means = new ArrayList<>();
      for (int j = 0; j < k; j++) {
        int jj = j;
        means.add(items.stream().filter(i -> i.size() > jj && i.get(jj).isPresent())
            .mapToDouble(i -> StrictJudgeParser.score(t, i.get(jj).get())).average().orElse(Double.NaN));
      }
      List<List<List<Integer>>> complete = items.stream()
          .filter(i -> i.size() == k && i.stream().allMatch(Optional::isPresent))
          .map(i -> i.stream().map(Optional::get).toList()).toList();
      List<Double> kappas = new ArrayList<>();
      List<Double> alphas = new ArrayList<>();
      for (int dim = 0; dim < StrictJudgeParser.dimensions(t); dim++) {
        int d = dim;
        kappas.add(complete.isEmpty() ? Double.NaN : Agreement.fleissKappa(Agreement.ratingsOf(complete, k, d)));
        int[][] all = new int[items.size()][k];
        for (int i = 0; i < items.size(); i++) {
          for (int j = 0; j < k; j++) {
            Optional<List<Integer>> v = j < items.get(i).size() ? items.get(i).get(j) : Optional.empty();
            all[i][j] = v.map(x -> x.get(d)).orElse(-1);
          }
        }
        alphas.add(Agreement.krippendorffAlphaNominal(all));
      }
      out.add(new PanelAgreement(t, k, items.size(), means, kappas, alphas));
    }
    return out;
  }
}
