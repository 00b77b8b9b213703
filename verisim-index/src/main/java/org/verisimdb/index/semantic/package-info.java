/** The SEMANTIC modality's index: types (with supertypes), typed properties, and the constraints types declare. */
package org.verisimdb.index.semantic;
