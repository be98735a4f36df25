package jp.madoguchi.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jp.madoguchi.BulkyWasteApplications;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.procedure.InformationLabel.PersonalData;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every shipped procedure carries its information label, retention, departments and field labels (C1/C2). */
class ProcedureLabelsTests extends IntegrationTest {

  private static final InformationLabel PERSONAL = new InformationLabel(2, PersonalData.PERSONAL);

  @Autowired ProcedureLabels labels;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;

  @ParameterizedTest
  @CsvSource({
      "bulky-waste-collection, 2, personal, 3, waste-section",
      "resident-certificate, 2, personal, 3, citizen-section",
      "road-damage-report, 2, personal, 5, road-section park-section sewer-section",
      "child-allowance, 3, personal, 5, child-section child-section-chief"})
  void shouldCarryTheProceduresLabelRetentionAndDepartments(String key, int confidentiality, String personalData,
      int years, String departments) {
    String id = shared(key);

    assertThat(labels.procedureLabel(id)).isEqualTo(new InformationLabel(confidentiality,
        PersonalData.parse(personalData).orElseThrow()));
    assertThat(labels.retentionYears(id)).isEqualTo(years);
    assertThat(labels.departments(id)).containsExactly(departments.split(" "));
    assertThat(labels.fields(id)).isNotEmpty().allSatisfy(field ->
        assertThat(field.label()).as(field.key()).isNotEqualTo(InformationLabel.UNLABELLED));
  }

  @Test
  void shouldLabelEveryFieldOfTheApplyAndTaskForms() {
    Map<String, InformationLabel> bulky = labels.fieldLabels(shared("bulky-waste-collection"));
    assertThat(bulky).containsEntry("address", PERSONAL).containsEntry("phone", PERSONAL)
        .containsEntry("items.name", PERSONAL).containsEntry("items.size", InformationLabel.PUBLIC)
        .containsEntry("items", PERSONAL).containsEntry("decision", InformationLabel.PUBLIC)
        .containsEntry("collectionDate", InformationLabel.PUBLIC);
    Map<String, InformationLabel> child = labels.fieldLabels(shared("child-allowance"));
    assertThat(child).containsEntry("accountNumber", new InformationLabel(3, PersonalData.PERSONAL))
        .containsEntry("monthlyAmount", PERSONAL).containsEntry("chiefDecision", InformationLabel.PUBLIC);
    assertThat(labels.fields(shared("child-allowance"))).extracting(ProcedureLabels.LabelledField::text)
        .contains("口座番号（7桁の数字）", "手当月額（円）");
  }

  @Test
  void shouldKeepConfidentialFieldsOutOfChatMessages() {
    String id = shared("bulky-waste-collection");

    assertThat(labels.notForChat(id, "住所：${address}、電話：${phone}、収集日：${jst.date(collectionDate)}").all())
        .containsExactly("address", "phone");
    assertThat(labels.notForChat(id, "受付番号：${applicationNumber}、収集日：${collectionDate}").all()).isEmpty();
    assertThat(labels.notForChat(id, "${earlierSubmissions}").all()).containsExactly("earlierSubmissions");
    // a variable without a label counts as sensitive; the procedure labels those it sends
    assertThat(labels.notForChat(id, "${mapUrl}").unlabelled()).containsExactly("mapUrl");
    assertThat(labels.notForChat(shared("road-damage-report"), "担当：${departmentName}").all()).isEmpty();
    assertThat(labels.notForChat(shared("resident-certificate"), "手数料：${paymentAmount}円").all()).isEmpty();
  }

  @Test
  void shouldGiveEveryApplicationItsLabelForTheClerksForms() {
    ProcessInstance instance = TenantContext.callAs(DEMO, () -> runtime.startProcessInstanceByKey("bulky-waste-collection",
        BulkyWasteApplications.valid()));

    assertThat(runtime.getVariable(instance.getId(), ProcedureLabels.LABEL_VARIABLE)).isEqualTo("機密性2・個人情報");
  }

  private String shared(String key) {
    return repository.createProcessDefinitionQuery().processDefinitionKey(key).withoutTenantId().latestVersion()
        .singleResult().getId();
  }
}
