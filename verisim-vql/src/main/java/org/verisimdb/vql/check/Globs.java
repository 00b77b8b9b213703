package org.verisimdb.vql.check;

/**
 * Federation globs (VQL.md §5.3): segment by segment; a literal matches itself, '*' in the middle
 * exactly one segment, '*' or '**' as the last segment one or more remaining segments.
 */
public final class Globs {
  private Globs() {}

  public static boolean matches(String glob, String peer) {
    String[] pattern = glob.substring(1).split("/");
    String[] name = peer.split("/");
    for (int i = 0; i < pattern.length; i++) {
      boolean last = i == pattern.length - 1;
      if (last && (pattern[i].equals("*") || pattern[i].equals("**"))) {
        return name.length > i;
      }
      if (i >= name.length || !(pattern[i].equals("*") || pattern[i].equals(name[i]))) {
        return false;
      }
    }
    return name.length == pattern.length;
  }
}
