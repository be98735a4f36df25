package jp.madoguchi.system;

/**
 * A Jersey provider (request or response filter) a feature adds to {@code /engine-rest}, e.g. the
 * application module's Idempotency-Key handling; every bean of this type is registered.
 */
public interface EngineRestExtension {
}
