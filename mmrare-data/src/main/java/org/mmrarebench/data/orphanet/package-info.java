/**
 * The Orphanet rare-disease ontology, bundled as a compact resource converted from Orphadata
 * (CC BY 4.0, "Orphanet / Orphadata, INSERM"): lookup by code and name, hierarchy, relations,
 * and the judge-free ontology-aware diagnosis match.
 */
package org.mmrarebench.data.orphanet;
