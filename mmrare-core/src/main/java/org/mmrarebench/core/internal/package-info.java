/** Helpers shared by mmrare's modules. Not API: may change in any release. */
package org.mmrarebench.core.internal;
