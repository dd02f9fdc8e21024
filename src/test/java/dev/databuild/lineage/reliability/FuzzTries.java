package dev.databuild.lineage.reliability;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * CI runs each fuzz property with the {@code tries} of its annotation (a few seconds); a long run
 * overrides every one of them: {@code ./mvnw test -Dtest='*Fuzz*' -Dlineage.fuzz.tries=100000}.
 */
public class FuzzTries implements AroundPropertyHook {

    static final String PROPERTY = "lineage.fuzz.tries";

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        Integer tries = Integer.getInteger(PROPERTY);
        if (tries != null) {
            context.attributes().setTries(tries);
        }
        long started = System.nanoTime();
        PropertyExecutionResult result = property.execute();
        System.out.printf("[reliability] fuzz %s: %d tries in %d ms, %s%n", context.label(), result.countTries(),
                (System.nanoTime() - started) / 1_000_000, result.status());
        return result;
    }

    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public int aroundPropertyProximity() {
        // outside jqwik's own hooks, so the tries are set before generation starts
        return -100;
    }
}
