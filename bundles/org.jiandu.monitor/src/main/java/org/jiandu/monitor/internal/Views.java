package org.jiandu.monitor.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jiandu.api.deadline.DeadlineRule;
import org.osgi.framework.Constants;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The rules' parameters as shown by the REST resource, and the stored JSON read back (shell commands). */
final class Views {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Views() {
    }

    /** A rule with its parameters: its service properties, less the framework's own. */
    static Map<String, Object> rule(DeadlineRule rule, Map<String, Object> properties, boolean inUse) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", rule.id());
        v.put("article", rule.article());
        v.put("title", rule.title());
        v.put("inUse", inUse);
        Map<String, Object> params = new java.util.TreeMap<>();
        for (Map.Entry<String, Object> e : properties.entrySet()) {
            String k = e.getKey();
            if (k.startsWith("service.") || k.startsWith("component.") || k.startsWith("osgi.")
                    || k.equals(Constants.OBJECTCLASS) || k.startsWith("felix.")) {
                continue;
            }
            Object value = e.getValue();
            params.put(k, value != null && value.getClass().isArray() ? arrayToList(value) : value);
        }
        v.put("parameters", params);
        v.put("serviceId", properties.get(Constants.SERVICE_ID));
        v.put("bundleId", properties.get(Constants.SERVICE_BUNDLEID));
        return v;
    }

    /** {@link #rule} as the REST resource's record. */
    static MonitorDtos.RuleView ruleView(DeadlineRule rule, Map<String, Object> properties, boolean inUse) {
        Map<String, Object> v = rule(rule, properties, inUse);
        @SuppressWarnings("unchecked")
        Map<String, Object> params = (Map<String, Object>) v.get("parameters");
        return new MonitorDtos.RuleView(rule.id(), rule.article(), rule.title(), inUse, params, v.get("serviceId"),
                v.get("bundleId"));
    }

    private static List<Object> arrayToList(Object array) {
        int n = java.lang.reflect.Array.getLength(array);
        List<Object> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(java.lang.reflect.Array.get(array, i));
        }
        return out;
    }

    static JsonNode parse(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored explanation is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
