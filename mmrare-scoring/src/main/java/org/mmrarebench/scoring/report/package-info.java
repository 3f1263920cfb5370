/** Leaderboards (Markdown, CSV) and the self-contained HTML report over run directories. *
 * <p>Nothing in this package accepts or returns null unless a parameter or return type says
 * {@code @Nullable}; absent values are {@link java.util.Optional} or empty collections.
 */
@NullMarked
package org.mmrarebench.scoring.report;

import org.jspecify.annotations.NullMarked;
