using DataverseRelationship.Engine.Model;

namespace DataverseRelationship.Engine.Explanations;

/// <summary>
/// One reason a score or verdict has its value: a stable reason code, the signed points it contributed, the facts
/// behind it and the side of the relationship it is about. A score's factor contributions add up to the score minus
/// its baseline (100, the ideal, for the principles). A factor with no points names missing evidence.
/// </summary>
public sealed record Factor
{
    public Factor(string code, decimal contribution, int count, string facts, Party party = Party.Relationship)
    {
        Code = code;
        Contribution = contribution;
        Count = count;
        Facts = facts;
        Party = party;
    }

    /// <summary>Stable reason code, one of <see cref="ReasonCodes"/>.</summary>
    public string Code { get; }

    /// <summary>Signed points this factor contributed (rounded to 2 decimals).</summary>
    public decimal Contribution { get; }

    /// <summary>How many deals (or items) stand behind the factor.</summary>
    public int Count { get; }

    /// <summary>The facts in words, e.g. "concessions worth 12,000 unreciprocated on 2 deals".</summary>
    public string Facts { get; }

    /// <summary>Which side's conduct moved the score (Customer, Seller) or neither in particular.</summary>
    public Party Party { get; }

    /// <summary>True for a factor that names evidence nobody recorded (it moves nothing).</summary>
    public bool IsMissingEvidence => Code == ReasonCodes.MissingEvidence;

    public override string ToString() =>
        IsMissingEvidence ? "unknown: " + Facts
        : ExplanationText.FormatPoints(Contribution) + ": " + Facts;
}
