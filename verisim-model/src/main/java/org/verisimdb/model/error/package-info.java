/** The one exception type, its error codes and categories, and did-you-mean hints. */
package org.verisimdb.model.error;
