/** Comparison harnesses of the modality indexes against raw Lucene on the same data: full text and spatial. */
package org.verisimdb.bench.index;
