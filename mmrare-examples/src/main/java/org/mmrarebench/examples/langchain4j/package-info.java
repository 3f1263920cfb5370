/** Bridge from LangChain4j chat models to mmrare's {@code ModelAdapter}. */
package org.mmrarebench.examples.langchain4j;
