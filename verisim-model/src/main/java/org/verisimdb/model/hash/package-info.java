/** Canonical JSON and SHA-256: the byte-exact basis of every hash in the data model. */
package org.verisimdb.model.hash;
