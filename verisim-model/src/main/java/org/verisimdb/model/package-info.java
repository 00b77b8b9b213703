/** The octad, its id and modalities, and the size limits of the data model. */
package org.verisimdb.model;
