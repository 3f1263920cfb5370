/** Audits of a benchmark: Orphanet alignment of diagnosis labels and leakage of answers into inputs. *
 * <p>Nothing in this package accepts or returns null unless a parameter or return type says
 * {@code @Nullable}; absent values are {@link java.util.Optional} or empty collections.
 */
@NullMarked
package org.mmrarebench.data.audit;

import org.jspecify.annotations.NullMarked;
