/** The write path: planning creates, updates and deletes into stored changes with their history. */
package org.verisimdb.engine.write;
