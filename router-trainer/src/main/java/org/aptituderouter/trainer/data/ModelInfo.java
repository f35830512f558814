package org.aptituderouter.trainer.data;

import java.util.OptionalDouble;

/** A zoo model from {@code models.csv}: its id and total parameter count in billions, when published. */
public record ModelInfo(String modelId, OptionalDouble paramsB) {}
