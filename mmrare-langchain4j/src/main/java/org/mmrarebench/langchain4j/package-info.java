/** Bridge from LangChain4j chat models to mmrare's {@code ModelAdapter}. */
package org.mmrarebench.langchain4j;
