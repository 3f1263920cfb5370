/** Leaderboards (Markdown, CSV) and the self-contained HTML report over run directories. */
package org.mmrarebench.scoring.report;
