/** What callers send to create and change octads: inputs, patches and their per-modality semantics. */
package org.verisimdb.model.write;
