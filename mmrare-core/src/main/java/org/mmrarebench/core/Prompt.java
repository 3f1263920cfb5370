package org.mmrarebench.core;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What a model is shown for one item: text and image parts in order.
 *
 * @param parts the parts, in the order the model sees them
 */
public record Prompt(List<Part> parts) {
  /** One part of a prompt. */
  public sealed interface Part permits Text, Image {}

  /** A text part. @param text the text, verbatim */
  public record Text(String text) implements Part {
    /** Validates. */
    public Text {
      checkNotNull(text, "text");
    }
  }

  /** An image part. @param image the image */
  public record Image(ImageRef image) implements Part {
    /** Validates. */
    public Image {
      checkNotNull(image, "image");
    }
  }

  /** Copies the parts. */
  public Prompt {
    parts = List.copyOf(parts);
  }

  /** The prompt with these parts. */
  public static Prompt of(List<Part> parts) {
    return new Prompt(parts);
  }

  /** The images, in order. */
  public List<ImageRef> images() {
    return parts.stream().filter(Image.class::isInstance).map(p -> ((Image) p).image()).collect(Collectors.toList());
  }

  /** The text parts joined by newlines; useful for hashing and display, not for sending. */
  public String text() {
    return parts.stream().filter(Text.class::isInstance).map(p -> ((Text) p).text()).collect(Collectors.joining("\n"));
  }
}
