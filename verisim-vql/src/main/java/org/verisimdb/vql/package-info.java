/** Entry points of the VQL front end: parse, check and format VQL text. */
package org.verisimdb.vql;
