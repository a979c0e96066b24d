using System;
using System.Collections.Generic;
using System.Linq;
using DataverseRelationship.Plugins.Schema;

namespace DataverseRelationship.Cli.Reporting;

/// <summary>One dvr_scoresnapshot row: the account's scores as the scheduled recalculation took them (null: unknown).</summary>
public sealed record ScorePoint(DateTime TakenOn, decimal? Health, HealthBandChoice? Band, decimal? ChurnRisk, RelationshipTierChoice? Tier);

/// <summary>One effective tier change in an account's history.</summary>
public sealed record TierChange(DateTime When, RelationshipTierChoice? From, RelationshipTierChoice To, TierChangeKindChoice Kind, string Reason)
{
    /// <summary>True when the change moves the account up (Transactional → Preferred → Strategic partner).</summary>
    public bool IsPromotion => From is null || To > From;
}

/// <summary>The five relationship principles, each 0–100, or null (unknown) when their evidence is below the policy's minimum.</summary>
public sealed record RelationshipScores(decimal? Reciprocity, decimal? Autonomy, decimal? Integrity, decimal? Loyalty, decimal? Fairness)
{
    /// <summary>No principle known (an account the plugins never scored, or one without evidence).</summary>
    public static RelationshipScores Unknown { get; } = new(null, null, null, null, null);
}

/// <summary>What the plugins computed for one account at the end of the replay.</summary>
public sealed record AccountResult
{
    public required Guid AccountId { get; init; }

    public required string Name { get; init; }

    /// <summary>The effective tier.</summary>
    public RelationshipTierChoice Tier { get; init; } = RelationshipTierChoice.Transactional;

    /// <summary>The tier the data alone qualifies for (null when not computed).</summary>
    public RelationshipTierChoice? EligibleTier { get; init; }

    public decimal? HealthScore { get; init; }

    public HealthBandChoice? HealthBand { get; init; }

    public HealthTrendChoice? HealthTrend { get; init; }

    /// <summary>The five principles; each null when its evidence is too thin.</summary>
    public RelationshipScores Scores { get; init; } = RelationshipScores.Unknown;

    /// <summary>0–100: how much and how recently the customer buys (beside the principles); null when unknown.</summary>
    public decimal? Engagement { get; init; }

    public decimal? LifetimeValue { get; init; }

    /// <summary>0–100.</summary>
    public decimal? ChurnRisk { get; init; }

    /// <summary>0–100: how complete the inputs were.</summary>
    public decimal? Confidence { get; init; }

    public int? KeyContactCount { get; init; }

    /// <summary>The factors that moved the scores most.</summary>
    public string Explanation { get; init; } = string.Empty;

    /// <summary>Effective tier changes, oldest first.</summary>
    public IReadOnlyList<TierChange> Timeline { get; init; } = [];

    /// <summary>The score history (one snapshot per period, written by the scheduled recalculation), oldest first.</summary>
    public IReadOnlyList<ScorePoint> History { get; init; } = [];

    /// <summary>
    /// The plugins' dvr_atrisk: churn risk at or above the policy's churn.atRiskFrom (and, once at risk, until it falls below churn.atRiskClearsBelow); null while churn risk is unknown.
    /// </summary>
    public bool? AtRisk { get; init; }

    /// <summary>True only when the plugins flagged the account at risk; unknown churn risk never counts as at risk.</summary>
    public bool IsAtRisk => AtRisk == true;
}

/// <summary>How the replayed deals stood against their account tier's discount cap.</summary>
public sealed record DealVerdictCounts(long WithinCap, long Reciprocated, long Warned, long Blocked, long NotAssessed)
{
    /// <summary>No deals.</summary>
    public static DealVerdictCounts None { get; } = new(0, 0, 0, 0, 0);

    public long Total => WithinCap + Reciprocated + Warned + Blocked + NotAssessed;
}

/// <summary>One replayed event the platform refused (a plugin blocked it or the data broke a rule).</summary>
public sealed record RejectedEvent(DateTime At, string Event, string Message);

/// <summary>Time spent in one kind of request (e.g. "WinOpportunity opportunity") or plugin step during a replay.</summary>
public sealed record StepTiming(string What, long Count, TimeSpan Total)
{
    /// <summary>Average time per call in milliseconds.</summary>
    public double AverageMilliseconds => Count == 0 ? 0 : Total.TotalMilliseconds / Count;
}

/// <summary>Counts and timings of one replay.</summary>
public sealed record RunStatistics
{
    public long EventsReplayed { get; init; }

    public long EventsRejected { get; init; }

    /// <summary>Events not run because the row they change was never created (its create was rejected).</summary>
    public long EventsSkipped { get; init; }

    public int Accounts { get; init; }

    public int Contacts { get; init; }

    public long Opportunities { get; init; }

    public long Won { get; init; }

    public long Lost { get; init; }

    /// <summary>Plugin steps executed during the replay.</summary>
    public long PluginExecutions { get; init; }

    public TimeSpan Elapsed { get; init; }

    /// <summary>Replay throughput (0 when no time elapsed).</summary>
    public double EventsPerSecond => Elapsed > TimeSpan.Zero ? EventsReplayed / Elapsed.TotalSeconds : 0;
}

/// <summary>The outcome of replaying a data set through the plugins: what every renderer shows.</summary>
public sealed record RunReport
{
    public required string DataSet { get; init; }

    /// <summary>The policy version the results were computed with.</summary>
    public required string PolicyVersion { get; init; }

    /// <summary>The currencies the data set's amounts are in (empty: unknown, so amounts are shown without a symbol).</summary>
    public IReadOnlyList<DataSets.DataSetCurrency> Currencies { get; init; } = [];

    /// <summary>The one currency every amount is in; null when the data names none or several.</summary>
    public DataSets.DataSetCurrency? Currency => Currencies.Count == 1 ? Currencies[0] : null;

    /// <summary>One line on the amounts' currency: the one named by the data, several (never converted), or unknown.</summary>
    public string CurrencyText() => Currencies.Count switch
    {
        0 => "currency unknown (the data names none): amounts without a symbol",
        1 => "amounts in " + Describe(Currencies[0]),
        _ => "amounts in " + Currencies.Count + " currencies (" + string.Join(", ", Currencies.Select(c => c.Label)) + "), summed as recorded, not converted",
    };

    private static string Describe(DataSets.DataSetCurrency c) => c.Label.Length == 0
        ? "one currency the data does not name (no currency record, no name): amounts without a symbol"
        : c.Label + (c.Symbol is not null && c.Symbol != c.Label ? " (" + c.Symbol + ")" : string.Empty);

    /// <summary>When the report was produced (UTC).</summary>
    public DateTime GeneratedAt { get; init; }

    /// <summary>The replay clock at the first event (UTC).</summary>
    public DateTime ReplayedFrom { get; init; }

    /// <summary>The replay clock at the last event (UTC).</summary>
    public DateTime ReplayedUntil { get; init; }

    public IReadOnlyList<AccountResult> Accounts { get; init; } = [];

    public DealVerdictCounts Deals { get; init; } = DealVerdictCounts.None;

    /// <summary>How many deals carried each customer game.</summary>
    public IReadOnlyDictionary<ProcurementTacticChoice, long> Games { get; init; } = new Dictionary<ProcurementTacticChoice, long>();

    public RunStatistics Statistics { get; init; } = new();

    /// <summary>Time per request and plugin step, most expensive first (empty unless the replay collected timings).</summary>
    public IReadOnlyList<StepTiming> Timings { get; init; } = [];

    /// <summary>Option values the data set holds that the solution does not define: kept on the rows and reported, never fatal.</summary>
    public IReadOnlyList<DataSets.UnknownOptionValue> UnknownOptionValues { get; init; } = [];

    /// <summary>What the solution's cloud flows did during the replay; null when they did not run (--no-flows).</summary>
    public FlowActivity? Flows { get; init; }

    /// <summary>The first events the platform refused.</summary>
    public IReadOnlyList<RejectedEvent> Rejections { get; init; } = [];

    /// <summary>Every rejected event (not only the kept ones) grouped by reason, largest group first.</summary>
    public IReadOnlyList<RejectionGroup> RejectionGroups { get; init; } = [];

    /// <summary>The rejections by reason: <see cref="RejectionGroups"/>, or the kept rejections grouped when a report has none.</summary>
    public IReadOnlyList<RejectionGroup> RejectionReasons()
    {
        if (RejectionGroups.Count > 0)
        {
            return RejectionGroups;
        }

        var tally = new RejectionTally();
        foreach (RejectedEvent r in Rejections)
        {
            tally.Add(r);
        }

        return tally.Groups();
    }

    /// <summary>The customer games a deal can carry (every procurement tactic except the recorded "None").</summary>
    public static IReadOnlyList<ProcurementTacticChoice> GameChoices { get; } =
        Enum.GetValues<ProcurementTacticChoice>().Where(t => t != ProcurementTacticChoice.None).ToArray();

    /// <summary>Accounts per health band, every band listed (Insufficient evidence included), then accounts never scored (null key).</summary>
    public IReadOnlyList<KeyValuePair<HealthBandChoice?, int>> BandDistribution()
        => Enum.GetValues<HealthBandChoice>().Select(b => (HealthBandChoice?)b).Append(null)
            .Select(b => new KeyValuePair<HealthBandChoice?, int>(b, Accounts.Count(a => a.HealthBand == b)))
            .Where(p => p.Key is not null || p.Value > 0).ToArray();

    /// <summary>Accounts per effective tier, every tier listed (zero included), lowest tier first.</summary>
    public IReadOnlyList<KeyValuePair<RelationshipTierChoice, int>> TierDistribution()
        => Enum.GetValues<RelationshipTierChoice>().Select(t => new KeyValuePair<RelationshipTierChoice, int>(t, Accounts.Count(a => a.Tier == t))).ToArray();

    /// <summary>Accounts at risk, highest churn risk first, then lowest health.</summary>
    public IReadOnlyList<AccountResult> AccountsAtRisk()
        => Accounts.Where(a => a.IsAtRisk).OrderByDescending(a => a.ChurnRisk ?? 0m).ThenBy(a => a.HealthScore ?? 0m).ThenBy(a => a.Name, StringComparer.Ordinal).ToArray();

    /// <summary>All tier changes of all accounts.</summary>
    public int TierChangeCount => Accounts.Sum(a => a.Timeline.Count);
}
