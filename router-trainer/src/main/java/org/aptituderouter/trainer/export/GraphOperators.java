package org.aptituderouter.trainer.export;

import java.util.Map;
import java.util.Set;
import org.tribuo.util.onnx.ONNXAttribute;
import org.tribuo.util.onnx.ONNXOperator;
import org.tribuo.util.onnx.ONNXOperators;

/**
 * ONNX operators the head needs that Tribuo's {@link ONNXOperators} does not define (it covers 2-D Gemm but not
 * MatMul, Log or Softplus). Declared at Tribuo's opset so the graph imports a single opset.
 */
enum GraphOperators implements ONNXOperator {
    MATMUL("MatMul", 2, Map.of()),
    LOG("Log", 1, Map.of()),
    SOFTPLUS("Softplus", 1, Map.of());

    private final String opName;
    private final int inputs;
    private final Map<String, ONNXAttribute> attributes;

    GraphOperators(String opName, int inputs, Map<String, ONNXAttribute> attributes) {
        this.opName = opName;
        this.inputs = inputs;
        this.attributes = attributes;
    }

    @Override
    public String getOpName() {
        return opName;
    }

    @Override
    public int getNumInputs() {
        return inputs;
    }

    @Override
    public int getNumOptionalInputs() {
        return 0;
    }

    @Override
    public int getNumOutputs() {
        return 1;
    }

    @Override
    public Map<String, ONNXAttribute> getAttributes() {
        return attributes;
    }

    @Override
    public Set<String> getMandatoryAttributeNames() {
        return attributes.keySet();
    }

    @Override
    public int getOpVersion() {
        return ONNXOperators.getOpsetVersion();
    }

    @Override
    public String getOpDomain() {
        return "";
    }
}
