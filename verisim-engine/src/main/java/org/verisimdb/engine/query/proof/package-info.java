/**
 * VQL-DT proofs (VQL.md §7): verifying the obligations of a statement's PROOF specs on its read
 * view, the evidence each produces, the result Merkle tree, the certificate that binds statement,
 * result and proofs, and the offline check a third party runs on rows and certificate.
 */
package org.verisimdb.engine.query.proof;
