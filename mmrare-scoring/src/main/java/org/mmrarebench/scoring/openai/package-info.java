/** An OpenAI-compatible chat-completions client usable as a model and as a judge (JDK HTTP only). */
package org.mmrarebench.scoring.openai;
