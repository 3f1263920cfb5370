/** Service-provider interfaces implemented by other modules or by users. */
package org.mmrarebench.core.spi;
