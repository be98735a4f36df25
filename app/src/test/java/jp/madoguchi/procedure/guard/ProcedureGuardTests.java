package jp.madoguchi.procedure.guard;

import static jp.madoguchi.procedure.guard.GuardSamples.APPLY_FORM;
import static jp.madoguchi.procedure.guard.GuardSamples.BPMN;
import static jp.madoguchi.procedure.guard.GuardSamples.REVIEW_FORM;
import static jp.madoguchi.procedure.guard.GuardSamples.reasons;
import static jp.madoguchi.procedure.guard.GuardSamples.reasonsWithPart;
import static jp.madoguchi.procedure.guard.GuardSamples.withElement;
import static jp.madoguchi.procedure.guard.GuardSamples.withElements;
import static jp.madoguchi.procedure.guard.GuardSamples.withLoop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import jp.madoguchi.procedure.RefusalReason;
import org.camunda.bpm.engine.authorization.Groups;
import org.assertj.core.api.ListAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One test per rule of the deploy guard: each breaks one rule of the smallest good procedure. */
class ProcedureGuardTests {

  @Test
  void shouldAcceptTheSmallestGoodProcedure() {
    assertThat(reasons(BPMN)).isEmpty();
  }

  @Test
  void shouldRefuseScriptTasks() {
    refused(withElement("<bpmn:scriptTask id=\"Task_Calculate\" name=\"計算\" scriptFormat=\"groovy\">"
        + "<bpmn:script>'rm -rf /'.execute()</bpmn:script></bpmn:scriptTask>", "Task_Calculate"))
        .singleElement().satisfies(reason -> {
          assertThat(reason.element()).isEqualTo("Task_Calculate");
          assertThat(reason.ja()).contains("スクリプトタスクは使えません");
          assertThat(reason.en()).contains("script tasks are not allowed");
        });
  }

  @Test
  void shouldRefuseScriptListenersAndScriptInputOutput() {
    refused(BPMN.replace("<bpmn:incoming>Flow_ToReview</bpmn:incoming>", "<bpmn:extensionElements>"
        + "<camunda:taskListener event=\"create\"><camunda:script scriptFormat=\"groovy\">x</camunda:script></camunda:taskListener>"
        + "</bpmn:extensionElements><bpmn:incoming>Flow_ToReview</bpmn:incoming>"), "Task_Review", "scripts (camunda:script)");
    refused(BPMN.replace("<camunda:inputParameter name=\"message\">", "<camunda:inputParameter name=\"extra\">"
        + "<camunda:script scriptFormat=\"javascript\">1</camunda:script></camunda:inputParameter>"
        + "<camunda:inputParameter name=\"message\">"), "Task_Notify", "scripts (camunda:script)");
  }

  @Test
  void shouldRefuseExternalScriptResources() {
    refused(BPMN.replace("<bpmn:incoming>Flow_ToReview</bpmn:incoming>", "<bpmn:extensionElements>"
        + "<camunda:executionListener event=\"start\"><camunda:script scriptFormat=\"groovy\" resource=\"deployment://run.groovy\" />"
        + "</camunda:executionListener></bpmn:extensionElements><bpmn:incoming>Flow_ToReview</bpmn:incoming>"),
        "Task_Review", "external script files");
    var files = GuardSamples.files(BPMN, APPLY_FORM, REVIEW_FORM);
    files.put("run.groovy", "'id'.execute()".getBytes());
    assertThat(ProcedureGuard.check(GuardSamples.candidate("demo", null, files), GuardSamples.ENVIRONMENT).reasons())
        .singleElement().satisfies(reason -> {
          assertThat(reason.resource()).isEqualTo("run.groovy");
          assertThat(reason.en()).contains("only BPMN (.bpmn), DMN (.dmn) and Camunda Forms (.form)");
        });
  }

  @Test
  void shouldRefuseScriptConditions() {
    refused(BPMN.replace("<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">",
        "<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\" language=\"javascript\">"),
        "Flow_ToDone", "conditions in a script language");
  }

  @Test
  void shouldRefuseJavaClassesAnywhere() {
    refused(withElement("<bpmn:serviceTask id=\"Task_Calculate\" name=\"計算\" camunda:class=\"jp.example.Fee\" />",
        "Task_Calculate"), "Task_Calculate", "Java classes (class)");
    refused(BPMN.replace("<bpmn:incoming>Flow_ToReview</bpmn:incoming>", "<bpmn:extensionElements>"
        + "<camunda:taskListener event=\"create\" class=\"jp.example.Listener\" /></bpmn:extensionElements>"
        + "<bpmn:incoming>Flow_ToReview</bpmn:incoming>"), "Task_Review", "Java classes (class)");
    assertThat(reasonsWithPart(withElement("<bpmn:callActivity id=\"Task_Call\" name=\"呼出し\" calledElement=\"sample-part\" "
        + "camunda:variableMappingClass=\"jp.example.Mapping\" />", "Task_Call"), PART_ALONE)).singleElement()
        .satisfies(reason -> assertThat(reason.en()).contains("(variableMappingClass)"));
  }

  @Test
  void shouldRefuseTheEnginesBuiltInTaskTypesSuchAsShell() {
    // camunda:type="shell" would run an operating-system command inside the app, "mail" send mail
    for (String task : List.of("serviceTask", "sendTask", "businessRuleTask")) {
      for (String type : List.of("shell", "Shell", "mail", "external")) {
        refused(withElement("<bpmn:" + task + " id=\"Task_Run\" name=\"実行\" camunda:type=\"" + type + "\">"
            + "<bpmn:extensionElements><camunda:field name=\"command\"><camunda:string>/bin/sh</camunda:string>"
            + "</camunda:field></bpmn:extensionElements></bpmn:" + task + ">", "Task_Run"), "Task_Run",
            "built-in task types (camunda:type=\"" + type + "\"");
      }
    }
    refused(withElement("<bpmn:intermediateThrowEvent id=\"Event_Send\" name=\"送信\"><bpmn:messageEventDefinition "
        + "id=\"MessageDefinition_Send\" camunda:type=\"shell\" /></bpmn:intermediateThrowEvent>", "Event_Send"),
        "MessageDefinition_Send", "camunda:type");
  }

  @Test
  void shouldRefuseExtensionsWrittenInAnotherNamespaceTheEngineReadsAsItsOwn() {
    // Camunda 7 still reads activiti: as camunda:, Operaton reads operaton: (and camunda:): a class
    // written there would run although every rule looks for camunda: only.
    for (String namespace : List.of("http://activiti.org/bpmn", "http://operaton.org/schema/1.0/bpmn")) {
      assertThat(reasons(declaringOther(withElement("<bpmn:serviceTask id=\"Task_Calculate\" name=\"計算\" "
          + "other:class=\"jp.example.Fee\" />", "Task_Calculate"), namespace)))
          .as(namespace).singleElement().satisfies(reason -> {
            assertThat(reason.element()).isEqualTo("Task_Calculate");
            assertThat(reason.ja()).contains("camunda:", namespace);
            assertThat(reason.en()).contains("extensions in " + namespace + " are not allowed; write them as camunda:");
          });
      assertThat(reasons(declaringOther(BPMN, namespace).replace("<bpmn:incoming>Flow_ToReview</bpmn:incoming>", "<bpmn:extensionElements>"
          + "<other:taskListener event=\"create\"><other:script scriptFormat=\"groovy\">x</other:script></other:taskListener>"
          + "</bpmn:extensionElements><bpmn:incoming>Flow_ToReview</bpmn:incoming>")))
          .as(namespace).singleElement().satisfies(reason -> {
            assertThat(reason.element()).isEqualTo("Task_Review");
            assertThat(reason.en()).contains("extensions in " + namespace + " are not allowed");
          });
    }
  }

  @Test
  void shouldRefuseEmbeddedAndGeneratedFormsConnectorsAndOtherTenantsDefinitions() {
    refused(BPMN.replace("camunda:formRef=\"sample-review\"", "camunda:formKey=\"embedded:deployment:review.html\" "
        + "camunda:formRef=\"sample-review\""), "Task_Review", "embedded forms (camunda:formKey)");
    refused(withElement("<bpmn:serviceTask id=\"Task_Call\" name=\"外部呼出し\"><bpmn:extensionElements><camunda:connector>"
        + "<camunda:connectorId>http-connector</camunda:connectorId></camunda:connector></bpmn:extensionElements>"
        + "</bpmn:serviceTask>", "Task_Call"), "Task_Call", "connectors");
    assertThat(reasonsWithPart(withElement("<bpmn:callActivity id=\"Task_Call\" name=\"呼出し\" calledElement=\"sample-part\" "
        + "camunda:calledElementTenantId=\"kita\" />", "Task_Call"), PART_ALONE)).singleElement()
        .satisfies(reason -> assertThat(reason.en()).contains("another tenant"));
  }

  @Test
  void shouldLetInformMergedApplicationsSendOnlyAMessageTheProcedureItselfWaitsFor() {
    String inform = "<bpmn:serviceTask id=\"Task_Inform\" name=\"統合した申請に知らせる\" "
        + "camunda:delegateExpression=\"${informMergedApplications}\"><bpmn:extensionElements><camunda:inputOutput>"
        + "<camunda:inputParameter name=\"messageName\">%s</camunda:inputParameter>"
        + "<camunda:inputParameter name=\"numberVariable\">decision</camunda:inputParameter>"
        + "</camunda:inputOutput></bpmn:extensionElements></bpmn:serviceTask>";
    // the review's proof of concept: pushes every resident certificate waiting for its payment past it
    refused(withElement(inform.formatted("PaymentCompleted"), "Task_Inform"), "Task_Inform",
        "message 'PaymentCompleted' that no message catch event or receive task of this process waits for");
    refused(withElement(inform.formatted("${target}"), "Task_Inform"), "Task_Inform", "message '${target}'");
    refused(withElement(inform.replace("<camunda:inputParameter name=\"messageName\">%s</camunda:inputParameter>", ""),
        "Task_Inform"), "Task_Inform", "runs informMergedApplications, which needs the input parameter 'messageName'");

    String catchEvent = "<bpmn:intermediateCatchEvent id=\"Event_OriginalDone\" name=\"統合先の完了を受信\">"
        + "<bpmn:messageEventDefinition id=\"MessageDefinition_OriginalDone\" messageRef=\"Message_OriginalDone\" />"
        + "</bpmn:intermediateCatchEvent>";
    String receiveTask = "<bpmn:receiveTask id=\"Event_OriginalDone\" name=\"統合先の完了を受信\" messageRef=\"Message_OriginalDone\" />";
    for (String waiting : List.of(catchEvent, receiveTask)) {
      assertThat(reasons(withElement(inform.formatted("OriginalDone") + waiting, "Task_Inform")
          .replace("</bpmn:process>", "</bpmn:process><bpmn:message id=\"Message_OriginalDone\" name=\"OriginalDone\" />")
          .replace("</bpmndi:BPMNPlane>", "<bpmndi:BPMNShape id=\"Event_OriginalDone_di\" bpmnElement=\"Event_OriginalDone\">"
              + "<dc:Bounds x=\"500\" y=\"300\" width=\"36\" height=\"36\" /></bpmndi:BPMNShape></bpmndi:BPMNPlane>")))
          .isEmpty();
    }
  }

  @Test
  void shouldLetMergeDuplicateNameOnlyUserTasksOfItsProcessAsOpen() {
    String merge = "<bpmn:serviceTask id=\"Task_Merge\" name=\"先の申請に重複として統合\" "
        + "camunda:delegateExpression=\"${mergeDuplicate}\"><bpmn:extensionElements><camunda:inputOutput>"
        + "<camunda:inputParameter name=\"openTasks\">%s</camunda:inputParameter>"
        + "</camunda:inputOutput></bpmn:extensionElements></bpmn:serviceTask>";
    // a typo: no earlier application is ever waiting at Task_Reveiw, so every merge would be refused
    refused(withElement(merge.formatted("Task_Reveiw"), "Task_Merge"), "Task_Merge",
        "mergeDuplicate's openTasks names 'Task_Reveiw', which is no user task of this process (its user tasks: Task_Review)");
    refused(withElement(merge.formatted("Task_Review, Task_Notify"), "Task_Merge"), "Task_Merge", "names 'Task_Notify'");

    assertThat(reasons(withElement(merge.formatted("Task_Review"), "Task_Merge"))).isEmpty();
    assertThat(reasons(withElement(merge.formatted(" Task_Review , "), "Task_Merge"))).isEmpty();
    assertThat(reasons(withElement(merge.formatted("${openAt}"), "Task_Merge"))).as("an expression is known only at run time")
        .isEmpty();
  }

  @Test
  void shouldRequireTheInputsABuildingBlockNeedsOnEveryStepThatRunsIt() {
    String message = "<camunda:inputParameter name=\"message\">受付番号：${applicationNumber}&#10;${answer}</camunda:inputParameter>";
    refused(BPMN.replace(message, ""), "Task_Notify", "the step runs notifyResident, which needs the input parameter 'message'");
    refused(BPMN.replace(message, "<camunda:inputParameter name=\"message\">  </camunda:inputParameter>"), "Task_Notify",
        "needs the input parameter 'message'");
    refused(BPMN.replace(message, "<camunda:inputParameter name=\"mesage\">受付番号：${applicationNumber}</camunda:inputParameter>"),
        "Task_Notify", "needs the input parameter 'message'");
    String listener = "<bpmn:intermediateThrowEvent id=\"Event_Issued\" name=\"通知書を発行\"><bpmn:extensionElements>"
        + "<camunda:executionListener delegateExpression=\"${issueDocument}\" event=\"start\" />%s</bpmn:extensionElements>"
        + "</bpmn:intermediateThrowEvent>";
    refused(withElement(listener.formatted(""), "Event_Issued"), "Event_Issued",
        "the step runs issueDocument, which needs the input parameter 'documentLayout'");
    String layout = "<camunda:inputOutput><camunda:inputParameter name=\"documentLayout\">%s</camunda:inputParameter>"
        + "</camunda:inputOutput>";
    assertThat(reasons(withElement(listener.formatted(layout.formatted("receipt")), "Event_Issued"))).isEmpty();
    String chosen = layout.formatted("${answer == 'ok' ? 'receipt' : 'notice'}");
    assertThat(reasons(withElement(listener.formatted(chosen), "Event_Issued"))).as("an expression is known only when the step runs")
        .isEmpty();
    refused(withElement(listener.formatted(layout.formatted("reciept")), "Event_Issued"), "Event_Issued",
        "there is no documentLayout 'reciept'");
  }

  @Test
  void shouldRefuseBeansThatAreNoBuildingBlocks() {
    refused(BPMN.replace("${registerApplication}", "${jdbcTemplate.queryForList('SELECT * FROM application')}"),
        "Task_Register", "'jdbcTemplate' is not a procedure building block");
  }

  @Test
  void shouldRefuseReflectionInExpressions() {
    assertThat(reasons(BPMN.replace("${decision == 'approve'}",
        "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec('id') != null}")))
        .allSatisfy(reason -> assertThat(reason.element()).isEqualTo("Flow_ToDone"))
        .extracting(RefusalReason::en).contains("'getClass' is not allowed in expressions (no reflection, no engine internals)",
            "'Runtime' is not allowed in expressions (no reflection, no engine internals)");
    refused(BPMN.replace("${decision == 'approve'}", "${''['class'] != null}"), "Flow_ToDone",
        "'class' is not allowed in expressions");
  }

  @Test
  void shouldRefuseValueMethodsThatGrowChangeOrBacktrackButAcceptReadingOnes() {
    refused(BPMN.replace("${decision == 'approve'}", "${decision.repeat(100000000) != null}"), "Flow_ToDone",
        "method 'repeat' of a value (text, list, map, date) is not allowed");
    refused(BPMN.replace("${decision == 'approve'}", "${currentUserGroups().add('camunda-admin')}"), "Flow_ToDone",
        "method 'add' of a value (text, list, map, date) is not allowed");
    refused(BPMN.replace("${decision == 'approve'}", "${decision.matches('(.*a){8}')}"), "Flow_ToDone",
        "method 'matches' of a value (text, list, map, date) is not allowed");
    assertThat(reasons(BPMN.replace("${decision == 'approve'}",
        "${decision.trim().toLowerCase().startsWith('app') and routing.replace == null}"))).isEmpty();
  }

  @Test
  void shouldRefuseFunctionsAndEngineObjectsButAcceptTheEngineDateFunctions() {
    refused(BPMN.replace("${decision == 'approve'}", "${S(items).prop('x') != null}"), "Flow_ToDone", "function 'S'");
    refused(BPMN.replace("${decision == 'approve'}", "${execution.processBusinessKey != null}"), "Flow_ToDone",
        "'execution' is not allowed");
    assertThat(reasons(BPMN.replace("${jst.daysLater(5, 17)}", "${dateTime().plusDays(5).toDate()}"))).isEmpty();
  }

  @Test
  void shouldRefuseAnExpressionThatIsNotClosed() {
    refused(BPMN.replace("${decision == 'approve'}", "${decision == 'approve'"), "Flow_ToDone", "is not closed");
  }

  @Test
  void shouldRequireEveryFormInTheDeployment() {
    // without the review form, its field answer in the LINE message has no label either
    assertThat(reasons(BPMN.replace("&#10;${answer}", ""), APPLY_FORM, null)).singleElement().satisfies(reason -> {
      assertThat(reason.element()).isEqualTo("Task_Review");
      assertThat(reason.ja()).contains("フォーム「sample-review」がこのデプロイにありません");
    });
    refused(BPMN.replace("sample-apply\" camunda:formRefBinding=\"deployment\"",
        "sample-apply\" camunda:formRefBinding=\"latest\""), "StartEvent_Submitted", "must be 'deployment'");
  }

  @Test
  void shouldRequireAFormAndACandidateGroupOnEveryUserTask() {
    refused(BPMN.replace(" camunda:formRef=\"sample-review\" camunda:formRefBinding=\"deployment\"", "")
        .replace("&#10;${answer}", ""), "Task_Review", "the user task has no form");
    refused(BPMN.replace(" camunda:candidateGroups=\"citizen-section\"", ""), "Task_Review", "no candidate group");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "camunda:priority=\"high\"| write the priority 'high' as a whole number",
      "camunda:priority=\"99999999999\"| write the priority '99999999999' as a whole number",
      "camunda:priority=\" 7\"| write the priority ' 7' as a whole number",
      "camunda:priority=\"\"| write the priority '' as a whole number",
      "camunda:dueDate=\"next week\"| cannot read the dueDate 'next week'",
      "camunda:dueDate=\"P1X\"| cannot read the dueDate 'P1X'",
      "camunda:followUpDate=\"2026-13-45\"| cannot read the followUpDate '2026-13-45'"})
  void shouldRefuseATasksPriorityOrDateTheEngineCouldNotRead(String attribute, String reason) {
    refused(BPMN.replace("camunda:dueDate=\"${jst.daysLater(5, 17)}\"", attribute), "Task_Review", reason);
  }

  @ParameterizedTest
  @ValueSource(strings = {"camunda:priority=\"80\"", "camunda:priority=\"-1\"", "camunda:priority=\"${urgent ? 80 : 50}\"",
      "camunda:dueDate=\"P10D\"", "camunda:dueDate=\"PT36H\"", "camunda:dueDate=\"P2W\"",
      "camunda:dueDate=\"2026-12-10T17:00:00+09:00\"", "camunda:dueDate=\"2026-12-10T17:00:00\"",
      "camunda:followUpDate=\"2026-12-10\""})
  void shouldAcceptPrioritiesAndDatesTheEngineReads(String attribute) {
    assertThat(reasons(BPMN.replace("camunda:dueDate=\"${jst.daysLater(5, 17)}\"", attribute))).isEmpty();
  }

  @Test
  void shouldRequireGroupsOfTheTenant() {
    refused(BPMN.replace("citizen-section", "child-section"), "Task_Review",
        "group 'child-section' is not a group of tenant demo");
    refused(BPMN.replace("citizen-section", Groups.CAMUNDA_ADMIN), "Task_Review", "operators' group");
    refused(BPMN.replace("citizen-section", "${department}"), "sample", "list every group it can give");
    assertThat(reasons(BPMN.replace("citizen-section", "${department}").replace(
        "<camunda:property name=\"retentionYears\" value=\"1\" />", "<camunda:property name=\"retentionYears\" value=\"1\" />"
        + "<camunda:property name=\"departments\" value=\"citizen-section,waste-section\" />"))).isEmpty();
    refused(BPMN.replace("<camunda:property name=\"retentionYears\" value=\"1\" />", "<camunda:property name=\"retentionYears\""
        + " value=\"1\" /><camunda:property name=\"departments\" value=\"waste-section\" />"), "Task_Review",
        "missing from the process property departments");
  }

  @Test
  void shouldRequireHistoryTimeToLive() {
    refused(BPMN.replace(" camunda:historyTimeToLive=\"365\"", ""), "sample", "set camunda:historyTimeToLive");
    refused(BPMN.replace("camunda:historyTimeToLive=\"365\"", "camunda:historyTimeToLive=\"30\""), "sample",
        "shorter than the retention (1 years)");
  }

  @Test
  void shouldRequireTheProceduresLabelAndRetention() {
    refused(BPMN.replace("<camunda:property name=\"confidentiality\" value=\"2\" />", ""), "sample",
        "set the procedure's information label");
    refused(BPMN.replace("name=\"personalData\" value=\"personal\"", "name=\"personalData\" value=\"secret\""), "sample",
        "set the procedure's information label");
    refused(BPMN.replace("name=\"retentionYears\" value=\"1\"", "name=\"retentionYears\" value=\"ten\""), "sample",
        "retention in years");
    List<RefusalReason> lowered = reasons(BPMN.replace("name=\"confidentiality\" value=\"2\"", "name=\"confidentiality\" value=\"1\""));
    assertThat(lowered).extracting(RefusalReason::en).contains("a procedure with personal data must be confidentiality 2 or 3",
        "the procedure's label (confidentiality 1, personal data) is lower than field 'address' "
            + "(confidentiality 2, personal data)");
  }

  @Test
  void shouldRequireALabelOnEveryField() {
    assertThat(reasons(BPMN, APPLY_FORM.replace("""
        "properties": {"confidentiality": "2", "personalData": "personal"}}]}""", "\"properties\": {}}]}"), REVIEW_FORM))
        .singleElement().satisfies(reason -> {
          assertThat(reason.resource()).isEqualTo("apply.form");
          assertThat(reason.element()).isEqualTo("children.name");
          assertThat(reason.ja()).contains("項目「児童の氏名」に情報区分がありません");
        });
    assertThat(reasons(BPMN, APPLY_FORM.replace("\"confidentiality\": \"2\", \"personalData\": \"personal\"}},",
        "\"confidentiality\": \"1\", \"personalData\": \"personal\"}},"), REVIEW_FORM))
        .extracting(RefusalReason::en).containsExactly("field 'address' holds personal data, so its confidentiality must be 2 or 3");
  }

  @Test
  void shouldRefuseConfidentialFieldsInLineMessages() {
    refused(BPMN.replace("${answer}", "${address}"), "Task_Notify", "cannot carry fields of confidentiality 2 or above (address)");
    refused(BPMN.replace("${answer}", "${children}"), "Task_Notify", "(children)");
    refused(BPMN.replace("${answer}", "${earlierSubmissions}"), "Task_Notify", "(earlierSubmissions)");
  }

  @Test
  void shouldCountAVariableWithoutALabelAsSensitiveInLineMessages() {
    // mapUrl is set by the mapLink building block from the resident's position: personal data without a label
    String unlabelled = "uses variable 'mapUrl', which has no information label";
    refused(BPMN.replace("${answer}", "${mapUrl}"), "Task_Notify", unlabelled);
    refused(BPMN.replace("${answer}", "${jst.date(mapUrl)}"), "Task_Notify", unlabelled);
    assertThat(reasons(BPMN.replace("${answer}", "${mapUrl}${address}"))).extracting(RefusalReason::en)
        .anySatisfy(en -> assertThat(en).contains(unlabelled)).anySatisfy(en -> assertThat(en).contains("(address)"));

    String declared = "<camunda:property name=\"retentionYears\" value=\"1\" />"
        + "<camunda:property name=\"variableLabels\" value=\"%s\" />";
    String withDepartment = BPMN.replace("${answer}", "${departmentName}");
    assertThat(reasons(withDepartment.replace("<camunda:property name=\"retentionYears\" value=\"1\" />",
        declared.formatted("departmentName=1/none, fee = 1/none")))).isEmpty();
    refused(withDepartment.replace("<camunda:property name=\"retentionYears\" value=\"1\" />",
        declared.formatted("departmentName=2/personal")), "Task_Notify", "cannot carry fields of confidentiality 2 or above (departmentName)");
    refused(BPMN.replace("<camunda:property name=\"retentionYears\" value=\"1\" />", declared.formatted("departmentName=public")),
        "sample", "variableLabels: cannot read 'departmentName=public'");
    refused(BPMN.replace("<camunda:property name=\"retentionYears\" value=\"1\" />", declared.formatted("mapUrl=1/personal")),
        "sample", "variable 'mapUrl' holds personal data, so its confidentiality must be 2 or 3");
  }

  @Test
  void shouldRefuseAFormRuleNoValueCouldMeet() {
    String birthDate = """
        {"id": "Field_BirthDate", "type": "datetime", "subtype": "date", "key": "birthDate", "dateLabel": "生年月日",
         "disallowPassedDates": true,
         "properties": {"confidentiality": "2", "personalData": "personal", "disallowFutureDates": "true"}},
        {"id": "Field_Address\"""";
    assertThat(reasons(BPMN, APPLY_FORM.replace("{\"id\": \"Field_Address\"", birthDate), REVIEW_FORM))
        .singleElement().satisfies(reason -> {
          assertThat(reason.resource()).isEqualTo("apply.form");
          assertThat(reason.element()).isEqualTo("birthDate");
          assertThat(reason.ja()).contains("今日しか選べません");
          assertThat(reason.en()).isEqualTo("Field 'birthDate' disallows both passed and future dates: only today would be taken");
        });
    assertThat(reasons(BPMN, APPLY_FORM.replace("\"label\": \"児童\",", "\"label\": \"児童\", \"properties\": {\"maxItems\": \"0\"},"),
        REVIEW_FORM)).extracting(RefusalReason::ja).containsExactly("項目「children」の maxItems「0」は 1 以上の整数にしてください");
    assertThat(reasons(BPMN, APPLY_FORM.replace("\"label\": \"住所\",", "\"label\": \"住所\", \"validate\": {\"pattern\": \"[\"},"),
        REVIEW_FORM)).extracting(RefusalReason::element).containsExactly("address");
  }

  /** Numbers in a form or a model the guard could not read stopped the deployment with a 500. */
  @Test
  void shouldRefuseNumbersItCannotReadOrThatCostTooMuch() {
    String address = "\"label\": \"住所\",";
    for (String[] setting : new String[][] {{"\"validate\": {\"min\": \"abc\"}", "min 'abc' is not a number"},
        {"\"validate\": {\"max\": \"1e9999999999\"}", "max '1e9999999999' is not a number"},
        {"\"validate\": {\"maxLength\": \"99999999999\"}", "maxLength '99999999999' must be a whole number from 0"},
        {"\"validate\": {\"minLength\": -1}", "minLength '-1' must be a whole number from 0"},
        {"\"increment\": \"1e-100000\"", "increment '1E-100000' must have at most 10 decimals"},
        {"\"increment\": \"1e15\"", "increment '1E+15' must have at most 10 decimals and be below 10^15"}}) {
      assertThat(reasons(BPMN, APPLY_FORM.replace(address, address + " " + setting[0] + ","), REVIEW_FORM))
          .as(setting[0]).singleElement().satisfies(reason -> {
            assertThat(reason.element()).isEqualTo("address");
            assertThat(reason.en()).contains(setting[1]);
          });
    }
    assertThat(reasons(BPMN, APPLY_FORM.replace(address, address + " \"increment\": \"0.01\", \"validate\": "
        + "{\"min\": \"1\", \"max\": 99, \"minLength\": \"2\", \"maxLength\": 40},"), REVIEW_FORM)).isEmpty();
    refused(BPMN.replace("camunda:historyTimeToLive=\"365\"", "camunda:historyTimeToLive=\"99999999999\""), "sample",
        "write the history time to live '99999999999' as days");
  }

  @Test
  void shouldRefuseFormConditionsThatLoopOrThatFeelCannotRead() {
    String hidden = "\"label\": \"住所\", \"conditional\": {\"hide\": \"=%s\"},";
    assertThat(reasons(BPMN, APPLY_FORM.replace("\"label\": \"住所\",",
        hidden.formatted("count(for i in 1..1000000 return i) > 0")), REVIEW_FORM)).singleElement()
        .satisfies(reason -> {
          assertThat(reason.resource()).isEqualTo("apply.form");
          assertThat(reason.element()).isEqualTo("address");
          assertThat(reason.ja()).contains("表示条件", "for … return");
          assertThat(reason.en()).contains("is not allowed here: for … return");
        });
    assertThat(reasons(BPMN, APPLY_FORM.replace("\"label\": \"児童\",",
        "\"label\": \"児童\", \"conditional\": {\"hide\": \"=some c in children satisfies c.name = kind\"},"),
        REVIEW_FORM)).extracting(RefusalReason::element).containsExactly("children");
    assertThat(reasons(BPMN, APPLY_FORM.replace("\"label\": \"住所\",", hidden.formatted("kind = ")), REVIEW_FORM))
        .extracting(RefusalReason::en).singleElement().asString().contains("is not FEEL");
    assertThat(reasons(BPMN, APPLY_FORM.replace("\"label\": \"住所\",", hidden.formatted("kind != \\\"new\\\"")),
        REVIEW_FORM)).isEmpty();
  }

  @Test
  void shouldRequireTheLabelBadgeInEveryClerksForm() {
    assertThat(reasons(BPMN, APPLY_FORM, REVIEW_FORM.replace("{{informationLabel}}", "")))
        .singleElement().satisfies(reason -> {
          assertThat(reason.resource()).isEqualTo("review.form");
          assertThat(reason.en()).contains("does not show the information label");
        });
  }

  @Test
  void shouldRefuseIdsTheModelerMadeUp() {
    refused(BPMN.replace("Task_Review", "Activity_0x1y2z3"), "Activity_0x1y2z3", "an id that says what it is");
    refused(BPMN.replace("Flow_ToDone", "Flow_0abc12d"), "Flow_0abc12d", "an id that says what it is");
    assertThat(reasons(BPMN.replace("\"sample\"", "\"Process_1\""))).extracting(RefusalReason::en).containsExactly(
        "give the element an id that says what it is, e.g. Task_ReviewApplication",
        "the process id (procedure key) must be lower-case words joined by hyphens, e.g. dog-registration");
  }

  @Test
  void shouldRequireJapaneseNamesAndTheDiagram() {
    refused(BPMN.replace(" name=\"完了\"", ""), "Event_Done", "Japanese name");
    refused(BPMN.replaceAll("<bpmndi:BPMNShape id=\"Event_Done_di\".*?</bpmndi:BPMNShape>", ""), "Event_Done",
        "not in the diagram");
  }

  @Test
  void shouldRefuseALoopThatNeverWaits() {
    // the review's proof of concept: a token went round two gateways until the engine ran out of memory,
    // holding the job executor of every municipality
    String expected = "without waiting for a clerk, a message or a timer";
    refused(withLoop("<bpmn:exclusiveGateway id=\"Gateway_Check\" name=\"確認\" />", "Gateway_Check", "Gateway_Check"),
        "Gateway_Again", "loops (Gateway_Again, Gateway_Check) " + expected);
    String recheck = "<bpmn:serviceTask id=\"Task_Recheck\" name=\"再確認\" %s camunda:delegateExpression=\"${registerApplication}\" />";
    refused(withLoop(recheck.formatted(""), "Task_Recheck", "Task_Recheck"), "Gateway_Again", expected);
    // an asynchronous continuation commits each round, but the job executor still runs it without end
    refused(withLoop(recheck.formatted("camunda:asyncBefore=\"true\" camunda:asyncAfter=\"true\""), "Task_Recheck",
        "Task_Recheck"), "Gateway_Again", "an asynchronous continuation alone does not stop it");
    refused(withLoop("<bpmn:subProcess id=\"SubProcess_Recheck\" name=\"再確認\"><bpmn:startEvent id=\"StartEvent_Recheck\" "
        + "name=\"再確認の開始\" /><bpmn:endEvent id=\"Event_Rechecked\" name=\"再確認の終了\" /><bpmn:sequenceFlow "
        + "id=\"Flow_InRecheck\" sourceRef=\"StartEvent_Recheck\" targetRef=\"Event_Rechecked\" /></bpmn:subProcess>",
        "SubProcess_Recheck", "SubProcess_Recheck"), "Gateway_Again", expected);
    // a condition that already holds lets the token through at once
    refused(withLoop("<bpmn:intermediateCatchEvent id=\"Event_Ready\" name=\"準備完了\"><bpmn:conditionalEventDefinition "
        + "id=\"ConditionalDefinition_Ready\"><bpmn:condition xsi:type=\"bpmn:tFormalExpression\">${decision == 'approve'}"
        + "</bpmn:condition></bpmn:conditionalEventDefinition></bpmn:intermediateCatchEvent>", "Event_Ready", "Event_Ready"),
        "Gateway_Again", expected);
    // a link is a sequence flow drawn as two events
    refused(withLoop("<bpmn:intermediateThrowEvent id=\"Event_JumpBack\" name=\"戻る\"><bpmn:linkEventDefinition "
        + "id=\"LinkDefinition_JumpBack\" name=\"again\" /></bpmn:intermediateThrowEvent><bpmn:intermediateCatchEvent "
        + "id=\"Event_LandBack\" name=\"戻り先\"><bpmn:linkEventDefinition id=\"LinkDefinition_LandBack\" name=\"again\" />"
        + "</bpmn:intermediateCatchEvent>", "Event_JumpBack", "Event_LandBack"), "Gateway_Again", expected);
  }

  @Test
  void shouldAcceptALoopThatWaitsForAClerkAMessageOrATimer() {
    String correct = "<bpmn:userTask id=\"Task_Correct\" name=\"補正\" camunda:formRef=\"sample-review\" "
        + "camunda:formRefBinding=\"deployment\" camunda:candidateGroups=\"citizen-section\" />";
    assertThat(reasons(withLoop(correct, "Task_Correct", "Task_Correct"))).isEmpty();
    assertThat(reasons(withLoop("<bpmn:subProcess id=\"SubProcess_Correct\" name=\"補正\"><bpmn:startEvent "
        + "id=\"StartEvent_Correct\" name=\"補正の開始\" />" + correct + "<bpmn:endEvent id=\"Event_Corrected\" name=\"補正の終了\" />"
        + "<bpmn:sequenceFlow id=\"Flow_ToCorrect\" sourceRef=\"StartEvent_Correct\" targetRef=\"Task_Correct\" />"
        + "<bpmn:sequenceFlow id=\"Flow_Corrected\" sourceRef=\"Task_Correct\" targetRef=\"Event_Corrected\" /></bpmn:subProcess>",
        "SubProcess_Correct", "SubProcess_Correct"))).isEmpty();
    assertThat(reasons(withLoop("<bpmn:intermediateCatchEvent id=\"Event_CorrectionSubmitted\" name=\"補正を受信\">"
        + "<bpmn:messageEventDefinition id=\"MessageDefinition_CorrectionSubmitted\" messageRef=\"Message_CorrectionSubmitted\" />"
        + "</bpmn:intermediateCatchEvent>", "Event_CorrectionSubmitted", "Event_CorrectionSubmitted").replace("</bpmn:process>",
        "</bpmn:process><bpmn:message id=\"Message_CorrectionSubmitted\" name=\"CorrectionSubmitted\" />"))).isEmpty();
    assertThat(reasons(withLoop("<bpmn:intermediateCatchEvent id=\"Event_NextDay\" name=\"翌日\"><bpmn:timerEventDefinition "
        + "id=\"TimerDefinition_NextDay\"><bpmn:timeDuration xsi:type=\"bpmn:tFormalExpression\">P1D</bpmn:timeDuration>"
        + "</bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>", "Event_NextDay", "Event_NextDay"))).isEmpty();
  }

  @Test
  void shouldNotCountATimerThatMayFireAtOnceAsTheWaitOfALoop() {
    // a loop through a PT0S timer made the job executor create and run a timer job without end
    String expected = "without waiting for a clerk, a message or a timer";
    String later = "<bpmn:intermediateCatchEvent id=\"Event_Later\" name=\"待機\"><bpmn:timerEventDefinition "
        + "id=\"TimerDefinition_Later\">%s</bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>";
    for (String timer : List.of(duration("PT0S"), duration("PT1S"), duration("PT14M59S"), duration("-P1D"),
        duration("${delay}"), duration("P1D${''}"), date("2020-04-01T09:00:00"), date("${jst.daysLater(1, 9)}"))) {
      refused(withLoop(later.formatted(timer), "Event_Later", "Event_Later"), "Gateway_Again", expected);
    }
    // a timer on a user task moves the token on without a clerk: a loop back through it is no wait either
    String correct = "<bpmn:userTask id=\"Task_Correct\" name=\"補正\" camunda:formRef=\"sample-review\" "
        + "camunda:formRefBinding=\"deployment\" camunda:candidateGroups=\"citizen-section\" />"
        + "<bpmn:boundaryEvent id=\"Event_CorrectionLate\" name=\"補正の期限\" attachedToRef=\"Task_Correct\">"
        + "<bpmn:timerEventDefinition id=\"TimerDefinition_CorrectionLate\">%s</bpmn:timerEventDefinition></bpmn:boundaryEvent>";
    refused(withLoop(correct.formatted(duration("PT0S")), "Task_Correct", "Event_CorrectionLate"), "Gateway_Again",
        "loops (Gateway_Again, Task_Correct, Event_CorrectionLate) " + expected);
    refused(withLoop(correct.formatted(date("${jst.daysLater(5, 17)}")), "Task_Correct", "Event_CorrectionLate"),
        "Gateway_Again", expected);

    assertThat(reasons(withLoop(later.formatted(duration("PT15M")), "Event_Later", "Event_Later"))).isEmpty();
    assertThat(reasons(withLoop(later.formatted(duration("P1M")), "Event_Later", "Event_Later"))).isEmpty();
    assertThat(reasons(withLoop(later.formatted("<bpmn:timeCycle xsi:type=\"bpmn:tFormalExpression\">R/PT1H</bpmn:timeCycle>"),
        "Event_Later", "Event_Later"))).isEmpty();
    assertThat(reasons(withLoop(correct.formatted(duration("P14D")), "Task_Correct", "Event_CorrectionLate"))).isEmpty();
  }

  private static String duration(String text) {
    return "<bpmn:timeDuration xsi:type=\"bpmn:tFormalExpression\">" + text + "</bpmn:timeDuration>";
  }

  private static String date(String text) {
    return "<bpmn:timeDate xsi:type=\"bpmn:tFormalExpression\">" + text + "</bpmn:timeDate>";
  }

  @Test
  void shouldRefuseACallActivityThatMayCallItsOwnProcessAgain() {
    // a process that calls itself creates instances without end, for every municipality's engine
    String call = "<bpmn:callActivity id=\"Task_Call\" name=\"呼出し\" %s />";
    refused(withElement(call.formatted("calledElement=\"sample\""), "Task_Call"), "Task_Call",
        "calls its own process (sample)");
    refused(withElement(call.formatted("calledElement=\"${nextProcedure}\""), "Task_Call"), "Task_Call",
        "calledElement '${nextProcedure}' is an expression");
    refused(withElement(call.formatted("calledElement=\"bulky-waste-collection\""), "Task_Call"), "Task_Call",
        "calls 'bulky-waste-collection', which is not a process of this deployment");
    refused(withElement(call.formatted("camunda:caseRef=\"case\""), "Task_Call"), "Task_Call", "names no process");
    // sample → sample-part → sample
    String callBack = call.replace("Task_Call", "Task_Part").formatted("calledElement=\"sample\"");
    List<RefusalReason> cycle = reasonsWithPart(withElement(call.formatted("calledElement=\"sample-part\""), "Task_Call"), callBack);
    assertThat(cycle).extracting(RefusalReason::element).containsExactlyInAnyOrder("Task_Call", "Task_Part");
    assertThat(cycle).extracting(RefusalReason::en)
        .anySatisfy(en -> assertThat(en).contains(CYCLE + " (sample → sample-part → sample)"))
        .anySatisfy(en -> assertThat(en).contains(CYCLE + " (sample-part → sample → sample-part)"));
    // an older version of a process of this deployment may call anything
    assertThat(reasonsWithPart(withElement(call.formatted("calledElement=\"sample-part\" camunda:calledElementBinding=\"version\" "
        + "camunda:calledElementVersion=\"1\""), "Task_Call"), PART_ALONE)).extracting(RefusalReason::en)
        .singleElement().asString().contains("calledElementBinding 'version'");

    assertThat(reasonsWithPart(withElement(call.formatted("calledElement=\"sample-part\""), "Task_Call"), PART_ALONE)).isEmpty();
    assertThat(reasonsWithPart(withElement(call.formatted("calledElement=\"sample-part\" camunda:calledElementBinding=\"deployment\""),
        "Task_Call"), PART_ALONE)).isEmpty();
  }

  private static final String PART_ALONE = "<bpmn:task id=\"Task_Part\" name=\"一部の作業\" />";
  private static final String CYCLE = "call activities call back the process they started from";

  @Test
  void shouldRefuseMultiInstancesThatMayCreateMoreThanAHundredInstancesAtOnce() {
    // loopCardinality 100000000 filled the engine's memory, shared by every municipality
    String check = "<bpmn:task id=\"Task_Check\" name=\"確認\"><bpmn:multiInstanceLoopCharacteristics %s</bpmn:task>";
    String cardinality = "><bpmn:loopCardinality xsi:type=\"bpmn:tFormalExpression\">%s</bpmn:loopCardinality>"
        + "</bpmn:multiInstanceLoopCharacteristics>";
    refused(withElement(check.formatted(cardinality.formatted("100000000")), "Task_Check"), "Task_Check",
        "loopCardinality '100000000' is more than 100");
    refused(withElement(check.formatted(cardinality.formatted("101")), "Task_Check"), "Task_Check", "more than 100");
    refused(withElement(check.formatted(cardinality.formatted("${count}")), "Task_Check"), "Task_Check",
        "loopCardinality '${count}' is not a number");
    refused(withElement(check.formatted("camunda:collection=\"${otherList}\" />"), "Task_Check"), "Task_Check",
        "camunda:collection '${otherList}' is not a field of this procedure's forms");
    refused(withElement(check.formatted("camunda:collection=\"${children.subList(0, 2)}\" />"), "Task_Check"), "Task_Check",
        "camunda:collection '${children.subList(0, 2)}' is not a field");
    assertThat(reasons(withElement(check.formatted("camunda:collection=\"${children}\" />"), "Task_Check"),
        APPLY_FORM.replace("\"path\": \"children\",", "\"path\": \"children\", \"properties\": {\"maxItems\": \"1000\"},"),
        REVIEW_FORM)).singleElement().satisfies(reason -> {
          assertThat(reason.element()).isEqualTo("Task_Check");
          assertThat(reason.en()).contains("camunda:collection '${children}' is a form field of up to 1000 entries");
        });
    // nested: 20 rounds of a subprocess, each with one instance per child (at most 50)
    refused(withElements("<bpmn:subProcess id=\"SubProcess_Rounds\" name=\"各回\"><bpmn:multiInstanceLoopCharacteristics "
        + cardinality.formatted("20") + check.formatted("camunda:collection=\"children\" />") + "</bpmn:subProcess>"),
        "Task_Check", "may create more than 100 instances at once");
    // 20 calls of a process that creates 10 instances
    String calls = "<bpmn:callActivity id=\"Task_Call\" name=\"呼出し\" calledElement=\"sample-part\">"
        + "<bpmn:multiInstanceLoopCharacteristics " + cardinality.formatted("20") + "</bpmn:callActivity>";
    String part = check.replace("Task_Check", "Task_Part").formatted(cardinality.formatted("10"));
    assertThat(reasonsWithPart(withElement(calls, "Task_Call"), part)).singleElement().satisfies(reason -> {
      assertThat(reason.element()).isEqualTo("Task_Call");
      assertThat(reason.en()).contains("may create more than 100 instances at once");
    });

    assertThat(reasons(withElement(check.formatted(cardinality.formatted("100")), "Task_Check"))).isEmpty();
    assertThat(reasons(withElement(check.formatted("camunda:collection=\"${children}\" />"), "Task_Check"))).isEmpty();
    assertThat(reasons(withElement(check.formatted("camunda:collection=\"children\" camunda:elementVariable=\"child\" />"),
        "Task_Check"))).isEmpty();
    assertThat(reasonsWithPart(withElement(calls, "Task_Call"), part.replace(">10<", ">5<"))).isEmpty();
  }

  @Test
  void shouldRefuseTimerCyclesMoreOftenThanEveryFifteenMinutes() {
    String reminder = "<bpmn:boundaryEvent id=\"Event_Reminder\" name=\"催促\" cancelActivity=\"false\" attachedToRef=\"Task_Review\">"
        + "<bpmn:timerEventDefinition id=\"TimerDefinition_Reminder\"><bpmn:timeCycle xsi:type=\"bpmn:tFormalExpression\">%s"
        + "</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:boundaryEvent>";
    for (String cycle : List.of("R/PT1M", "R5/PT14M59S", "0 * * * * *", "0 0/5 * * * *", "0 0,10,30 9 * * *", "* 0 9 * * *")) {
      refused(withElement(reminder.formatted(cycle), "Event_Reminder"), "Event_Reminder",
          "timer cycle '" + cycle + "' repeats more often than every 15 minutes");
    }
    for (String cycle : List.of("${reminderCycle}", "PT1H", "R/2026-04-01T09:00:00/2026-04-01T10:00:00", "0 0 9 * *", "@hourly")) {
      refused(withElement(reminder.formatted(cycle), "Event_Reminder"), "Event_Reminder",
          "cannot tell how often timer cycle '" + cycle + "' repeats");
    }
    for (String cycle : List.of("R/PT1H", "R3/PT15M", "R/P1W", "R/2026-04-01T09:00:00+09:00/P1D", "0 0 9 * * MON-FRI",
        "0 0,30 * * * *", "0 */15 8-17 * * *", "30 50/20 * * * *")) {
      assertThat(reasons(withElement(reminder.formatted(cycle), "Event_Reminder"))).as(cycle).isEmpty();
    }
  }

  @Test
  void shouldRefuseTimerDatesAndDurationsTheEngineCouldNotRead() {
    String overdue = "<bpmn:boundaryEvent id=\"Event_Overdue\" name=\"期限超過\" cancelActivity=\"false\" attachedToRef=\"Task_Review\">"
        + "<bpmn:timerEventDefinition id=\"TimerDefinition_Overdue\"><bpmn:%1$s xsi:type=\"bpmn:tFormalExpression\">%2$s"
        + "</bpmn:%1$s></bpmn:timerEventDefinition></bpmn:boundaryEvent>";
    for (String duration : List.of("next week", "P1X", "1 day", "")) {
      refused(withElement(overdue.formatted("timeDuration", duration), "Event_Overdue"), "Event_Overdue",
          "cannot read the timer's duration '" + duration + "'");
    }
    for (String date : List.of("tomorrow", "2026-13-45", "2026/12/10")) {
      refused(withElement(overdue.formatted("timeDate", date), "Event_Overdue"), "Event_Overdue",
          "cannot read the timer's date '" + date + "'");
    }
    for (String[] good : new String[][] {{"timeDuration", "P14D"}, {"timeDuration", "PT1H"}, {"timeDuration", "P2W"},
        {"timeDuration", "${reminderAfter}"}, {"timeDate", "2027-04-01T09:00:00+09:00"}, {"timeDate", "2027-04-01"},
        {"timeDate", "P5D"}, {"timeDate", "${jst.daysLater(5, 17)}"}}) {
      assertThat(reasons(withElement(overdue.formatted(good[0], good[1]), "Event_Overdue"))).as(good[1]).isEmpty();
    }
  }

  @Test
  void shouldRefuseFilesItCannotRead() {
    assertThat(reasons("<definitions>", APPLY_FORM, REVIEW_FORM)).extracting(RefusalReason::en)
        .contains("not a readable BPMN 2.0 file; save it again with Camunda Modeler");
    assertThat(reasons(BPMN, APPLY_FORM.replace("\"sample-apply\"", "\"\""), REVIEW_FORM)).extracting(RefusalReason::en)
        .contains("the form has no id (the name camunda:formRef refers to)");
    assertThat(reasons(BPMN, APPLY_FORM, APPLY_FORM)).extracting(RefusalReason::en)
        .contains("form id 'sample-apply' is also used by apply.form");
    assertThat(reasons("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>" + BPMN.strip().substring(38),
        APPLY_FORM, REVIEW_FORM)).extracting(RefusalReason::en).contains("not a readable BPMN 2.0 file; save it again with Camunda Modeler");
  }

  @Test
  void shouldAcceptFeelDecisionsOnly() {
    var files = GuardSamples.files(BPMN, APPLY_FORM, REVIEW_FORM);
    String dmn = """
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_Route" name="振り分け" namespace="x">
          <decision id="route" name="振り分け"><decisionTable id="Table_Route">
            <input id="Input_Kind"><inputExpression id="Expr_Kind" typeRef="string" expressionLanguage="%s"><text>kind</text></inputExpression></input>
            <output id="Output_Group" name="group" typeRef="string" />
          </decisionTable></decision>
        </definitions>""";
    files.put("route.dmn", dmn.formatted("feel").getBytes());
    assertThat(ProcedureGuard.check(GuardSamples.candidate("demo", null, files), GuardSamples.ENVIRONMENT).reasons()).isEmpty();
    files.put("route.dmn", dmn.formatted("javascript").getBytes());
    assertThat(ProcedureGuard.check(GuardSamples.candidate("demo", null, files), GuardSamples.ENVIRONMENT).reasons())
        .extracting(RefusalReason::en).containsExactly("write DMN expressions in FEEL (javascript is not allowed)");
  }

  @Test
  void shouldRefuseDecisionsThatLoopOrRunRegularExpressions() {
    var files = GuardSamples.files(BPMN, APPLY_FORM, REVIEW_FORM);
    String dmn = """
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_Route" name="振り分け" namespace="x">
          <decision id="route" name="振り分け"><decisionTable id="Table_Route" hitPolicy="FIRST">
            <input id="Input_Kind"><inputExpression id="Expr_Kind" typeRef="string"><text>%s</text></inputExpression></input>
            <output id="Output_Group" name="group" typeRef="string" />
            <rule id="Rule_1"><inputEntry id="Entry_1"><text>%s</text></inputEntry>
              <outputEntry id="Out_1"><text>%s</text></outputEntry></rule>
            <rule id="Rule_2"><inputEntry id="Entry_2"><text>-</text></inputEntry>
              <outputEntry id="Out_2"><text>"waste-section"</text></outputEntry></rule>
          </decisionTable></decision>
        </definitions>""";
    for (String[] fine : new String[][] {{"kind", "\"公園の遊具\"", "\"park-section\""},
        {"string length(kind)", "[1..5], > 10", "if kind = \"a\" then \"park-section\" else \"road-section\""},
        {"kind", "not(\"a\", \"b\")", "upper case(kind)"}, {"kind", "", "null"}}) {
      files.put("route.dmn", dmn.formatted((Object[]) fine).getBytes());
      assertThat(ProcedureGuard.check(GuardSamples.candidate("demo", null, files), GuardSamples.ENVIRONMENT).reasons())
          .as(String.join(" | ", fine)).isEmpty();
    }
    files.put("route.dmn", dmn.formatted("count(for i in 1..1000000 return i)", "some x in [1, 2] satisfies x = ?",
        "if matches(kind, \"(.*a){8}\") then \"a\" else \"b\"").getBytes());
    assertThat(ProcedureGuard.check(GuardSamples.candidate("demo", null, files), GuardSamples.ENVIRONMENT).reasons())
        .extracting(RefusalReason::element, reason -> reason.en().replaceAll(" \\(no loops.*", ""))
        .containsExactlyInAnyOrder(
            tuple("Expr_Kind", "the DMN expression 'count(for i in 1..1000000 return i)' uses what is not allowed here: "
                + "for … return, x in a..b"),
            tuple("Entry_1", "the DMN unary tests 'some x in [1, 2] satisfies x = ?' uses what is not allowed here: "
                + "some … satisfies"),
            tuple("Out_1", "the DMN expression 'if matches(kind, \"(.*a){8}\") then \"a\" else \"b\"' uses what is not "
                + "allowed here: matches()"));
  }

  @Test
  void shouldLetTheAppDeploySharedProceduresAndStaffOnlyTheirOwnTenant() {
    var files = GuardSamples.files(BPMN, APPLY_FORM, REVIEW_FORM);
    assertThat(ProcedureGuard.check(GuardSamples.candidate(null, null, files), GuardSamples.ENVIRONMENT).refused()).isFalse();
    assertThat(ProcedureGuard.check(GuardSamples.candidate("demo", GuardSamples.DEMO_ADMIN, files), GuardSamples.ENVIRONMENT)
        .refused()).isFalse();

    Verdict noTenant = ProcedureGuard.check(GuardSamples.candidate(null, GuardSamples.DEMO_ADMIN, files), GuardSamples.ENVIRONMENT);
    assertThat(noTenant.forbidden()).isFalse();
    assertThat(noTenant.reasons()).singleElement().extracting(RefusalReason::en).asString().startsWith("deploy with your municipality's tenant id");
    Verdict otherTenant = ProcedureGuard.check(GuardSamples.candidate("kita", GuardSamples.DEMO_ADMIN, files), GuardSamples.ENVIRONMENT);
    assertThat(otherTenant.forbidden()).isTrue();
    assertThat(otherTenant.reasons()).as("nothing about the other tenant's groups").singleElement()
        .extracting(RefusalReason::en).isEqualTo("you may deploy procedures only for your own municipality (demo)");

    assertThat(ProcedureGuard.check(GuardSamples.candidate("kita", GuardSamples.OPERATOR, files), GuardSamples.ENVIRONMENT)
        .reasons()).extracting(RefusalReason::en).containsExactly("group 'citizen-section' is not a group of tenant kita; "
            + "name a group its staff belong to");
    assertThat(ProcedureGuard.check(GuardSamples.candidate("nowhere", GuardSamples.OPERATOR, files), GuardSamples.ENVIRONMENT)
        .reasons()).extracting(RefusalReason::en).containsExactly("tenant 'nowhere' does not exist");
    assertThat(ProcedureGuard.check(GuardSamples.candidate(null, GuardSamples.OPERATOR, files), GuardSamples.ENVIRONMENT)
        .refused()).isTrue();
  }

  private static String declaringOther(String bpmn, String namespace) {
    return bpmn.replace("xmlns:camunda=", "xmlns:other=\"" + namespace + "\" xmlns:camunda=");
  }

  private static ListAssert<RefusalReason> refused(String bpmn) {
    return assertThat(reasons(bpmn));
  }

  /** The sample with this change is refused for exactly this reason, naming the element. */
  private static void refused(String bpmn, String element, String english) {
    assertThat(reasons(bpmn)).as("reasons").singleElement().satisfies(reason -> {
      assertThat(reason.element()).isEqualTo(element);
      assertThat(reason.en()).contains(english);
      assertThat(reason.ja()).isNotBlank();
    });
  }
}
