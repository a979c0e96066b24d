namespace DataverseRelationship.Engine.Explanations
{
    /// <summary>
    /// One reason a score or verdict has its value: a stable reason code, the signed points it contributed and the
    /// facts behind it. The contributions of a score's factors add up to the score minus its baseline.
    /// </summary>
    public sealed record Factor
    {
        public Factor(string code, decimal contribution, int count, string facts)
        {
            Code = code;
            Contribution = contribution;
            Count = count;
            Facts = facts;
        }

        /// <summary>Stable reason code, one of <see cref="ReasonCodes"/>.</summary>
        public string Code { get; }

        /// <summary>Signed points this factor contributed (rounded to 2 decimals).</summary>
        public decimal Contribution { get; }

        /// <summary>How many deals (or items) stand behind the factor.</summary>
        public int Count { get; }

        /// <summary>The facts in words, e.g. "2 deals with unreciprocated concessions".</summary>
        public string Facts { get; }

        public override string ToString() => ExplanationText.FormatPoints(Contribution) + ": " + Facts;
    }
}
