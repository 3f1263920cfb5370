/** An OpenAI-compatible chat-completions client usable as a model and as a judge (JDK HTTP only). *
 * <p>Nothing in this package accepts or returns null unless a parameter or return type says
 * {@code @Nullable}; absent values are {@link java.util.Optional} or empty collections.
 */
@NullMarked
package org.mmrarebench.scoring.openai;

import org.jspecify.annotations.NullMarked;
