package jp.madoguchi.procedure;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The tenant the app is acting for when it starts a process itself (e.g. a resident's submission),
 * where no staff member is logged in to tell the engine.
 */
public final class TenantContext {

  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  private TenantContext() {
  }

  public static <T> T callAs(String tenantId, Supplier<T> work) {
    String previous = CURRENT.get();
    CURRENT.set(tenantId);
    try {
      return work.get();
    } finally {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }

  static Optional<String> current() {
    return Optional.ofNullable(CURRENT.get());
  }
}
