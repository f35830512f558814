package org.aptituderouter.trainer.distill;

import java.util.Arrays;

/**
 * Principal components of a row matrix: the mean, and the eigenvectors of the covariance with the largest
 * eigenvalues, found by the cyclic Jacobi method (written by hand: no linear-algebra library is reachable from the
 * Maven mirror used here). Deterministic; fine for a few hundred dimensions.
 */
public final class Pca {

    private static final int MAX_SWEEPS = 50;

    private final double[] mean;
    /** components[k] is the k-th principal direction, unit length, by decreasing variance. */
    private final double[][] components;

    private final double[] variances;

    private Pca(double[] mean, double[][] components, double[] variances) {
        this.mean = mean;
        this.components = components;
        this.variances = variances;
    }

    /** The first {@code keep} principal components of the rows. */
    public static Pca fit(float[][] rows, int keep) {
        int n = rows[0].length;
        if (keep < 1 || keep > n) {
            throw new IllegalArgumentException("cannot keep " + keep + " of " + n + " dimensions");
        }
        double[] mean = new double[n];
        for (float[] row : rows) {
            for (int d = 0; d < n; d++) {
                mean[d] += row[d];
            }
        }
        for (int d = 0; d < n; d++) {
            mean[d] /= rows.length;
        }
        double[][] cov = new double[n][n];
        double[] centred = new double[n];
        for (float[] row : rows) {
            for (int d = 0; d < n; d++) {
                centred[d] = row[d] - mean[d];
            }
            for (int i = 0; i < n; i++) {
                double ci = centred[i];
                double[] covRow = cov[i];
                for (int j = i; j < n; j++) {
                    covRow[j] += ci * centred[j];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                cov[i][j] /= rows.length;
                cov[j][i] = cov[i][j];
            }
        }
        double[][] vectors = new double[n][n];
        for (int i = 0; i < n; i++) {
            vectors[i][i] = 1;
        }
        jacobi(cov, vectors);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(cov[b][b], cov[a][a]));
        double[][] components = new double[keep][n];
        double[] variances = new double[keep];
        for (int k = 0; k < keep; k++) {
            int col = order[k];
            variances[k] = cov[col][col];
            // a sign convention, so the result does not depend on rounding: the largest entry is positive
            int largest = 0;
            for (int d = 0; d < n; d++) {
                components[k][d] = vectors[d][col];
                if (Math.abs(components[k][d]) > Math.abs(components[k][largest])) {
                    largest = d;
                }
            }
            if (components[k][largest] < 0) {
                for (int d = 0; d < n; d++) {
                    components[k][d] = -components[k][d];
                }
            }
        }
        return new Pca(mean, components, variances);
    }

    /** Diagonalises the symmetric {@code a} in place; the columns of {@code v} become its eigenvectors. */
    private static void jacobi(double[][] a, double[][] v) {
        int n = a.length;
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double off = 0;
            double diag = 0;
            for (int i = 0; i < n; i++) {
                diag += a[i][i] * a[i][i];
                for (int j = i + 1; j < n; j++) {
                    off += a[i][j] * a[i][j];
                }
            }
            if (off <= 1e-22 * diag) {
                return;
            }
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    double apq = a[p][q];
                    if (Math.abs(apq) < 1e-300) {
                        continue;
                    }
                    double theta = (a[q][q] - a[p][p]) / (2 * apq);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < n; k++) {
                        double akp = a[k][p];
                        double akq = a[k][q];
                        a[k][p] = c * akp - s * akq;
                        a[k][q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++) {
                        double apk = a[p][k];
                        double aqk = a[q][k];
                        a[p][k] = c * apk - s * aqk;
                        a[q][k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < n; k++) {
                        double vkp = v[k][p];
                        double vkq = v[k][q];
                        v[k][p] = c * vkp - s * vkq;
                        v[k][q] = s * vkp + c * vkq;
                    }
                }
            }
        }
    }

    /** The row, centred, in the coordinates of the kept components. */
    public float[] project(float[] row) {
        float[] out = new float[components.length];
        for (int k = 0; k < components.length; k++) {
            double sum = 0;
            double[] component = components[k];
            for (int d = 0; d < row.length; d++) {
                sum += (row[d] - mean[d]) * component[d];
            }
            out[k] = (float) sum;
        }
        return out;
    }

    /** Variance along each kept component, largest first. */
    public double[] variances() {
        return variances.clone();
    }
}
