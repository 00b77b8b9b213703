/** The embedding model: an {@link org.verisimdb.index.embed.Embedder} turning text into vectors, in process. */
package org.verisimdb.index.embed;
