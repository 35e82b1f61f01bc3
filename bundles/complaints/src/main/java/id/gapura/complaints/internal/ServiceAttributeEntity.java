package id.gapura.complaints.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;
import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An extra question a category asks on submission (an Open311 service definition attribute), e.g. how large
 * the pothole is. Datatypes are Open311's: string, number, datetime, text, singlevaluelist, multivaluelist.
 */
@Entity
@Table(name = "complaints_service_attribute")
@IdClass(ServiceAttributeEntity.Key.class)
public class ServiceAttributeEntity {

    @Id
    @Column(name = "service_code")
    private String serviceCode;
    @Id
    private String code;
    @Column(name = "sort_order")
    private int order;
    private String datatype;
    private boolean required;
    private String description;
    @Column(name = "datatype_description")
    private String datatypeDescription;
    @Column(name = "value_list")
    private String valueList;

    protected ServiceAttributeEntity() {
        // for JPA
    }

    public String serviceCode() {
        return serviceCode;
    }

    public String code() {
        return code;
    }

    public int order() {
        return order;
    }

    public String datatype() {
        return datatype;
    }

    public boolean required() {
        return required;
    }

    public String description() {
        return description;
    }

    public String datatypeDescription() {
        return datatypeDescription;
    }

    /** For list datatypes: each allowed key and its display name, in order; empty otherwise. */
    public Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        if (valueList != null) {
            Arrays.stream(valueList.split("\\|")).map(entry -> entry.split("=", 2))
                    .forEach(pair -> values.put(pair[0].trim(), pair.length > 1 ? pair[1].trim() : pair[0].trim()));
        }
        return values;
    }

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String serviceCode;
        private String code;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(serviceCode, key.serviceCode)
                    && Objects.equals(code, key.code);
        }

        @Override
        public int hashCode() {
            return Objects.hash(serviceCode, code);
        }
    }
}
