/**
 * The schema of a database: semantic type definitions (stored as octads, so they are logged,
 * versioned and backed up like data), the contracts registered with it, and the enforcement of
 * the constraints types declare on every commit.
 */
package org.verisimdb.engine.schema;
