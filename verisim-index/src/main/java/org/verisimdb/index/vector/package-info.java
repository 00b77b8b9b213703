/** The VECTOR modality's HNSW index: k-NN and similarity-threshold search under cosine, euclidean or dot product, filtered search that returns exactly k whenever k octads pass. */
package org.verisimdb.index.vector;
