/** The offline baseline model: a deterministic floor to beat, not a model. *
 * <p>Nothing in this package accepts or returns null unless a parameter or return type says
 * {@code @Nullable}; absent values are {@link java.util.Optional} or empty collections.
 */
@NullMarked
package org.mmrarebench.data.baseline;

import org.jspecify.annotations.NullMarked;
