/** Contract suites that every storage backend passes. */
package org.verisimdb.testkit.storage;
