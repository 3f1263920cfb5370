package org.mmrarebench.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mmrarebench.core.InvalidDataException;
import org.mmrarebench.core.Problem;
import org.mmrarebench.data.internal.JsonLines;

/**
 * A judge that replays recorded replies - JSON lines {@code {"index": "...", "reply": "..."}}, with
 * {@code "sample": k} for the k-th extra sample of a self-consistency run -
 * so a run can be re-scored offline without calling any judge. An index with no recorded reply is
 * a judge error for that item, never a silent 0.
 */
public final class ReplayJudge implements JudgeModel {
  private final String name;
  private final Map<String, String> replies;

  private ReplayJudge(String name, Map<String, String> replies) {
    this.name = name;
    this.replies = Map.copyOf(replies);
  }

  /** A replay judge over an in-memory map from index to reply. */
  public static ReplayJudge of(String name, Map<String, String> replies) {
    return new ReplayJudge(name, replies);
  }

  /**
   * Reads a replies file; an index may be a JSON string or number.
   *
   * @throws InvalidDataException naming the file and line of the first bad line or duplicate index
   */
  public static ReplayJudge read(Path file) {
    Map<String, String> replies = new LinkedHashMap<>();
    JsonLines.forEachObject(file, "BAD_REPLY_LINE",
        "Write one object per line: {\"index\": \"12\", \"reply\": \"YES\\nNO\\nYES\"}.", (n, o) -> {
          String index = JsonLines.index(o).orElseThrow(() -> new InvalidDataException(Problem.error("BAD_INDEX",
              file.toString(), n, "index", null, "'index' is missing or not a string or number.",
              "Give every line an \"index\".")));
          JsonNode reply = o.get("reply");
          if (reply == null || !reply.isTextual()) {
            throw new InvalidDataException(Problem.error("BAD_REPLY_LINE", file.toString(), n, "reply", index,
                "'reply' is missing or not a string.", "Give every line a \"reply\" string."));
          }
          JsonNode sample = o.get("sample");
          String key = sample != null && sample.asInt(0) > 0 ? index + "#" + sample.asInt() : index;
          if (replies.putIfAbsent(key, reply.textValue()) != null) {
            throw new InvalidDataException(Problem.error("DUPLICATE_INDEX", file.toString(), n, "index", index,
                "index " + index + " has a second reply.", "Keep one reply per index."));
          }
        });
    return new ReplayJudge("replay:" + file.getFileName(), replies);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String reply(String itemIndex, String prompt) {
    String r = replies.get(itemIndex);
    if (r == null) {
      throw new JudgeException("no recorded reply for index " + itemIndex + " in " + name);
    }
    return r;
  }

  /** Sample {@code sample} > 0 is a line with {@code "sample": k}; none recorded is a judge error. */
  @Override
  public String reply(String itemIndex, String prompt, int sample) {
    if (sample == 0) {
      return reply(itemIndex, prompt);
    }
    String r = replies.get(itemIndex + "#" + sample);
    if (r == null) {
      throw new JudgeException("no recorded reply for index " + itemIndex + " sample " + sample + " in " + name);
    }
    return r;
  }

  /** How many replies are recorded. */
  public int size() {
    return replies.size();
  }
}
