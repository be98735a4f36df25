package jp.madoguchi.application;

import java.util.Optional;

/**
 * Something a feature asks the resident to do in a running application besides correcting or
 * withdrawing (pay the fee, confirm their identity). Declaring the bean is all a new step needs: its
 * view appears in the application detail ({@code GET /api/{tenant}/applications/{number}}) as the field
 * {@link #name()}, null while {@link #view} is empty.
 */
public interface ResidentStep {

  /** The field of the application detail, e.g. {@code payment}. */
  String name();

  Optional<Object> view(ApplicationRecord application);
}
