package jp.madoguchi.access;

import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/**
 * A procedure key has one owner: the app's shared procedures (no tenant) or one tenant. Grants are
 * per key and groups are shared by all tenants, so a second owner of a key would hand its
 * departments the first owner's applications in their own municipality: tenant A's procedure
 * "dog-registration" for waste-section and tenant B's "dog-registration" for citizen-section would
 * let B's grants open A's applications to A's citizen-section. Such a deployment is refused; the
 * designer picks another key (e.g. prefixed with the tenant slug).
 */
final class ProcedureKeyOwnership {

  private ProcedureKeyOwnership() {
  }

  /**
   * @param deployedBy the user deploying through REST or Modeler, or null for the app itself
   * @param existing every deployed definition with the key, of any tenant
   */
  static void check(String key, String tenantId, String deployedBy, List<ProcessDefinition> existing) {
    if (tenantId == null && deployedBy != null) {
      throw new BadUserRequestException(("手続「%s」はテナントIDを指定して配備してください。すべての自治体で使う手続はアプリに同梱して配備します"
          + " (procedure '%s': deploy it with a tenant id; procedures for every municipality ship with the app)")
          .formatted(key, key));
    }
    for (ProcessDefinition definition : existing) {
      if (!Objects.equals(definition.getTenantId(), tenantId)) {
        throw new BadUserRequestException(("手続のキー「%s」は%sが使っています。別のキー（例：自治体の略称を付けたもの）にしてください"
            + " (the process key '%s' already belongs to %s; choose another key, e.g. prefixed with the tenant slug)")
            .formatted(key, owner(definition.getTenantId(), true), key, owner(definition.getTenantId(), false)));
      }
    }
  }

  private static String owner(String tenantId, boolean japanese) {
    if (tenantId == null) {
      return japanese ? "共通の手続" : "a shared procedure";
    }
    return japanese ? "ほかの自治体" : "another tenant";
  }
}
