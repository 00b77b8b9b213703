package org.verisimdb.testkit.sample;

/**
 * The kinds of entity in the sample set. Each has the prefix of its ids ({@code paper-0000042})
 * and its schema.org type. Immutable and thread-safe, as enums are.
 */
public enum Kind {
  PAPER("paper", "https://schema.org/ScholarlyArticle"),
  PERSON("person", "https://schema.org/Person"),
  ORGANISATION("org", "https://schema.org/Organization"),
  DATASET("dataset", "https://schema.org/Dataset"),
  PLACE("place", "https://schema.org/Place"),
  EVENT("event", "https://schema.org/Event");

  private final String idPrefix;
  private final String schemaType;

  Kind(String idPrefix, String schemaType) {
    this.idPrefix = idPrefix;
    this.schemaType = schemaType;
  }

  /** The part of an id before the dash, also the kind's name in provenance sources. */
  public String idPrefix() {
    return idPrefix;
  }

  /** The schema.org type IRI every octad of this kind declares. */
  public String schemaType() {
    return schemaType;
  }
}
