package org.mmrarebench.core;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import java.util.List;
import java.util.Map;

/**
 * The fields every item has, whatever its track, holding text exactly as the reference scorer
 * reads it: a missing {@code question} or {@code answer} reads as {@code "nan"} (pandas), a missing
 * {@code context} as the empty string.
 *
 * @param track the item's track
 * @param index the {@code index} value as text
 * @param question the question
 * @param answer the reference answer
 * @param context the masked case narrative, empty when missing
 * @param images the item's images in prompt order (may be empty)
 * @param figureMapping figure label to relative image path, in file order; empty when the column is
 *     absent, missing or not a JSON object
 * @param sourceLine the 1-based line where the item's row starts in its file, 0 when not from a file
 */
public record ItemCore(
    Track track,
    String index,
    String question,
    String answer,
    String context,
    List<ImageRef> images,
    Map<String, String> figureMapping,
    int sourceLine) {

  /** Validates and copies. */
  public ItemCore {
    checkNotNull(track, "track");
    checkNotNull(index, "index");
    checkNotNull(question, "question");
    checkNotNull(answer, "answer");
    checkNotNull(context, "context");
    images = List.copyOf(images);
    figureMapping = ImmutableMap.copyOf(figureMapping);
    checkArgument(sourceLine >= 0, "sourceLine must be >= 0, was %s", sourceLine);
  }

  /** The item's id. */
  public ItemId id() {
    return new ItemId(track, index);
  }
}
