/** Bridge from LangChain4j chat models to mmrare's {@code ModelAdapter}. *
 * <p>Nothing in this package accepts or returns null unless a parameter or return type says
 * {@code @Nullable}; absent values are {@link java.util.Optional} or empty collections.
 */
@NullMarked
package org.mmrarebench.langchain4j;

import org.jspecify.annotations.NullMarked;
