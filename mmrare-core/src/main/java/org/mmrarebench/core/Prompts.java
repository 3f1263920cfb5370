package org.mmrarebench.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds the prompt the reference scorer shows a model for an item. */
public final class Prompts {
  private Prompts() {}

  /**
   * The reference prompt: every image in order, an image preceded by a {@code "<label>:"} text part
   * when {@code figure_mapping} maps a label to a path with the same file name as the image's name,
   * then one text block - the non-empty context (not for EXAMINATION), {@code "Question: <question>"}
   * and the track instruction, joined by a blank line.
   */
  public static Prompt reference(BenchmarkItem item) {
    Track track = item.track();
    List<Prompt.Part> parts = new ArrayList<>();
    // EXAMINATION builds its prompt separately in the reference and never attaches labels.
    Map<String, String> labelByFileName = track.showsContext() ? labelsByFileName(item.core().figureMapping()) : Map.of();
    for (ImageRef image : item.images()) {
      String label = labelByFileName.getOrDefault(fileName(image.name()), "");
      if (!label.isEmpty()) {
        parts.add(new Prompt.Text(label + ":"));
      }
      parts.add(new Prompt.Image(image));
    }
    StringBuilder text = new StringBuilder();
    if (track.showsContext() && !item.context().isEmpty()) {
      text.append(item.context()).append("\n\n");
    }
    text.append("Question: ").append(item.question()).append("\n\n").append(track.instruction());
    parts.add(new Prompt.Text(text.toString()));
    return new Prompt(parts);
  }

  /** Later labels win when two map to the same file name, as a Python dict assignment does. */
  private static Map<String, String> labelsByFileName(Map<String, String> figureMapping) {
    Map<String, String> out = new HashMap<>();
    figureMapping.forEach((label, path) -> out.put(fileName(path), label));
    return out;
  }

  /** {@code posixpath.basename}: the text after the last slash. */
  public static String fileName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
