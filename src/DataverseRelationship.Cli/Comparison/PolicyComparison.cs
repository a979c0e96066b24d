using System;
using System.Collections.Generic;
using System.Linq;
using DataverseRelationship.Cli.Reporting;
using DataverseRelationship.Plugins.Schema;

namespace DataverseRelationship.Cli.Comparison;

/// <summary>One score of an account under the two policies.</summary>
public sealed record ScoreMove(string Score, decimal? Before, decimal? After)
{
    /// <summary>After minus before; null when either is unknown (see <see cref="Moved"/>).</summary>
    public decimal? Delta => Before is { } b && After is { } a ? a - b : null;

    /// <summary>The score changed: a different value, or known under one policy and unknown under the other.</summary>
    public bool Moved => Before != After;

    /// <summary>Sort key: a change between unknown and known ranks above any numeric move.</summary>
    internal decimal Size => Delta is { } d ? Math.Abs(d) : decimal.MaxValue;
}

/// <summary>An account whose tier or health band differs between the two policies, and why.</summary>
public sealed record AccountDifference
{
    public required Guid AccountId { get; init; }

    public required string Name { get; init; }

    public required AccountResult Before { get; init; }

    public required AccountResult After { get; init; }

    public bool TierChanged => Before.Tier != After.Tier;

    public bool BandChanged => Before.HealthBand != After.HealthBand;

    /// <summary>Health and the five scores that moved, largest move first.</summary>
    public required IReadOnlyList<ScoreMove> Moves { get; init; }

    /// <summary>
    /// Why: the reason of the last tier change under the second policy when the tier differs, then the largest score
    /// moves, then the tier part of the second policy's explanation (the whole explanation when it has none).
    /// </summary>
    public required string Reason { get; init; }
}

/// <summary>The same data set replayed under two policies: both reports and the accounts that come out differently.</summary>
public sealed record PolicyComparison
{
    public required string PolicyA { get; init; }

    public required string PolicyB { get; init; }

    public required RunReport A { get; init; }

    public required RunReport B { get; init; }

    /// <summary>Accounts whose tier or health band differs, tier changes first, then by name.</summary>
    public required IReadOnlyList<AccountDifference> Differences { get; init; }

    /// <summary>Compares two reports of the same data set, matching accounts by id.</summary>
    public static PolicyComparison Compare(string policyA, RunReport a, string policyB, RunReport b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        Dictionary<Guid, AccountResult> before = a.Accounts.ToDictionary(x => x.AccountId);
        var differences = new List<AccountDifference>();
        foreach (AccountResult after in b.Accounts)
        {
            if (!before.TryGetValue(after.AccountId, out AccountResult? then) || (then.Tier == after.Tier && then.HealthBand == after.HealthBand))
            {
                continue;
            }

            ScoreMove[] moves = Moves(then, after).Where(m => m.Moved).OrderByDescending(m => m.Size).ThenBy(m => m.Score, StringComparer.Ordinal).ToArray();
            differences.Add(new AccountDifference
            {
                AccountId = after.AccountId,
                Name = after.Name,
                Before = then,
                After = after,
                Moves = moves,
                Reason = Why(then, after, moves),
            });
        }

        return new PolicyComparison
        {
            PolicyA = policyA,
            PolicyB = policyB,
            A = a,
            B = b,
            Differences = differences.OrderByDescending(d => d.TierChanged).ThenBy(d => d.Name, StringComparer.Ordinal).ToArray(),
        };
    }

    private static IEnumerable<ScoreMove> Moves(AccountResult a, AccountResult b)
    {
        yield return new ScoreMove("health", a.HealthScore, b.HealthScore);
        yield return new ScoreMove("engagement", a.Engagement, b.Engagement);
        yield return new ScoreMove("reciprocity", a.Scores.Reciprocity, b.Scores.Reciprocity);
        yield return new ScoreMove("autonomy", a.Scores.Autonomy, b.Scores.Autonomy);
        yield return new ScoreMove("integrity", a.Scores.Integrity, b.Scores.Integrity);
        yield return new ScoreMove("loyalty", a.Scores.Loyalty, b.Scores.Loyalty);
        yield return new ScoreMove("fairness", a.Scores.Fairness, b.Scores.Fairness);
    }

    private static string Why(AccountResult a, AccountResult b, ScoreMove[] moves)
    {
        var parts = new List<string>();
        if (a.Tier != b.Tier)
        {
            TierChange? last = b.Timeline.LastOrDefault(c => c.To == b.Tier) ?? (b.Timeline.Count > 0 ? b.Timeline[^1] : null);
            string eligible = b.EligibleTier is { } e && e != b.Tier ? $" (eligible for {ReportText.Tier(e)})" : string.Empty;
            parts.Add(last is null
                ? $"{ReportText.Tier(b.Tier)} instead of {ReportText.Tier(a.Tier)}{eligible}"
                : $"{ReportText.Tier(b.Tier)} instead of {ReportText.Tier(a.Tier)}{eligible}: {last.Reason}");
        }

        if (moves.Length > 0)
        {
            parts.Add(string.Join(", ", moves.Take(3).Select(m => $"{m.Score} {ReportText.Score(m.Before)} → {ReportText.Score(m.After)}")));
        }

        if (b.Explanation.Length > 0)
        {
            int tier = b.Explanation.IndexOf("Tier:", StringComparison.Ordinal);
            parts.Add(tier >= 0 ? b.Explanation[tier..].TrimEnd('.') : b.Explanation.TrimEnd('.'));
        }

        return string.Join(". ", parts);
    }

    /// <summary>How many accounts each tier holds under A and under B, lowest tier first.</summary>
    public IReadOnlyList<(RelationshipTierChoice Tier, int A, int B)> TierCounts()
    {
        IReadOnlyList<KeyValuePair<RelationshipTierChoice, int>> a = A.TierDistribution();
        IReadOnlyList<KeyValuePair<RelationshipTierChoice, int>> b = B.TierDistribution();
        return a.Zip(b, (x, y) => (x.Key, x.Value, y.Value)).ToArray();
    }
}
