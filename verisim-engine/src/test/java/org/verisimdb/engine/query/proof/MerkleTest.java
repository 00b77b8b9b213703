package org.verisimdb.engine.query.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The result Merkle tree against the RFC 6962 / Certificate Transparency reference vectors and a recursive model of RFC 6962 §2.1. */
class MerkleTest {
  static final HexFormat HEX = HexFormat.of();
  /** The leaves of the Certificate Transparency reference tests, hex. */
  static final List<byte[]> CT_LEAVES = List.of("", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f")
      .stream().map(HEX::parseHex).toList();
  /** The roots of the first 0..8 leaves. */
  static final List<String> CT_ROOTS = List.of(
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
      "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
      "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
      "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
      "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
      "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
      "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

  @Test
  void rootsMatchTheReferenceTree() {
    for (int n = 0; n <= 8; n++) {
      assertThat(Merkle.root(CT_LEAVES.subList(0, n))).as("size %d", n).isEqualTo(CT_ROOTS.get(n));
    }
  }

  @Test
  void inclusionPathsMatchTheReferenceVectors() {
    assertPath(0, 8, "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
    assertPath(5, 8, "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
    assertPath(2, 3, "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125");
    assertPath(1, 5, "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
    assertPath(0, 1);
  }

  private static void assertPath(int index, int size, String... expected) {
    List<byte[]> leaves = CT_LEAVES.subList(0, size);
    List<String> path = Merkle.inclusionPath(leaves, index);
    assertThat(path).containsExactly(expected);
    assertThat(Merkle.verify(leaves.get(index), index, size, path, CT_ROOTS.get(size))).isTrue();
  }

  @Test
  void everyPathOfRandomTreesVerifiesAndEveryTamperingFails() {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    Random random = new Random(seed);
    for (int size = 1; size <= 70; size++) {
      List<byte[]> leaves = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        byte[] leaf = new byte[1 + random.nextInt(40)];
        random.nextBytes(leaf);
        leaf[0] = (byte) i; // distinct leaves: two equal siblings would verify at each other's index
        leaves.add(leaf);
      }
      Merkle.Tree tree = Merkle.Tree.of(leaves);
      String root = tree.root();
      assertThat(root).as("seed=%d size=%d", seed, size).isEqualTo(HEX.formatHex(Model.root(leaves, 0, size)));
      for (int i = 0; i < size; i++) {
        List<String> path = tree.path(i);
        assertThat(path).as("seed=%d size=%d leaf=%d", seed, size, i).isEqualTo(Model.path(leaves, i, 0, size));
        assertThat(Merkle.verify(leaves.get(i), i, size, path, root)).as("seed=%d size=%d leaf=%d", seed, size, i).isTrue();
        assertThat(Merkle.verify(tamper(leaves.get(i), random), i, size, path, root)).as("tampered leaf").isFalse();
        if (size > 1) {
          assertThat(Merkle.verify(leaves.get(i), (i + 1) % size, size, path, root)).as("seed=%d other index", seed).isFalse();
          List<String> bad = new ArrayList<>(path);
          int k = random.nextInt(bad.size());
          bad.set(k, HEX.formatHex(tamper(HEX.parseHex(bad.get(k)), random)));
          assertThat(Merkle.verify(leaves.get(i), i, size, bad, root)).as("seed=%d tampered path", seed).isFalse();
          assertThat(Merkle.verify(leaves.get(i), i, size, path.subList(0, path.size() - 1), root)).as("short path").isFalse();
        }
      }
    }
  }

  @Test
  void malformedInputIsRejectedNotThrown() {
    byte[] leaf = "{}".getBytes(StandardCharsets.UTF_8);
    String root = Merkle.root(List.of(leaf));
    assertThat(Merkle.verify(leaf, 0, 1, List.of(), root)).isTrue();
    assertThat(Merkle.verify(leaf, 1, 1, List.of(), root)).isFalse();
    assertThat(Merkle.verify(leaf, -1, 1, List.of(), root)).isFalse();
    assertThat(Merkle.verify(leaf, 0, 2, List.of("not hex"), root)).isFalse();
    assertThat(Merkle.verify(leaf, 0, 1, List.of(), "ABC")).isFalse();
  }

  private static byte[] tamper(byte[] bytes, Random random) {
    if (bytes.length == 0) {
      return new byte[] {1};
    }
    byte[] copy = bytes.clone();
    copy[random.nextInt(copy.length)] ^= (byte) (1 + random.nextInt(255));
    return copy;
  }

  /** RFC 6962 §2.1 written as the RFC writes it: recursion on the largest power of two below n. */
  static final class Model {
    static byte[] root(List<byte[]> d, int from, int to) {
      int n = to - from;
      if (n == 1) {
        return Merkle.leafHash(d.get(from));
      }
      int k = Integer.highestOneBit(n - 1);
      return Merkle.nodeHash(root(d, from, from + k), root(d, from + k, to));
    }

    static List<String> path(List<byte[]> d, int m, int from, int to) {
      int n = to - from;
      List<String> path = new ArrayList<>();
      if (n == 1) {
        return path;
      }
      int k = Integer.highestOneBit(n - 1);
      if (m < k) {
        path.addAll(path(d, m, from, from + k));
        path.add(HEX.formatHex(root(d, from + k, to)));
      } else {
        path.addAll(path(d, m - k, from + k, to));
        path.add(HEX.formatHex(root(d, from, from + k)));
      }
      return path;
    }
  }
}
