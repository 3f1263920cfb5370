/**
 * Downloading the MMRareBench release from the Hugging Face Hub (or a mirror) with resume and
 * checks, and the manifest that lets later reads notice a file changed since download.
 *
 * <p>Nothing in this package accepts or returns null unless a parameter or return type says
 * {@code @Nullable}; absent values are {@link java.util.Optional} or empty collections.
 */
@NullMarked
package org.mmrarebench.data.download;

import org.jspecify.annotations.NullMarked;
