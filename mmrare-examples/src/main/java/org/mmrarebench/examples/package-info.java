/** Worked examples of embedding mmrare: custom model adapters, custom scorers, re-scoring, comparing runs. */
package org.mmrarebench.examples;
