/**
 * Durable runs: the append-only journal that makes runs resumable, the response caches shared
 * between runs, progress reporting, and merging shard runs.
 *
 * <p>Nothing in this package accepts or returns null unless a parameter or return type says
 * {@code @Nullable}; absent values are {@link java.util.Optional} or empty collections.
 */
@NullMarked
package org.mmrarebench.scoring.run;

import org.jspecify.annotations.NullMarked;
