namespace DataverseRelationship.Engine.Scoring;

/// <summary>
/// One known churn signal of an account: its reason code (as in the churn-risk explanation) and its value, 0–1.
/// Churn risk is 100 / (1 + e^−z) with z = intercept + Σ coefficient × value over the known signals; calibration
/// fits the coefficients to these values.
/// </summary>
public sealed class ChurnSignal
{
    /// <summary>A signal with its reason code and value.</summary>
    public ChurnSignal(string code, decimal value)
    {
        Code = code;
        Value = value;
    }

    /// <summary>The reason code, e.g. ValueDecline, Inactivity (see ReasonCodes).</summary>
    public string Code { get; }

    /// <summary>The signal's strength, 0 (absent) to 1 (full).</summary>
    public decimal Value { get; }
}
