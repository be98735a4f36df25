package jp.madoguchi.application;

import java.util.Optional;

/**
 * Something a feature asks the resident to do in a running application besides correcting or
 * withdrawing (pay the fee, confirm their identity). Its view appears in the application detail
 * under {@link #name()}.
 */
public interface ResidentStep {

  /** The field of the application detail, e.g. {@code payment}. */
  String name();

  Optional<Object> view(ApplicationRecord application);
}
