package org.incidentintel.api.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test that needs the Redis of {@link TestRedis}. Without one it is skipped with
 * a message, except when {@code CI=true}: there it fails, because a Redis test must never
 * silently skip in CI.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(RedisOrCiCondition.class)
public @interface RequiresRedis {

}
