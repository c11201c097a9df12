package org.bestplace.database;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * An entity whose id MariaDB hands out (an AUTO_INCREMENT column). Panache's own PanacheEntity
 * would ask for a sequence, which the schema does not have.
 */
@MappedSuperclass
public abstract class NumberedEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
}
