/** Ingest rate of full octads through the whole write path, indexes included. */
package org.verisimdb.bench.ingest;
