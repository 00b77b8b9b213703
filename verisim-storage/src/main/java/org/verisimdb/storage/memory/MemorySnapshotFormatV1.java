package org.verisimdb.storage.memory;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import org.verisimdb.storage.Keys;
import org.verisimdb.storage.Keyspace;

/**
 * The memory backend's snapshot file {@code memory.snapshot}, format 1. Big-endian.
 * <pre>
 * 0   int32 magic 0x564D454D ("VMEM") | 4 int16 version = 1 | 6 int16 flags = 0
 * 8   int64 applied LSN
 * 16  keyspaces, each: u8 1, int16 name length, name (UTF-8), int64 entry count,
 *     then per entry: int32 key length, key, int32 value length, value (keys ascending)
 *     u8 0 ends the keyspaces
 *     int32 CRC32C of every byte before it
 * </pre>
 * Written to {@code memory.snapshot.tmp}, forced, renamed over the old file and the directory
 * forced, so a crash leaves either the old snapshot or the new one, never half of one.
 */
final class MemorySnapshotFormatV1 {
  static final String FILE = "memory.snapshot";
  static final int MAGIC = 0x564D454D;
  static final short VERSION = 1;

  private MemorySnapshotFormatV1() {}

  /** The state in a snapshot file: its keyspaces and applied LSN. */
  record State(Map<Keyspace, ConcurrentSkipListMap<byte[], byte[]>> spaces, long appliedLsn) {}

  static void write(Path directory, Map<Keyspace, ? extends NavigableMap<byte[], byte[]>> spaces, long appliedLsn) {
    Path temp = directory.resolve(FILE + ".tmp");
    try {
      Files.createDirectories(directory);
      CRC32C crc = new CRC32C();
      try (OutputStream file = Files.newOutputStream(temp);
          DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new CheckedOutputStream(file, crc), 1 << 16))) {
        out.writeInt(MAGIC);
        out.writeShort(VERSION);
        out.writeShort(0);
        out.writeLong(appliedLsn);
        for (Map.Entry<Keyspace, ? extends NavigableMap<byte[], byte[]>> space : spaces.entrySet()) {
          byte[] name = space.getKey().name().getBytes(StandardCharsets.UTF_8);
          out.writeByte(1);
          out.writeShort(name.length);
          out.write(name);
          out.writeLong(space.getValue().size());
          for (Map.Entry<byte[], byte[]> e : space.getValue().entrySet()) {
            out.writeInt(e.getKey().length);
            out.write(e.getKey());
            out.writeInt(e.getValue().length);
            out.write(e.getValue());
          }
        }
        out.writeByte(0);
        out.flush();
        new DataOutputStream(file).writeInt((int) crc.getValue());
      }
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      Files.move(temp, directory.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      forceDirectory(directory);
    } catch (IOException e) {
      throw new VeriSimException(ErrorCode.STORAGE_IO, "cannot write the memory snapshot in " + directory + ": " + e.getMessage(), e);
    }
  }

  /** The state of the snapshot in {@code directory}, or an empty state when there is none. */
  static State read(Path directory) {
    Path file = directory.resolve(FILE);
    Map<Keyspace, ConcurrentSkipListMap<byte[], byte[]>> spaces = new java.util.concurrent.ConcurrentHashMap<>();
    CRC32C crc = new CRC32C();
    try (InputStream raw = Files.newInputStream(file)) {
      long size = Files.size(file);
      if (size < 4) {
        throw corrupt(file, "it is " + size + " bytes long, too short for a snapshot");
      }
      Bounded body = new Bounded(new CheckedInputStream(raw, crc), size - 4);
      DataInputStream in = new DataInputStream(new BufferedInputStream(body, 1 << 16));
      if (in.readInt() != MAGIC) {
        throw corrupt(file, "it does not start with the snapshot magic number");
      }
      short version = in.readShort();
      if (version != VERSION) {
        throw corrupt(file, "it has format " + version + ", which this release (format " + VERSION + ") cannot read");
      }
      in.readShort();
      long appliedLsn = in.readLong();
      while (in.readUnsignedByte() == 1) {
        byte[] name = new byte[in.readUnsignedShort()];
        in.readFully(name);
        Keyspace space = Keyspace.of(new String(name, StandardCharsets.UTF_8));
        ConcurrentSkipListMap<byte[], byte[]> map = new ConcurrentSkipListMap<>(Keys.ORDER);
        long count = in.readLong();
        for (long i = 0; i < count; i++) {
          byte[] key = new byte[length(in.readInt(), size, file)];
          in.readFully(key);
          byte[] value = new byte[length(in.readInt(), size, file)];
          in.readFully(value);
          map.put(key, value);
        }
        spaces.put(space, map);
      }
      if (in.read() != -1) {
        throw corrupt(file, "bytes follow the end of its keyspaces");
      }
      int expected = (int) crc.getValue();
      int stored = new DataInputStream(raw).readInt();
      if (stored != expected) {
        throw corrupt(file, "its checksum does not match");
      }
      return new State(spaces, appliedLsn);
    } catch (NoSuchFileException e) {
      return new State(spaces, 0);
    } catch (EOFException | NegativeArraySizeException | IllegalArgumentException e) {
      throw corrupt(file, "it is truncated or malformed (" + e.getMessage() + ")");
    } catch (IOException e) {
      throw new VeriSimException(ErrorCode.STORAGE_IO, "cannot read the memory snapshot " + file + ": " + e.getMessage(), e);
    }
  }

  private static int length(int length, long fileSize, Path file) {
    if (length < 0 || length > fileSize) {
      throw corrupt(file, "it records a key or value of " + length + " bytes");
    }
    return length;
  }

  /** The first {@code limit} bytes of a stream, so the checksum covers exactly the body. */
  private static final class Bounded extends java.io.FilterInputStream {
    private long left;

    Bounded(InputStream in, long limit) {
      super(in);
      this.left = limit;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) {
        return -1;
      }
      int b = super.read();
      if (b >= 0) {
        left--;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int n = super.read(buffer, offset, (int) Math.min(length, left));
      if (n > 0) {
        left -= n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(Math.min(n, left));
      left -= skipped;
      return skipped;
    }

    @Override
    public int available() throws IOException {
      return (int) Math.min(super.available(), left);
    }
  }

  static void forceDirectory(Path directory) throws IOException {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  private static VeriSimException corrupt(Path file, String why) {
    return new VeriSimException(ErrorCode.STORAGE_CORRUPT, "the memory snapshot " + file + " is damaged: " + why
        + "; restore it from a backup (the write-ahead log then replays the rest)");
  }
}
