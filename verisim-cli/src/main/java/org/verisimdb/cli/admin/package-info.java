/** Administration subcommands of {@code verisimdb}, one class per command. */
package org.verisimdb.cli.admin;
