/** The TENSOR modality: shape, rank and dtype fields, and slice, map and reduce over stored tensors. */
package org.verisimdb.index.tensor;
