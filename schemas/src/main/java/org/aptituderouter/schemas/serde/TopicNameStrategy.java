package org.aptituderouter.schemas.serde;

/** Confluent's default subject naming: a topic's keys under {@code <topic>-key}, its values under {@code <topic>-value}. */
public final class TopicNameStrategy {

    private TopicNameStrategy() {}

    public static String subject(String topic, boolean isKey) {
        return topic + (isKey ? "-key" : "-value");
    }
}
