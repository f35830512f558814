package org.aptituderouter.core.capability;

/** A candidate's capability data cannot join a capability set; the message names the model and the problem. */
public class CapabilityValidationException extends IllegalArgumentException {

    private final String modelId;

    public CapabilityValidationException(String modelId, String problem) {
        super("capability of model " + modelId + " rejected: " + problem);
        this.modelId = modelId;
    }

    public String modelId() {
        return modelId;
    }
}
