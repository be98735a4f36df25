package jp.madoguchi.embedded;

/**
 * Present only on the embedded default. Demo tenants, demo staff and other conveniences for a
 * newcomer exist only where this bean exists.
 *
 * @param seedLocation the bundled tenants seed used when {@code MADOGUCHI_TENANTS_SEED} is not set
 */
public record DemoSetup(String seedLocation) {
}
