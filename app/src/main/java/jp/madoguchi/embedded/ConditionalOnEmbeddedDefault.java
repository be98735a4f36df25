package jp.madoguchi.embedded;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;

/**
 * The bean exists only on the embedded default: no {@code SPRING_DATASOURCE_URL}, so the app runs its
 * own PostgreSQL and is a demo. Simulators, demo pages and demo data hang on this one switch.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
public @interface ConditionalOnEmbeddedDefault {
}
