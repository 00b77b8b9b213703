/** Binary stored forms of facets and history records, one versioned format class each. */
package org.verisimdb.engine.codec;
