/** Backups, restores and migrations of whole databases. */
package org.verisimdb.engine.backup;
