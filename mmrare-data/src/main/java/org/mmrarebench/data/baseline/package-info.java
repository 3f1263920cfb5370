/** The offline baseline model: a deterministic floor to beat, not a model. */
package org.mmrarebench.data.baseline;
