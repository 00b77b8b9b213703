/** The JSON form of octads: for export and import, the command line and the REST API. */
package org.verisimdb.engine.json;
