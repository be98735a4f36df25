package jp.madoguchi.encryption;

import java.util.Base64;

import jp.madoguchi.encryption.VariableOwners.Owner;
import jp.madoguchi.tenant.TenantKeys;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.SingleQueryVariableValueCondition;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Wraps one of Camunda's serializers: the value is first serialized by it as usual, then what it
 * wrote is encrypted as a whole with the tenant's data key and stored as {@code TEXT2_} = a header
 * naming the tenant and {@code TEXT_} = Base64 of the ciphertext (or, when that is too long for the
 * column or the value is an object, the ciphertext as the variable's byte array). History copies
 * these fields, so {@code ACT_HI_VARINST} and {@code ACT_HI_DETAIL} hold the same ciphertext. On read
 * the fields are decrypted and handed to the wrapped serializer, so expressions, gateways, DMN,
 * Tasklist, Cockpit and the REST API see the ordinary typed value.
 *
 * <p>Primitive values of fields labelled public ({@link ClearVariables}) are written exactly as the
 * wrapped serializer writes them, so they stay searchable. Search conditions are always written in
 * clear: a search on an encrypted variable finds nothing.
 */
final class SealedVariableSerializer implements TypedValueSerializer<TypedValue> {

  static final String NAME_PREFIX = "madoguchi-sealed:";
  static final String HEADER = "madoguchi:sealed:v1:";
  /** {@code TEXT_} of the variable tables is varchar(4000). */
  private static final int TEXT_COLUMN = 4000;

  private final TypedValueSerializer<TypedValue> wrapped;
  private final TenantKeys keys;
  private final ClearVariables clear;

  @SuppressWarnings("unchecked")
  SealedVariableSerializer(TypedValueSerializer<?> wrapped, TenantKeys keys, ClearVariables clear) {
    this.wrapped = (TypedValueSerializer<TypedValue>) wrapped;
    this.keys = keys;
    this.clear = clear;
  }

  static String purpose(String variableName) {
    return "engine-variable:" + variableName;
  }

  @Override
  public void writeValue(TypedValue value, ValueFields fields) {
    if (value.isTransient() || fields instanceof SingleQueryVariableValueCondition) {
      wrapped.writeValue(value, fields);
      return;
    }
    Owner owner = VariableOwners.writing(fields);
    boolean primitive = getType().isPrimitiveValueType();
    if (primitive && clear.storedInClear(owner.processDefinitionId(), fields.getName())) {
      wrapped.writeValue(value, fields);
      return;
    }
    if (owner.tenantId() == null) {
      throw new BadUserRequestException("変数 '" + fields.getName() + "' の自治体が分からないため保存できません。"
          + "自治体の職員または住民として操作してください (personal data is stored only encrypted with a tenant's key; "
          + "this variable belongs to no tenant)");
    }
    CapturedFields plain = new CapturedFields(fields.getName());
    wrapped.writeValue(value, plain);
    byte[] sealed = keys.encryptBytes(owner.tenantId(), purpose(fields.getName()), plain.pack());
    String text = Base64.getEncoder().encodeToString(sealed);
    fields.setLongValue(null);
    fields.setDoubleValue(null);
    fields.setTextValue2(HEADER + owner.tenantId());
    if (primitive && text.length() <= TEXT_COLUMN) {
      fields.setTextValue(text);
    } else {
      fields.setTextValue(null);
      fields.setByteArrayValue(sealed);
    }
  }

  @Override
  public TypedValue readValue(ValueFields fields, boolean deserializeValue, boolean asTransientValue) {
    String header = fields.getTextValue2();
    if (header == null || !header.startsWith(HEADER)) {
      return wrapped.readValue(fields, deserializeValue, asTransientValue);
    }
    String tenantId = header.substring(HEADER.length());
    String rowTenant = VariableOwners.tenantOf(fields);
    if (rowTenant != null && !rowTenant.equals(tenantId)) {
      throw new IllegalStateException("Variable '" + fields.getName() + "' is sealed for another tenant than its row");
    }
    byte[] sealed = fields.getTextValue() != null ? Base64.getDecoder().decode(fields.getTextValue())
        : fields.getByteArrayValue();
    if (sealed == null) {
      throw new IllegalStateException("Variable '" + fields.getName() + "' has lost its ciphertext");
    }
    byte[] packed = keys.decryptBytes(tenantId, purpose(fields.getName()), sealed);
    return wrapped.readValue(CapturedFields.unpack(fields.getName(), packed), deserializeValue, asTransientValue);
  }

  @Override
  public String getName() {
    return NAME_PREFIX + wrapped.getName();
  }

  @Override
  public ValueType getType() {
    return wrapped.getType();
  }

  @Override
  public boolean canHandle(TypedValue value) {
    return wrapped.canHandle(value);
  }

  @Override
  public TypedValue convertToTypedValue(UntypedValueImpl untypedValue) {
    return wrapped.convertToTypedValue(untypedValue);
  }

  @Override
  public String getSerializationDataformat() {
    return wrapped.getSerializationDataformat();
  }

  /**
   * Camunda detects in-place changes of a deserialized object by serializing it again and comparing
   * the bytes; ciphertext differs every time (fresh nonce), so that would rewrite every object read.
   * Change object and JSON variables with {@code setVariable} instead.
   */
  @Override
  public boolean isMutableValue(TypedValue typedValue) {
    return false;
  }
}
