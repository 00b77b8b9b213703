/** jqwik arbitraries for octads and their parts, shared by property tests. */
package org.verisimdb.testkit.arbitrary;
