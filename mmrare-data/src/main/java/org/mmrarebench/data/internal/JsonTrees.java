package org.mmrarebench.data.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * JSON text to a Jackson tree the way Python's {@code json.loads} reads it, with jackson-core's
 * streaming parser: {@code NaN}, {@code Infinity} and {@code -Infinity} accepted, a later duplicate
 * key replacing an earlier one, integers as int, long or big integer nodes, other numbers as double
 * nodes ({@code 1e400} is infinity), and text after the value an error ("Extra data"). The same
 * trees as {@code ObjectMapper.readTree} with those settings, without building an ObjectMapper,
 * which costs a tenth of a second at start-up. Nesting beyond jackson-core's limit (1,000) is an
 * error. Not API.
 */
public final class JsonTrees {
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonTrees() {}

  /**
   * The value {@code text} holds, or null when it holds nothing but whitespace.
   *
   * @throws IOException (a {@link com.fasterxml.jackson.core.JsonProcessingException}) when it is not
   *     one JSON value
   */
  public static @Nullable JsonNode read(String text) throws IOException {
    try (JsonParser p = FACTORY.createParser(text)) {
      return root(p);
    }
  }

  /** The value the file holds; see {@link #read(String)}. */
  public static @Nullable JsonNode read(Path file) throws IOException {
    try (JsonParser p = FACTORY.createParser(Files.newInputStream(file))) {
      return root(p);
    }
  }

  private static @Nullable JsonNode root(JsonParser p) throws IOException {
    JsonToken t = p.nextToken();
    if (t == null) {
      return null;
    }
    JsonNode value = value(p, t);
    JsonToken after = p.nextToken();
    if (after != null) {
      throw new JsonParseException(p, "Trailing token (of type " + after + ") found after value");
    }
    return value;
  }

  private static JsonNode value(JsonParser p, JsonToken t) throws IOException {
    switch (t) {
      case START_OBJECT: {
        ObjectNode o = NODES.objectNode();
        for (JsonToken k = p.nextToken(); k == JsonToken.FIELD_NAME; k = p.nextToken()) {
          String name = p.currentName();
          o.set(name, value(p, p.nextToken()));
        }
        return o;
      }
      case START_ARRAY: {
        ArrayNode a = NODES.arrayNode();
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
          a.add(value(p, e));
        }
        return a;
      }
      case VALUE_STRING:
        return NODES.textNode(p.getText());
      case VALUE_NUMBER_INT:
        switch (p.getNumberType()) {
          case INT:
            return NODES.numberNode(p.getIntValue());
          case LONG:
            return NODES.numberNode(p.getLongValue());
          default:
            return NODES.numberNode(p.getBigIntegerValue());
        }
      case VALUE_NUMBER_FLOAT:
        return NODES.numberNode(p.getDoubleValue());
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        throw new JsonParseException(p, "Unexpected token " + t);
    }
  }
}
