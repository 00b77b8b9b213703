/** The GRAPH modality's index: incoming and outgoing adjacency by edge type, traversal with hop ranges, shortest paths, and the RDF view. */
package org.verisimdb.index.graph;
