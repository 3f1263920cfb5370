/** Helpers shared by mmrare's modules. Not API: may change in any release. *
 * <p>Nothing in this package accepts or returns null unless a parameter or return type says
 * {@code @Nullable}; absent values are {@link java.util.Optional} or empty collections.
 */
@NullMarked
package org.mmrarebench.core.internal;

import org.jspecify.annotations.NullMarked;
