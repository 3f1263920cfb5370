/** Internals of mmrare-scoring. Not API: may change in any release. */
package org.mmrarebench.scoring.internal;
