package org.verisimdb.vql;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.verisimdb.vql.ast.Modality;
import org.verisimdb.vql.check.Catalog;
import org.verisimdb.vql.check.Contract;
import org.verisimdb.vql.check.VqlType;

/** The database VQL.md §12 assumes: dimension 4, four contracts, a store and federation peers. */
final class Catalogs {
  private Catalogs() {}

  static Catalog examples() {
    Map<String, Contract> contracts = Map.of(
        "ExportControl", new Contract("ExportControl", Contract.Kind.PREDICATE,
            List.of(new Contract.Param("region", VqlType.STRING, true), new Contract.Param("tier", VqlType.INTEGER, false)), Set.of(Modality.DOCUMENT)),
        "StationSchema", new Contract("StationSchema", Contract.Kind.PREDICATE, List.of(), Set.of(Modality.DOCUMENT, Modality.SPATIAL)),
        "LedgerIntegrity", new Contract("LedgerIntegrity", Contract.Kind.INTEGRITY, List.of(), Set.of(Modality.DOCUMENT, Modality.PROVENANCE)),
        "AgeOver18", new Contract("AgeOver18", Contract.Kind.ZKP, List.of(), Set.of(Modality.SEMANTIC)));
    Set<String> stores = Set.of("docs-eu-1", "graph", "vector", "tensor", "semantic", "document", "temporal", "provenance", "spatial");
    Set<String> peers = Set.of("reykjavik", "tromso-2", "labs/oslo", "labs/bergen", "eu/nl/delft", "eu/de");
    return Catalog.offline().withVectorDimension(4).withContracts(contracts).withStores(stores).withPeers(peers);
  }
}
