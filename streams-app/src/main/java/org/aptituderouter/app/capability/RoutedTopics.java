package org.aptituderouter.app.capability;

import java.util.Collection;

/** Makes sure models' routed topics exist; called before a model becomes routable. */
public interface RoutedTopics {

    /** Returns once every model's routed topic exists. */
    void ensureExist(Collection<String> modelIds);
}
