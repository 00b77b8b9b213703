/** Octads laid out over a storage backend: headers, facets, version and provenance history, counts. */
package org.verisimdb.engine.store;
