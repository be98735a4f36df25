package jp.madoguchi.export;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jp.madoguchi.audit.AuditChainFile;
import jp.madoguchi.audit.AuditFilter;
import jp.madoguchi.audit.AuditSearch;
import jp.madoguchi.procedure.ProcedureLabels;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes one export's ZIP: applications (JSON, CSV), their tasks, comments, variables, steps,
 * decisions, payments, identity requests, notifications, resident requests and provider callbacks,
 * documents, attachments, the access and operation logs and their hash chain, the departments and staff, the procedures, then {@code manifest.json} (SHA-256
 * and size of every file before it) with its signature {@code manifest.json.p7s} and {@code signing-certificate.pem}.
 */
@Component
class ExportWriter {

  static final String MANIFEST = "manifest.json";
  /** Free texts with no label of their own, in an export without 要配慮個人情報: left out as if sensitive. */
  private static final List<String> EXCLUDED_TEXTS = List.of(EngineRecordsExport.COMMENTS + ": text",
      ResidentRecordsExport.PAYMENTS + ": description", ResidentRecordsExport.IDENTITY_REQUESTS + ": attributes",
      ResidentRecordsExport.NOTIFICATIONS + ": text", ProcessHistoryExport.DECISIONS + ": value");

  private final ApplicationsExport applications;
  private final FilesExport files;
  private final EngineRecordsExport engineRecords;
  private final ProcessHistoryExport processHistory;
  private final ResidentRecordsExport residentRecords;
  private final ProceduresExport procedures;
  private final OrganisationExport organisation;
  private final AuditSearch audit;
  private final AuditChainFile chain;
  private final ManifestSigner signer;
  private final ProcedureLabels labels;
  private final RepositoryService repository;
  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final ObjectMapper json;

  ExportWriter(ApplicationsExport applications, FilesExport files, EngineRecordsExport engineRecords,
      ProcessHistoryExport processHistory, ResidentRecordsExport residentRecords, ProceduresExport procedures,
      OrganisationExport organisation, AuditSearch audit, AuditChainFile chain, ManifestSigner signer,
      ProcedureLabels labels, RepositoryService repository, JdbcTemplate jdbc, Clock clock, ObjectMapper json) {
    this.applications = applications;
    this.files = files;
    this.engineRecords = engineRecords;
    this.processHistory = processHistory;
    this.residentRecords = residentRecords;
    this.procedures = procedures;
    this.organisation = organisation;
    this.audit = audit;
    this.chain = chain;
    this.signer = signer;
    this.labels = labels;
    this.repository = repository;
    this.jdbc = jdbc;
    this.clock = clock;
    this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
  }

  /** Writes the ZIP into {@code target}; returns the SHA-256 of the manifest. */
  String write(Export export, OutputStream target, ExportProgress progress) throws Exception {
    String tenantId = export.tenantId();
    SensitiveFields sensitive = new SensitiveFields(labels, repository, tenantId);
    Map<String, Object> counts = new LinkedHashMap<>();
    try (ExportZip zip = new ExportZip(target)) {
      long applicationCount = count("application", tenantId);
      counts.put("applications", applications.write(zip, tenantId, sensitive, export.includeSensitive(),
          applicationCount, progress));
      counts.putAll(engineRecords.write(zip, tenantId, sensitive, export.includeSensitive(), applicationCount, progress));
      counts.putAll(processHistory.write(zip, tenantId, export.includeSensitive(), applicationCount, progress));
      counts.putAll(residentRecords.write(zip, tenantId, export.includeSensitive(), progress));
      SensitiveFiles sensitiveFiles = export.includeSensitive() ? null : files.withoutSensitive(sensitive, tenantId);
      counts.put("documents", files.documents(zip, tenantId, sensitiveFiles, count("document", tenantId), progress));
      counts.put("attachments", files.attachments(zip, tenantId, sensitiveFiles, countAttached(tenantId), progress));
      progress.phase("logs", 3);
      for (String category : List.of("ACCESS", "OPERATION")) {
        try (OutputStream out = zip.entry("logs/" + category.toLowerCase() + "-log.csv")) {
          audit.writeCsv(new AuditFilter(tenantId, category, null, null, null, null, null), out);
        }
        progress.item();
      }
      AuditChainFile.Written chained;
      try (OutputStream out = zip.entry("logs/audit-chain.jsonl")) {
        chained = chain.write(tenantId, out);
      }
      counts.put("auditEntries", chained.entries());
      progress.item();
      OrganisationExport.Written organised = organisation.write(zip, export, progress);
      counts.put("departments", organised.departments());
      counts.put("staff", organised.staff());
      List<String> deployments = procedures.write(zip, tenantId, progress);
      counts.put("deployments", deployments.size());
      progress.phase("manifest", 1);
      byte[] manifest = json.writeValueAsBytes(manifest(export, counts, deployments, sensitive, sensitiveFiles,
          organised.staffNames(), chained, zip.files()));
      ManifestSigner.Signed signed = signer.sign(tenantId, manifest);
      zip.unlisted(MANIFEST, manifest);
      zip.unlisted(MANIFEST + ".p7s", signed.signature());
      zip.unlisted("signing-certificate.pem", signed.certificateChainPem().getBytes(StandardCharsets.US_ASCII));
      progress.item();
      return java.util.HexFormat.of().formatHex(ExportZip.sha256().digest(manifest));
    }
  }

  private Map<String, Object> manifest(Export export, Map<String, Object> counts, List<String> deployments,
      SensitiveFields sensitive, SensitiveFiles sensitiveFiles, boolean staffNames, AuditChainFile.Written chained,
      List<ExportZip.ManifestFile> written) {
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("format", "madoguchi-export/1");
    manifest.put("tenant", export.tenantId());
    manifest.put("exportId", export.id().toString());
    manifest.put("requestedBy", export.requestedBy());
    manifest.put("requestedAt", export.createdAt().atZone(ExportStore.jst()).toOffsetDateTime().toString());
    manifest.put("writtenAt", clock.instant().atZone(ExportStore.jst()).toOffsetDateTime().toString());
    manifest.put("includeSensitive", export.includeSensitive());
    manifest.put("excludedFields", export.includeSensitive() ? Map.of() : sensitive.excluded());
    manifest.put("excludedVariables", export.includeSensitive() ? Map.of() : sensitive.excludedVariables());
    manifest.put("excludedFiles", sensitiveFiles == null ? Map.of() : sensitiveFiles.excluded());
    manifest.put("excludedTexts", export.includeSensitive() ? List.of() : EXCLUDED_TEXTS);
    manifest.put("staffNames", staffNames);
    manifest.put("counts", counts);
    manifest.put("deployments", deployments);
    manifest.put("files", written);
    // the last entry of logs/audit-chain.jsonl, a checkpoint kept outside the database:
    // /audit-chain/verify?seq=&hash= checks the live chain against it later
    manifest.put("auditChainAnchor", chained.anchor());
    manifest.put("auditChainHead", chained.head());
    return manifest;
  }

  private long count(String table, String tenantId) {
    return jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE tenant_id = ?", Long.class, tenantId);
  }

  private long countAttached(String tenantId) {
    return jdbc.queryForObject("SELECT count(*) FROM attachment WHERE tenant_id = ? AND application_id IS NOT NULL",
        Long.class, tenantId);
  }
}
