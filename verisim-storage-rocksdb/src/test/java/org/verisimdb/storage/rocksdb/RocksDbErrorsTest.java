package org.verisimdb.storage.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.rocksdb.RocksDBException;
import org.rocksdb.Status;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;

class RocksDbErrorsTest {
  private static final Path DIR = Path.of("/data/verisim");

  @Test
  void aLockHeldInThisProcessOrAnotherIsDatabaseLocked() {
    assertThat(wrap(Status.Code.IOError, Status.SubCode.None,
        "IO error: lock hold by current process, acquire time 1700000000 acquiring thread 42: /data/verisim/LOCK: No locks available").code())
        .isEqualTo(ErrorCode.DATABASE_LOCKED);
    assertThat(wrap(Status.Code.IOError, Status.SubCode.None, "IO error: While lock file: /data/verisim/LOCK: Resource temporarily unavailable").code())
        .isEqualTo(ErrorCode.DATABASE_LOCKED);
  }

  @Test
  void aFullDiskIsStorageIoSayingSo() {
    VeriSimException bySubCode = wrap(Status.Code.IOError, Status.SubCode.NoSpace, "IO error: No space left on device: /data/verisim/000012.sst");
    VeriSimException byMessage = wrap(Status.Code.IOError, Status.SubCode.None, "IO error: While appending to file: No space left on device");
    for (VeriSimException e : new VeriSimException[] {bySubCode, byMessage}) {
      assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_IO);
      assertThat(e.getMessage()).contains("disk is full", DIR.toString(), "No space left on device");
      assertThat(e.getCause()).isInstanceOf(RocksDBException.class);
    }
  }

  @Test
  void corruptionIsStorageCorruptAndOtherFailuresStorageIo() {
    VeriSimException corrupt = wrap(Status.Code.Corruption, Status.SubCode.None, "Corruption: block checksum mismatch");
    assertThat(corrupt.code()).isEqualTo(ErrorCode.STORAGE_CORRUPT);
    assertThat(corrupt.getMessage()).contains("block checksum mismatch", DIR.toString(), "Restore");

    VeriSimException io = wrap(Status.Code.IOError, Status.SubCode.None, "IO error: Permission denied");
    assertThat(io.code()).isEqualTo(ErrorCode.STORAGE_IO);
    assertThat(io.getMessage()).contains("Permission denied", DIR.toString(), "could not write a batch");

    VeriSimException noStatus = RocksDbErrors.wrap(new RocksDBException("something odd"), "write a batch", DIR);
    assertThat(noStatus.code()).isEqualTo(ErrorCode.STORAGE_IO);
    assertThat(noStatus.getMessage()).contains("something odd");
  }

  private static VeriSimException wrap(Status.Code code, Status.SubCode subCode, String message) {
    return RocksDbErrors.wrap(new RocksDBException(message, new Status(code, subCode, message)), "write a batch", DIR);
  }
}
