using System;
using BenchmarkDotNet.Attributes;
using DataverseRelationship.Engine;
using DataverseRelationship.Engine.Deals;
using DataverseRelationship.Engine.Model;
using DataverseRelationship.Engine.Policies;
using DataverseRelationship.Engine.Scoring;

namespace DataverseRelationship.Benchmarks.Engine;

/// <summary>Deterministic benchmark inputs: a seeded mix of won, lost and open deals over the scoring window.</summary>
internal static class EngineBenchmarkData
{
    public static readonly DateTime AsOf = new DateTime(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc);

    public static AccountFacts Account() => new AccountFacts
    {
        RelationshipSince = AsOf.AddYears(-4),
        CreatedOn = AsOf.AddYears(-4),
        KeyContactCount = 4,
        HasCustomerSponsor = true,
        HasSellerSponsor = true,
        HasJointAccountPlan = true,
        JointPlanReviewedOn = AsOf.AddMonths(-3),
        CurrentTier = RelationshipTier.Preferred,
        TierChangedOn = AsOf.AddYears(-1),
        TrendBaselineHealth = 61m,
        TrendBaselineOn = AsOf.AddDays(-91),
    };

    public static OpportunityFacts[] Opportunities(int count)
    {
        var random = new Random(20261125);
        var deals = new OpportunityFacts[count];
        for (var i = 0; i < count; i++)
        {
            var state = (DealState)random.Next(3);
            var closed = AsOf.AddDays(-random.Next(0, 1200));
            var value = random.Next(1000, 2000000);
            deals[i] = new OpportunityFacts
            {
                Id = new Guid(i, 0, 0, new byte[8]),
                State = state,
                CreatedOn = closed.AddDays(-60),
                CloseDate = closed,
                EstimatedValue = value,
                ActualValue = state == DealState.Won ? value : (decimal?)null,
                DiscountPercent = random.Next(0, 25),
                SellerMarginPercent = random.Next(-5, 60),
                Concessions = (Concessions)random.Next(32),
                Commitments = (Commitments)random.Next(64),
                Tactics = random.Next(4) == 0 ? (ProcurementTactics)random.Next(128) : ProcurementTactics.None,
                DeliveredAsPromised = state == DealState.Won ? random.Next(5) > 0 : (bool?)null,
                PaymentDelayDays = state == DealState.Won ? random.Next(0, 45) : (int?)null,
            };
        }

        return deals;
    }
}

/// <summary>Scoring one account: a single pass over its opportunities (target: at least 1,000,000 per second).</summary>
[MemoryDiagnoser]
public class AccountScoringBenchmarks
{
    private AccountFacts account = null!;
    private OpportunityFacts[] opportunities = null!;
    private RelationshipPolicy policy = null!;

    [Params(10, 1000, 10000)]
    public int Opportunities { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        account = EngineBenchmarkData.Account();
        opportunities = EngineBenchmarkData.Opportunities(Opportunities);
        policy = RelationshipPolicy.Default;
    }

    [Benchmark]
    public AccountAssessment AssessAccount() =>
        RelationshipEngine.AssessAccount(account, opportunities, EngineBenchmarkData.AsOf, policy);
}

/// <summary>Deal fairness and the tier rule for one opportunity (runs on every opportunity save).</summary>
[MemoryDiagnoser]
public class DealFairnessBenchmarks
{
    private OpportunityFacts opportunity = null!;
    private RelationshipPolicy policy = null!;

    [GlobalSetup]
    public void Setup()
    {
        opportunity = EngineBenchmarkData.Opportunities(1)[0] with
        {
            State = DealState.Open,
            DiscountPercent = 18m,
            Concessions = Concessions.Discount | Concessions.FreeServices,
            Commitments = Commitments.ReferenceCase,
            Tactics = ProcurementTactics.ReverseAuction,
        };
        policy = RelationshipPolicy.Default;
    }

    [Benchmark]
    public DealAssessment AssessDeal() =>
        RelationshipEngine.AssessDeal(opportunity, RelationshipTier.Transactional, EngineBenchmarkData.AsOf, policy);
}

/// <summary>
/// What every save and every scheduled run does: reading an account's stored ledger (its months' sums, here 100 or
/// 1,000 deals over about 40 months) at an instant, and assessing the account from it; and, as a save does it, from the
/// stored text with one deal's difference applied.
/// </summary>
[MemoryDiagnoser]
public class LedgerReadingBenchmarks
{
    private AccountFacts account = null!;
    private AccountLedger ledger = null!;
    private RelationshipPolicy policy = null!;
    private string text = null!;
    private string fingerprint = null!;
    private AccountLedger difference = null!;

    /// <summary>The account's deals over about 40 months: 100 leave most of a month's 64 sums zero, 1,000 set most.</summary>
    [Params(100, 1000)]
    public int Deals { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        account = EngineBenchmarkData.Account();
        policy = RelationshipPolicy.Default;
        var deals = EngineBenchmarkData.Opportunities(Deals);
        ledger = AccountLedger.Of(deals, policy);
        fingerprint = PolicyFingerprint.Of(policy);
        text = LedgerText.Write(ledger, fingerprint);
        difference = AccountLedger.Of([deals[^1]], policy);
    }

    [Benchmark]
    public LedgerReading ReadLedger() => ledger.Read(EngineBenchmarkData.AsOf, policy);

    [Benchmark]
    public AccountAssessment AssessFromLedger() => RelationshipEngine.AssessAccount(account, ledger, EngineBenchmarkData.AsOf, policy);

    /// <summary>A save's engine work: the stored text read, one deal's difference added, the account assessed, the text rewritten.</summary>
    [Benchmark]
    public string SaveFromStoredText()
    {
        var stored = LedgerText.Read(text, fingerprint, out _)!;
        stored.Add(difference, 1m);
        RelationshipEngine.AssessAccount(account, stored, EngineBenchmarkData.AsOf, policy);
        return LedgerText.Rewrite(text, stored, difference, fingerprint);
    }
}
