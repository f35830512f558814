package org.aptituderouter.core;

/** Why an instruction was not routed. */
public enum RejectReason {
    /** No text, or only whitespace. */
    EMPTY_TEXT,
    /**
     * Text that cannot be what a producer meant: unpaired surrogates, U+FFFD left by a failed decode, or longer than
     * 65,536 characters.
     */
    INVALID_TEXT,
    /** The request allows only models the capability set does not know. */
    UNKNOWN_MODEL,
    /** No ACTIVE candidate is left after the request's allow and exclude lists. */
    NO_ELIGIBLE_CANDIDATE,
    /** The encoder or the scorer failed on this instruction. */
    INFERENCE_ERROR
}
