package org.aptituderouter.core.capability;

/** Whether a candidate takes new instructions. */
public enum ModelStatus {
    ACTIVE,
    /** Known and listed, but being taken out of service: routes nothing new. */
    DRAINING
}
