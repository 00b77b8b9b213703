/** Full-text fields and searches of the DOCUMENT modality: BM25 over title, body and typed fields; phrase, prefix, fuzzy and boolean queries; highlighted snippets. */
package org.verisimdb.index.text;
