package org.mmrarebench.langchain4j;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.mmrarebench.core.GenerationSettings;
import org.mmrarebench.core.ImageRef;
import org.mmrarebench.core.MediaType;
import org.mmrarebench.core.ModelAdapter;
import org.mmrarebench.core.ModelResponse;
import org.mmrarebench.core.Prompt;

/**
 * A {@link ModelAdapter} over a LangChain4j {@link ChatModel}, so LangChain4j users reuse their
 * model setup: each prompt becomes one user message whose contents are the prompt's text and image
 * parts in order (images as base64 with their sniffed media type). Temperature and the token limit
 * are passed on when set.
 */
public final class LangChain4jAdapter implements ModelAdapter {
  private final String name;
  private final ChatModel model;

  /** Wraps {@code model}; {@code name} is recorded in results. */
  public LangChain4jAdapter(String name, ChatModel model) {
    this.name = checkNotNull(name, "name");
    this.model = checkNotNull(model, "model");
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ModelResponse generate(Prompt prompt, GenerationSettings settings) {
    List<Content> contents = new ArrayList<>();
    for (Prompt.Part p : prompt.parts()) {
      if (p instanceof Prompt.Text t) {
        contents.add(TextContent.from(t.text()));
      } else {
        ImageRef img = ((Prompt.Image) p).image();
        contents.add(ImageContent.from(img.base64(),
            img.mediaType().map(MediaType::mime).orElse("image/jpeg")));
      }
    }
    ChatRequest.Builder req = ChatRequest.builder().messages(List.of(UserMessage.from(contents)));
    settings.temperature().ifPresent(req::temperature);
    settings.maxTokens().ifPresent(req::maxOutputTokens);
    long start = System.nanoTime();
    ChatResponse resp = model.chat(req.build());
    Duration latency = Duration.ofNanos(System.nanoTime() - start);
    TokenUsage usage = resp.tokenUsage();
    return new ModelResponse(resp.aiMessage().text() == null ? "" : resp.aiMessage().text(),
        usage == null || usage.inputTokenCount() == null ? OptionalLong.empty() : OptionalLong.of(usage.inputTokenCount()),
        usage == null || usage.outputTokenCount() == null ? OptionalLong.empty()
            : OptionalLong.of(usage.outputTokenCount()),
        latency);
  }
}
