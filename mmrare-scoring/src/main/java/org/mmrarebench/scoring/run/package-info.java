/**
 * Durable runs: the append-only journal that makes runs resumable, the response caches shared
 * between runs, progress reporting, and merging shard runs.
 */
package org.mmrarebench.scoring.run;
