package org.verisimdb.cli.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.Callable;
import org.verisimdb.engine.Database;
import org.verisimdb.engine.VeriSimDB;
import org.verisimdb.engine.json.OctadJson;
import org.verisimdb.model.Octad;
import org.verisimdb.model.OctadId;
import org.verisimdb.model.error.ErrorCode;
import org.verisimdb.model.error.VeriSimException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code verisimdb get ID}: one octad as JSON, all modalities. */
@Command(name = "get", mixinStandardHelpOptions = true, description = "Print one octad as JSON, with all its modalities.")
public final class GetCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  DatabaseOptions database;

  @Parameters(paramLabel = "ID", description = "The octad's id.")
  String id;

  @Option(names = "--pretty", description = "Indent the JSON for reading (the default is one canonical line).")
  boolean pretty;

  @Override
  public Integer call() throws Exception {
    OctadId octadId = OctadId.of(id);
    try (Database db = VeriSimDB.open(database.requireDirectory().dataDirectory(), database.config(),
        new ProgressPrinter(spec.commandLine().getErr()))) {
      Octad octad = db.get(octadId).orElseThrow(() -> VeriSimException.invalid(ErrorCode.OCTAD_NOT_FOUND, "id",
          "octad '" + id + "' does not exist in " + db.directory()));
      String json = OctadJson.toJson(octad);
      if (pretty) {
        ObjectMapper mapper = new ObjectMapper();
        json = mapper.writerWithDefaultPrettyPrinter().writeValueAsString(mapper.readTree(json));
      }
      spec.commandLine().getOut().println(json);
    }
    return 0;
  }
}
