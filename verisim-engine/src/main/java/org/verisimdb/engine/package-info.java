/** The embedded VeriSimDB API: open a database, and create, read, update, delete and list octads. */
package org.verisimdb.engine;
