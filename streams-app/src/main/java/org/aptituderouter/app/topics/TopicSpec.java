package org.aptituderouter.app.topics;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * A topic as its clients see it: its name and the serdes of its keys and values. Code that reads or writes a topic
 * takes it from here, so a name is spelled once (in configuration) and always travels with its types.
 */
public record TopicSpec<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {

    /** The same topic as bytes, for the router's pass-through and its own decoding of untrusted input. */
    public TopicSpec<byte[], byte[]> raw() {
        return new TopicSpec<>(name, Serdes.ByteArray(), Serdes.ByteArray());
    }

    public Consumed<K, V> consumed(String sourceName) {
        return Consumed.with(keySerde, valueSerde).withName(sourceName);
    }

    public Produced<K, V> produced(String sinkName) {
        return Produced.with(keySerde, valueSerde).withName(sinkName);
    }
}
