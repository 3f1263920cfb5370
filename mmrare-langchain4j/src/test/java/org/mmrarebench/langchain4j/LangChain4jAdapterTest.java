package org.mmrarebench.langchain4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mmrarebench.core.Benchmark;
import org.mmrarebench.core.BenchmarkItem;
import org.mmrarebench.core.GenerationSettings;
import org.mmrarebench.core.ModelResponse;
import org.mmrarebench.core.Prompt;
import org.mmrarebench.core.Prompts;
import org.mmrarebench.core.Track;
import org.mmrarebench.langchain4j.LangChain4jAdapter;

/** The LangChain4j bridge sends text and images in prompt order with their media types. */
class LangChain4jAdapterTest {
  @Test
  void sendsInterleavedTextAndImagesInOrder() {
    List<ChatRequest> seen = new ArrayList<>();
    ChatModel fake = new ChatModel() {
      @Override
      public ChatResponse doChat(ChatRequest request) {
        seen.add(request);
        return ChatResponse.builder().aiMessage(AiMessage.from("Alexander disease"))
            .tokenUsage(new TokenUsage(120, 4)).build();
      }
    };
    BenchmarkItem item = Benchmark.embedded().track(Track.CROSSMODAL).items().get(0);
    Prompt prompt = Prompts.reference(item);
    ModelResponse r = new LangChain4jAdapter("fake", fake).generate(prompt, GenerationSettings.defaults()
        .withTemperature(0.0).withMaxTokens(64));
    assertEquals("Alexander disease", r.text());
    assertEquals(120, r.promptTokens().getAsLong());
    assertEquals(4, r.completionTokens().getAsLong());
    ChatRequest req = seen.get(0);
    assertEquals(0.0, req.temperature());
    assertEquals(64, req.maxOutputTokens());
    List<Content> contents = ((UserMessage) req.messages().get(0)).contents();
    assertEquals(prompt.parts().size(), contents.size());
    for (int i = 0; i < contents.size(); i++) {
      Prompt.Part p = prompt.parts().get(i);
      if (p instanceof Prompt.Text t) {
        assertEquals(t.text(), ((TextContent) contents.get(i)).text());
      } else {
        ImageContent ic = (ImageContent) contents.get(i);
        assertEquals("image/png", ic.image().mimeType());
        assertTrue(ic.image().base64Data().length() > 1000);
      }
    }
  }
}
