/**
 * The Orphanet rare-disease ontology, bundled as a compact resource converted from Orphadata
 * (CC BY 4.0, "Orphanet / Orphadata, INSERM"): lookup by code and name, hierarchy, relations,
 * and the judge-free ontology-aware diagnosis match.
 *
 * <p>Nothing in this package accepts or returns null unless a parameter or return type says
 * {@code @Nullable}; absent values are {@link java.util.Optional} or empty collections.
 */
@NullMarked
package org.mmrarebench.data.orphanet;

import org.jspecify.annotations.NullMarked;
