/** Export and import of whole databases as JSON Lines with a verifying manifest. */
package org.verisimdb.engine.transfer;
