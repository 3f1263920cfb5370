/** An example third-party scorer, registered through the scorer SPI. */
package org.mmrarebench.examples.scorers;
