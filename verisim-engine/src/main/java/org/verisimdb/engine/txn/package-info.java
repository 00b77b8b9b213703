/**
 * The machinery of transactions that is independent of how octads are stored: locks with a
 * wait-for graph ({@link org.verisimdb.engine.txn.LockManager}), the registry of snapshots in use
 * ({@link org.verisimdb.engine.txn.Snapshots}), the recent writes a serializable transaction is
 * validated against ({@link org.verisimdb.engine.txn.RecentWrites}) and what such a transaction
 * read ({@link org.verisimdb.engine.txn.ReadSet}).
 */
package org.verisimdb.engine.txn;
