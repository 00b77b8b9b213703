/** One immutable, self-validating record per modality, plus the hash rules over them. */
package org.verisimdb.model.facet;
