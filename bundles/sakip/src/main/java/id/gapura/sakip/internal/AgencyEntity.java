package id.gapura.sakip.internal;

import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** An agency (perangkat daerah) as SAKIP knows it; the other tables are read and written with SQL. */
@Entity
@Table(name = "sakip_agency")
public class AgencyEntity {

    @Id
    String code;
    String name;

    protected AgencyEntity() {
        // for JPA
    }
}
