/** Service-provider interfaces implemented by other modules or by users. *
 * <p>Nothing in this package accepts or returns null unless a parameter or return type says
 * {@code @Nullable}; absent values are {@link java.util.Optional} or empty collections.
 */
@NullMarked
package org.mmrarebench.core.spi;

import org.jspecify.annotations.NullMarked;
