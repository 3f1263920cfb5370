/** Audits of a benchmark: Orphanet alignment of diagnosis labels and leakage of answers into inputs. */
package org.mmrarebench.data.audit;
