/**
 * Reading MMRareBench releases with the reference scorer's semantics, validation reports, the
 * embedded synthetic sample and the paper-scale fixture generator.
 */
package org.mmrarebench.data;
