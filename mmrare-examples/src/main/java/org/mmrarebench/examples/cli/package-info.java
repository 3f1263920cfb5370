/** The {@code mmrare} command line (picocli). */
package org.mmrarebench.examples.cli;
