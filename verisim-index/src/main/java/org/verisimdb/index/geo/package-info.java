/** The SPATIAL modality's index: points and shapes; radius, bounding box (across the antimeridian too), polygon and nearest searches. */
package org.verisimdb.index.geo;
