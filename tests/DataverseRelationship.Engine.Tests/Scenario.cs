using System;
using System.Collections.Generic;
using DataverseRelationship.Engine.Deals;
using DataverseRelationship.Engine.Model;
using DataverseRelationship.Engine.Policies;
using DataverseRelationship.Engine.Scoring;

namespace DataverseRelationship.Engine.Tests;

/// <summary>Readable test inputs: a fixed clock, plain accounts and deals described by age and terms.</summary>
internal static class Scenario
{
    public static readonly DateTime AsOf = new DateTime(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc);

    public static RelationshipPolicy Policy => RelationshipPolicy.Default;

    public static DateTime MonthsAgo(double months) => AsOf.AddDays(-months * 30.436875);

    public static AccountFacts Account(double relationshipMonths = 36, int keyContacts = 3) => new AccountFacts
    {
        RelationshipSince = MonthsAgo(relationshipMonths),
        CreatedOn = MonthsAgo(relationshipMonths),
        KeyContactCount = keyContacts,
    };

    /// <summary>An account that meets every Preferred criterion comfortably, and every Strategic one when <paramref name="strategic"/>.</summary>
    public static AccountFacts PartnerReadyAccount(bool strategic) => Account(60, 4) with
    {
        HasCustomerSponsor = strategic,
        HasSellerSponsor = strategic,
        HasJointAccountPlan = strategic,
        JointPlanReviewedOn = strategic ? MonthsAgo(2) : (DateTime?)null,
    };

    /// <summary>Many recent, fairly priced, won deals: high loyalty and fairness.</summary>
    public static List<OpportunityFacts> StrongHistory(int count = 8, decimal value = 100000m)
    {
        var deals = new List<OpportunityFacts>();
        for (var i = 0; i < count; i++)
        {
            deals.Add(Won(monthsAgo: 0.5 + i, value: value));
        }

        return deals;
    }

    /// <summary>A won deal with every fact recorded, and recorded clean: no concessions, commitments, games or seller faults.</summary>
    public static OpportunityFacts Won(double monthsAgo = 1, decimal value = 100000m, decimal? margin = 25m, decimal? discount = 0m) => new OpportunityFacts
    {
        Id = Guid.NewGuid(),
        State = DealState.Won,
        CreatedOn = MonthsAgo(monthsAgo + 2),
        CloseDate = MonthsAgo(monthsAgo),
        EstimatedValue = value,
        ActualValue = value,
        DiscountPercent = discount,
        SellerMarginPercent = margin,
        Concessions = Concessions.None,
        Commitments = Commitments.None,
        Tactics = ProcurementTactics.None,
        SellerConduct = SellerConduct.None,
        DeliveredAsPromised = true,
        PaymentDelayDays = 0,
    };

    /// <summary>A won deal as a CRM export has it on day one: value, state and dates only.</summary>
    public static OpportunityFacts Bare(double monthsAgo = 1, decimal value = 100000m) => new OpportunityFacts
    {
        Id = Guid.NewGuid(),
        State = DealState.Won,
        CreatedOn = MonthsAgo(monthsAgo + 2),
        CloseDate = MonthsAgo(monthsAgo),
        EstimatedValue = value,
        ActualValue = value,
    };

    /// <summary>Won deals one a month, every fact recorded clean.</summary>
    public static List<OpportunityFacts> Monthly(int count, decimal value = 100000m, double startMonthsAgo = 0.5)
    {
        var deals = new List<OpportunityFacts>();
        for (var i = 0; i < count; i++)
        {
            deals.Add(Won(startMonthsAgo + i, value));
        }

        return deals;
    }

    public static OpportunityFacts Lost(double monthsAgo = 1, decimal value = 100000m) => new OpportunityFacts
    {
        Id = Guid.NewGuid(),
        State = DealState.Lost,
        CreatedOn = MonthsAgo(monthsAgo + 2),
        CloseDate = MonthsAgo(monthsAgo),
        EstimatedValue = value,
    };

    public static OpportunityFacts Open(decimal? discount = 0m, decimal? margin = 25m, decimal value = 100000m) => new OpportunityFacts
    {
        Id = Guid.NewGuid(),
        State = DealState.Open,
        CreatedOn = MonthsAgo(0.5),
        CloseDate = AsOf.AddMonths(1),
        EstimatedValue = value,
        DiscountPercent = discount,
        SellerMarginPercent = margin,
        Concessions = Concessions.None,
        Commitments = Commitments.None,
        Tactics = ProcurementTactics.None,
        SellerConduct = SellerConduct.None,
    };

    public static AccountAssessment Assess(AccountFacts account, IReadOnlyList<OpportunityFacts> deals, RelationshipPolicy? policy = null) =>
        RelationshipEngine.AssessAccount(account, deals, AsOf, policy ?? Policy);

    public static AccountAssessment Assess(params OpportunityFacts[] deals) => Assess(Account(), deals);

    public static DealAssessment AssessDeal(OpportunityFacts deal, RelationshipTier tier = RelationshipTier.Transactional, RelationshipPolicy? policy = null) =>
        RelationshipEngine.AssessDeal(deal, tier, AsOf, policy ?? Policy);
}
