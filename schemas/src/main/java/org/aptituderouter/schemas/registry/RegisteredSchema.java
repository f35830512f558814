package org.aptituderouter.schemas.registry;

import org.apache.avro.Schema;

/** One version of a subject: Confluent's {subject, version, id, schema}. */
public record RegisteredSchema(String subject, int version, int id, Schema schema) {}
