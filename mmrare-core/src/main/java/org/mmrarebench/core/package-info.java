/**
 * Core types of mmrare: tracks, typed benchmark items, images, ORPHA codes, the reference prompt
 * builder, the immutable {@link org.mmrarebench.core.Benchmark} and the model adapter interface.
 */
package org.mmrarebench.core;
