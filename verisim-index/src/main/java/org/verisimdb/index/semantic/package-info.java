/**
 * The SEMANTIC modality's index: types (with supertypes), typed properties, proofs and seals as
 * fields; type definitions with their constraints and contracts, stored as ordinary octads and
 * checked on write.
 */
package org.verisimdb.index.semantic;
