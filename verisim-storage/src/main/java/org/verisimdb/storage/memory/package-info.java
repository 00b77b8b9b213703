/** The in-memory storage backend. */
package org.verisimdb.storage.memory;
