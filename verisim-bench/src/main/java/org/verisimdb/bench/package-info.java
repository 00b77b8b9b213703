/** JMH benchmarks of the embedded database. */
package org.verisimdb.bench;
