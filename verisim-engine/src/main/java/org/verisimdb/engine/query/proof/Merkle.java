package org.verisimdb.engine.query.proof;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.verisimdb.model.hash.Sha256;

/**
 * The result Merkle tree of VQL.md §7.6: RFC 6962 §2.1 over the rows of a page in order, each
 * leaf the UTF-8 canonical JSON of one row. Leaf hash SHA-256(0x00 ‖ leaf), node hash
 * SHA-256(0x01 ‖ left ‖ right), the empty tree SHA-256 of the empty string. Inclusion paths are
 * RFC 6962 audit paths (leaf's sibling first), as lower-case hex; {@link #verify} is the
 * verification algorithm of RFC 9162 §2.1.3.2. Stateless; {@link Tree}s are immutable.
 */
public final class Merkle {
  private static final HexFormat HEX = HexFormat.of();

  private Merkle() {}

  /** The root of the tree over {@code leaves}, in hex. */
  public static String root(List<byte[]> leaves) {
    return Tree.of(leaves).root();
  }

  /** The audit path of leaf {@code index} in the tree over {@code leaves}. */
  public static List<String> inclusionPath(List<byte[]> leaves, int index) {
    return Tree.of(leaves).path(index);
  }

  /**
   * True when {@code path} proves that {@code leaf} is leaf {@code index} of a tree of
   * {@code size} leaves whose root is {@code root}. Malformed input (an index outside the tree,
   * a path of the wrong length, text that is not a hex SHA-256) gives false.
   */
  public static boolean verify(byte[] leaf, int index, int size, List<String> path, String root) {
    if (index < 0 || index >= size || path == null || root == null) {
      return false;
    }
    long fn = index;
    long sn = size - 1L;
    byte[] r = leafHash(leaf);
    for (String p : path) {
      byte[] sibling = parse(p);
      if (sibling == null || sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = nodeHash(sibling, r);
        if ((fn & 1) == 0) {
          do {
            fn >>= 1;
            sn >>= 1;
          } while ((fn & 1) == 0 && fn != 0);
        }
      } else {
        r = nodeHash(r, sibling);
      }
      fn >>= 1;
      sn >>= 1;
    }
    byte[] expected = parse(root);
    return sn == 0 && expected != null && MessageDigest.isEqual(r, expected);
  }

  static byte[] leafHash(byte[] leaf) {
    MessageDigest d = Sha256.digest();
    d.update((byte) 0x00);
    return d.digest(leaf);
  }

  static byte[] nodeHash(byte[] left, byte[] right) {
    MessageDigest d = Sha256.digest();
    d.update((byte) 0x01);
    d.update(left);
    return d.digest(right);
  }

  private static byte[] parse(String hex) {
    if (!Sha256.isHash(hex)) {
      return null;
    }
    return HEX.parseHex(hex);
  }

  /**
   * A tree whose every node hash is computed once, so the paths of all leaves of a page cost
   * one hashing of the page plus a lookup per level. Levels run from the leaf hashes up; a level
   * of odd length carries its last node up unchanged, which gives exactly the RFC 6962 shape
   * (left subtrees are the largest power of two smaller than the size).
   */
  public static final class Tree {
    private final List<byte[][]> levels;

    private Tree(List<byte[][]> levels) {
      this.levels = levels;
    }

    /** The tree over {@code leaves} (each the bytes of one row). */
    public static Tree of(List<byte[]> leaves) {
      List<byte[][]> levels = new ArrayList<>();
      byte[][] level = new byte[leaves.size()][];
      for (int i = 0; i < level.length; i++) {
        level[i] = leafHash(leaves.get(i));
      }
      levels.add(level);
      while (level.length > 1) {
        byte[][] up = new byte[(level.length + 1) / 2][];
        for (int i = 0; i < up.length; i++) {
          up[i] = 2 * i + 1 < level.length ? nodeHash(level[2 * i], level[2 * i + 1]) : level[2 * i];
        }
        levels.add(up);
        level = up;
      }
      return new Tree(levels);
    }

    /** The number of leaves. */
    public int size() {
      return levels.getFirst().length;
    }

    /** The root hash in hex; SHA-256 of the empty string for the empty tree. */
    public String root() {
      return size() == 0 ? Sha256.GENESIS : HEX.formatHex(levels.getLast()[0]);
    }

    /** The audit path of leaf {@code index}, bottom up. */
    public List<String> path(int index) {
      if (index < 0 || index >= size()) {
        throw new IndexOutOfBoundsException("leaf " + index + " of a tree of " + size());
      }
      List<String> path = new ArrayList<>();
      int i = index;
      for (int h = 0; h < levels.size() - 1; h++) {
        byte[][] level = levels.get(h);
        int sibling = i ^ 1;
        if (sibling < level.length) {
          path.add(HEX.formatHex(level[sibling]));
        }
        i >>= 1;
      }
      return List.copyOf(path);
    }
  }
}
