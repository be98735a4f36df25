package jp.madoguchi.callback;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller that receives a provider's server-to-server callback: {@link CallbackErrors}
 * answers its refused signatures with 401 and its malformed bodies with 400.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ProviderCallback {
}
