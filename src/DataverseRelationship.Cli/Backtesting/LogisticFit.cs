using System;
using System.Collections.Generic;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace DataverseRelationship.Cli.Backtesting;

/// <summary>
/// Logistic regression with a ridge penalty that pulls each coefficient (not the intercept) towards a prior value:
/// minimises Σ [log(1 + e^z) − y·z] + λ/2 · Σ (β − prior)², z = intercept + β·x, by Newton's method (MathNet).
/// With little data the prior stays; with much data the data decides.
/// </summary>
public static class LogisticFit
{
    /// <summary>The fitted intercept and coefficients (in the order of the features).</summary>
    public static (double Intercept, double[] Coefficients) Fit(IReadOnlyList<double[]> features, IReadOnlyList<bool> outcomes, double priorIntercept, IReadOnlyList<double> priorCoefficients, double penalty)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(priorCoefficients);
        if (features.Count != outcomes.Count)
        {
            throw new ArgumentException($"{features.Count} feature rows against {outcomes.Count} outcomes.", nameof(outcomes));
        }

        if (penalty < 0 || double.IsNaN(penalty))
        {
            throw new ArgumentOutOfRangeException(nameof(penalty), penalty, "The penalty must be 0 or more.");
        }

        int k = priorCoefficients.Count;
        Matrix<double> x = Matrix<double>.Build.Dense(features.Count, k + 1, (i, j) => j == 0 ? 1.0 : features[i][j - 1]);
        Vector<double> y = Vector<double>.Build.Dense(outcomes.Count, i => outcomes[i] ? 1.0 : 0.0);
        Vector<double> prior = Vector<double>.Build.Dense(k + 1, j => j == 0 ? 0.0 : priorCoefficients[j - 1]);
        Vector<double> mask = Vector<double>.Build.Dense(k + 1, j => j == 0 ? 0.0 : 1.0);

        IObjectiveFunction objective = ObjectiveFunction.GradientHessian(theta =>
        {
            Vector<double> z = x * theta;
            Vector<double> p = z.Map(Sigmoid);
            double loss = 0;
            for (int i = 0; i < z.Count; i++)
            {
                loss += Softplus(z[i]) - (y[i] * z[i]);
            }

            Vector<double> offset = (theta - prior).PointwiseMultiply(mask);
            loss += penalty / 2 * offset.DotProduct(offset);
            Vector<double> gradient = (x.TransposeThisAndMultiply(p - y)) + (penalty * offset);
            Vector<double> weights = p.PointwiseMultiply(1.0 - p);
            Matrix<double> hessian = x.TransposeThisAndMultiply(x.MapIndexed((i, _, v) => v * weights[i]))
                + Matrix<double>.Build.DiagonalOfDiagonalVector(penalty * mask)
                + Matrix<double>.Build.DenseIdentity(k + 1) * 1e-9;
            return (loss, gradient, hessian);
        });

        Vector<double> start = prior.Clone();
        start[0] = priorIntercept;
        MinimizationResult result = new NewtonMinimizer(1e-9, 200, useLineSearch: true).FindMinimum(objective, start);
        Vector<double> theta = result.MinimizingPoint;
        var coefficients = new double[k];
        for (int j = 0; j < k; j++)
        {
            coefficients[j] = theta[j + 1];
        }

        return (theta[0], coefficients);
    }

    private static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));

    private static double Softplus(double z) => z > 0 ? z + Math.Log(1 + Math.Exp(-z)) : Math.Log(1 + Math.Exp(z));
}
