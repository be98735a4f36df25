package jp.madoguchi.application;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import jp.madoguchi.procedure.FormSchema;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

/**
 * The process variables a resident's correction sets: the corrected fields, the replaced version in
 * {@code earlierSubmissions}, and what clerks read ({@code attachmentLinks}, {@code readable},
 * {@code cardSubject}).
 */
@Component
class CorrectionVariables {

  private final EarlierSubmissions earlierSubmissions;
  private final AttachmentLinks attachmentLinks;
  private final ClerkView clerkView;

  CorrectionVariables(EarlierSubmissions earlierSubmissions, AttachmentLinks attachmentLinks, ClerkView clerkView) {
    this.earlierSubmissions = earlierSubmissions;
    this.attachmentLinks = attachmentLinks;
    this.clerkView = clerkView;
  }

  VariableMap of(ApplicationRecord application, String definitionId, FormSchema applyForm, JsonNode before,
      JsonNode corrected, List<UUID> attached) {
    VariableMap variables = ApplicationVariables.of(corrected)
        .putValueTyped(EarlierSubmissions.VARIABLE,
            earlierSubmissions.withReplaced(application, applyForm, before, corrected))
        .putValueTyped(AttachmentLinks.VARIABLE, attachmentLinks.of(application.tenantId(), attached));
    variables.putAll(clerkView.of(definitionId, applyForm, corrected));
    return variables;
  }
}
