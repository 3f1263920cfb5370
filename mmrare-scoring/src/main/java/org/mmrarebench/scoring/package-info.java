/**
 * Scoring MMRareBench answers as the reference does (compat) and better (strict): token F1, judge
 * prompts and reply parsers, the scorer SPI and registry, typed track metrics with intervals, paired
 * comparison, and the evaluation runner. Sub-packages: {@code openai} (the OpenAI-compatible client),
 * {@code orphanet} (ontology-aware scorers), {@code run} (run directories, caches, progress),
 * {@code report} (HTML, Markdown, CSV).
 *
 * <p>Nothing in this package accepts or returns null unless a parameter or return type says
 * {@code @Nullable}; absent values are {@link java.util.Optional} or empty collections.
 */
@NullMarked
package org.mmrarebench.scoring;

import org.jspecify.annotations.NullMarked;
