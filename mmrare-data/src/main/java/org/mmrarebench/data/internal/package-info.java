/** Internals of the release reader: pandas-compatible tokenizing and Python value semantics. Not API. *
 * <p>Nothing in this package accepts or returns null unless a parameter or return type says
 * {@code @Nullable}; absent values are {@link java.util.Optional} or empty collections.
 */
@NullMarked
package org.mmrarebench.data.internal;

import org.jspecify.annotations.NullMarked;
