package org.mmrarebench.data.audit;

import static com.google.common.base.Preconditions.checkNotNull;

import org.mmrarebench.core.Track;

/**
 * One audit finding.
 *
 * @param kind a stable code, for example {@code T1_ANSWER_IN_CONTEXT} or {@code UNKNOWN_ORPHA_CODE}
 * @param track the item's track
 * @param index the item's index
 * @param field the field where the problem shows, for example {@code context} or {@code ORPHA_code}
 * @param detail what was found, with the offending text
 */
public record Finding(String kind, Track track, String index, String field, String detail) {
  /** Validates. */
  public Finding {
    checkNotNull(kind, "kind");
    checkNotNull(track, "track");
    checkNotNull(index, "index");
    checkNotNull(field, "field");
    checkNotNull(detail, "detail");
  }

  /** One line for people. */
  public String describe() {
    return kind + " " + track.folder() + "/" + index + " [" + field + "]: " + detail;
  }
}
