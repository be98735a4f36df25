package jp.madoguchi.liff;

import jp.madoguchi.audit.AccessLogAttributes;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.madoguchi.application.ResidentApplicationCommands;
import jp.madoguchi.application.ResidentApplications;
import jp.madoguchi.application.ResidentApplications.Detail;
import jp.madoguchi.application.ResidentApplications.Summary;
import jp.madoguchi.application.ResidentSubmissions;
import jp.madoguchi.application.ResidentSubmissions.Submitted;
import jp.madoguchi.document.Documents;
import jp.madoguchi.liff.LiffIdTokens.InvalidIdTokenException;
import jp.madoguchi.procedure.ProcedureCatalog;
import jp.madoguchi.procedure.ProcedureCatalog.Procedure;
import jp.madoguchi.procedure.ProcedureForms;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The JSON API of the resident's LIFF pages. The catalogue is public; everything about
 * applications needs {@code Authorization: Bearer <LIFF ID token>}, verified on every request.
 */
@RestController
@RequestMapping("/api/{tenant}")
class ResidentApiController {

  private final LiffIdTokens idTokens;
  private final ProcedureCatalog procedures;
  private final ProcedureForms forms;
  private final ResidentSubmissions submissions;
  private final ResidentApplications applications;
  private final ResidentApplicationCommands commands;
  private final Documents documents;
  private final ObjectMapper json;

  ResidentApiController(LiffIdTokens idTokens, ProcedureCatalog procedures, ProcedureForms forms,
      ResidentSubmissions submissions, ResidentApplications applications, ResidentApplicationCommands commands,
      Documents documents, ObjectMapper json) {
    this.idTokens = idTokens;
    this.procedures = procedures;
    this.forms = forms;
    this.submissions = submissions;
    this.applications = applications;
    this.commands = commands;
    this.documents = documents;
    this.json = json;
  }

  @GetMapping("/procedures")
  List<Procedure> procedures(@PathVariable String tenant) {
    return procedures.forTenant(tenant);
  }

  @GetMapping("/procedures/{key}/apply-form")
  ResponseEntity<JsonNode> applyForm(@PathVariable String tenant, @PathVariable String key) {
    return procedures.find(tenant, key)
        .map(procedure -> ResponseEntity.ok(forms.startForm(procedure.definitionId()).definition()))
        .orElseGet(() -> ResponseEntity.notFound().build());
  }

  record SubmitRequest(String procedureKey, ObjectNode data, UUID clientRequestId) {
  }

  @PostMapping("/applications")
  ResponseEntity<Object> submit(@PathVariable String tenant,
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @RequestBody SubmitRequest request, HttpServletRequest http) throws InvalidIdTokenException {
    Resident resident = resident(tenant, authorization);
    if (request.procedureKey() == null || request.data() == null || request.clientRequestId() == null) {
      return ResponseEntity.badRequest().body(Map.of("message",
          "procedureKey、data、clientRequestId が必要です (procedureKey, data and clientRequestId are required)"));
    }
    Submitted submitted = submissions.submit(tenant, resident.userId(), request.procedureKey(), request.data(),
        request.clientRequestId());
    AccessLogAttributes.concerns(http, submitted.applicationNumber());
    return ResponseEntity.status(submitted.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(Map.of("applicationNumber", submitted.applicationNumber()));
  }

  @GetMapping("/applications")
  List<Summary> mine(@PathVariable String tenant,
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization)
      throws InvalidIdTokenException {
    return applications.list(tenant, resident(tenant, authorization).userId());
  }

  @GetMapping("/applications/{number}")
  JsonNode detail(@PathVariable String tenant, @PathVariable String number,
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization, HttpServletRequest http)
      throws InvalidIdTokenException {
    Resident resident = resident(tenant, authorization);
    AccessLogAttributes.personalDataRead(http, number);
    return detailWithDocuments(tenant, resident.userId(), number);
  }

  record CorrectionRequest(ObjectNode data, UUID clientRequestId) {
  }

  record WithdrawalRequest(UUID clientRequestId) {
  }

  @PostMapping("/applications/{number}/correction")
  ResponseEntity<Object> correct(@PathVariable String tenant, @PathVariable String number,
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @RequestBody CorrectionRequest request, HttpServletRequest http) throws InvalidIdTokenException {
    Resident resident = resident(tenant, authorization);
    AccessLogAttributes.concerns(http, number);
    if (request.data() == null) {
      return ResponseEntity.badRequest().body(Map.of("message", "data が必要です (data is required)"));
    }
    commands.correct(tenant, resident.userId(), number, request.data(), request.clientRequestId());
    AccessLogAttributes.personalDataRead(http, number);
    return ResponseEntity.ok(detailWithDocuments(tenant, resident.userId(), number));
  }

  @PostMapping("/applications/{number}/withdrawal")
  JsonNode withdraw(@PathVariable String tenant, @PathVariable String number,
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @RequestBody(required = false) WithdrawalRequest request, HttpServletRequest http) throws InvalidIdTokenException {
    Resident resident = resident(tenant, authorization);
    AccessLogAttributes.concerns(http, number);
    commands.withdraw(tenant, resident.userId(), number, request == null ? null : request.clientRequestId());
    AccessLogAttributes.personalDataRead(http, number);
    return detailWithDocuments(tenant, resident.userId(), number);
  }

  /** The application's detail and the documents issued for it ({id, title, issuedAt}). */
  private ObjectNode detailWithDocuments(String tenant, String userId, String number) {
    Detail detail = applications.detail(tenant, userId, number);
    ObjectNode body = json.valueToTree(detail);
    body.set("documents", json.valueToTree(documents.ofApplication(tenant, userId, number)));
    return body;
  }

  private Resident resident(String tenant, String authorization) throws InvalidIdTokenException {
    return idTokens.fromAuthorizationHeader(tenant, authorization);
  }
}
