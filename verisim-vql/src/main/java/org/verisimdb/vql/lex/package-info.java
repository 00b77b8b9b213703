/**
 * The VQL lexer: tokens, reserved keywords, and the context-dependent token kinds (BARE_NAME,
 * ID_WORD, GLOB, REGEX) that the parser requests by position (VQL.md §2).
 */
package org.verisimdb.vql.lex;
