/** Values held by document fields, semantic and spatial properties and edge literals. */
package org.verisimdb.model.value;
