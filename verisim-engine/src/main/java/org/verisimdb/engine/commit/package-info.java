/** The commit pipeline: plan against pending writes, log, wait for durability, apply in order. */
package org.verisimdb.engine.commit;
