/** Internals of the release reader: pandas-compatible tokenizing and Python value semantics. Not API. */
package org.mmrarebench.data.internal;
