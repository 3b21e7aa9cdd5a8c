package org.liaisondesk.model;

import java.util.Optional;

/** A handling unit (承办单位) from the registry the general station keeps and sends down. */
public record HandlingUnit(String code, String name, Kind kind, String contact, boolean active) {

    /** Community committee, street office, district department, city department, other. */
    public enum Kind implements Coded {
        COMMUNITY("community", "street"),
        STREET("street", "street"),
        DISTRICT_DEPT("district-dept", "district"),
        CITY_DEPT("city-dept", "city"),
        OTHER("other", "district");

        private final String code;
        private final String route;

        Kind(String code, String route) {
            this.code = code;
            this.route = route;
        }

        @Override
        public String code() {
            return code;
        }

        /** The time-limit route an assignment to a unit of this kind runs under by default. */
        public String route() {
            return route;
        }

        public static Optional<Kind> fromCode(String code) {
            return Coded.fromCode(Kind.class, code);
        }
    }
}
