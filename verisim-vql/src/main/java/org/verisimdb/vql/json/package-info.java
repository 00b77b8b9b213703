/** The JSON form of the syntax tree and a small JSON writer (this module has no dependencies). */
package org.verisimdb.vql.json;
