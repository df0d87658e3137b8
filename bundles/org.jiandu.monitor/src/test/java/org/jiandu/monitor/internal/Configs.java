package org.jiandu.monitor.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** Typed configurations as DS hands them over: the annotation's defaults, overridden by name. */
final class Configs {
    private Configs() {
    }

    static <A> A of(Class<A> type, Map<String, Object> values) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, args) -> {
            switch (m.getName()) {
                case "annotationType":
                    return type;
                case "toString":
                    return type.getSimpleName() + values;
                case "hashCode":
                    return values.hashCode();
                case "equals":
                    return p == args[0];
                default:
                    return values.containsKey(m.getName()) ? values.get(m.getName()) : m.getDefaultValue();
            }
        });
        return type.cast(proxy);
    }

    static <A> A defaults(Class<A> type) {
        return of(type, Map.of());
    }
}
