package org.jiandu.monitor.internal.guard;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Chinese names of the property types of {@link org.jiandu.api.event.CoreEventTypes#PROPERTY_TYPES}, for reasons. */
final class PropertyTypeNames {
    private static final Map<String, String> NAMES = Map.ofEntries(Map.entry("DEPOSIT", "存款"),
            Map.entry("REAL_ESTATE", "不动产"), Map.entry("VEHICLE", "车辆"), Map.entry("SECURITIES", "证券"),
            Map.entry("SHIP", "船舶"), Map.entry("ONLINE_FUNDS", "网络资金"), Map.entry("WEALTH_PRODUCTS", "理财产品"),
            Map.entry("EQUITY", "股权"), Map.entry("INSURANCE", "保险"), Map.entry("HOUSING_FUND", "住房公积金"),
            Map.entry("OTHER", "其他财产"), Map.entry("MOVABLE", "动产"));

    private PropertyTypeNames() {
    }

    /** {@code 证券（SECURITIES）、船舶（SHIP）}. */
    static String describe(List<String> types) {
        return types.stream().map(t -> NAMES.getOrDefault(t, t) + "（" + t + "）").collect(Collectors.joining("、"));
    }

    static String name(String type) {
        return type == null ? "" : NAMES.getOrDefault(type, type);
    }
}
