/** WGS 84 geometries of the spatial modality and their WKT form. */
package org.verisimdb.model.geo;
