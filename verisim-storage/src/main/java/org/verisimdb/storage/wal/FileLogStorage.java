package org.verisimdb.storage.wal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Log files in a directory of the file system, through {@link FileChannel}s. Thread-safe. */
public final class FileLogStorage implements LogStorage {
  private final Path directory;

  public FileLogStorage(Path directory) throws IOException {
    this.directory = Files.createDirectories(directory);
  }

  public Path directory() {
    return directory;
  }

  @Override
  public List<String> list() throws IOException {
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      files.filter(Files::isRegularFile).forEach(p -> names.add(p.getFileName().toString()));
    }
    return names;
  }

  @Override
  public LogFile open(String name) throws IOException {
    return new ChannelFile(FileChannel.open(directory.resolve(name), StandardOpenOption.READ, StandardOpenOption.WRITE));
  }

  @Override
  public LogFile create(String name) throws IOException {
    return new ChannelFile(FileChannel.open(directory.resolve(name), StandardOpenOption.READ, StandardOpenOption.WRITE,
        StandardOpenOption.CREATE_NEW));
  }

  @Override
  public void delete(String name) throws IOException {
    Files.deleteIfExists(directory.resolve(name));
  }

  @Override
  public void syncDirectory() throws IOException {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  @Override
  public String describe() {
    return directory.toString();
  }

  private static final class ChannelFile implements LogFile {
    private final FileChannel channel;
    private volatile long end; // the append position: saves a size() system call per append

    ChannelFile(FileChannel channel) throws IOException {
      this.channel = channel;
      this.end = channel.size();
    }

    @Override
    public long size() {
      return end;
    }

    @Override
    public int read(long position, ByteBuffer dst) throws IOException {
      return channel.read(dst, position);
    }

    @Override
    public void append(ByteBuffer src) throws IOException {
      long position = end;
      while (src.hasRemaining()) {
        position += channel.write(src, position);
      }
      end = position;
    }

    @Override
    public void force() throws IOException {
      // Data only: the file's length is part of the data for appends, and metadata syncs cost more.
      channel.force(false);
    }

    @Override
    public void truncate(long size) throws IOException {
      channel.truncate(size);
      end = Math.min(end, size);
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }
}
