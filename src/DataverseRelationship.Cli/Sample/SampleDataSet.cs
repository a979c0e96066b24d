using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DataverseRelationship.Cli.DataSets;
using DataverseRelationship.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.Cli.Sample;

/// <summary>The built-in sample and the story each of its accounts tells.</summary>
public sealed record SampleData(DataSet DataSet, IReadOnlyDictionary<Guid, SampleAccountProfile> Profiles);

/// <summary>
/// The built-in sample: 36 accounts (six per <see cref="SampleAccountProfile"/>) over three years, a few thousand
/// opportunities, contacts in every role, sponsors and joint plans, every customer game, discounts of 3 %, 12 % and
/// 18–25 % with and without commitments, wins, losses, updates, re-parents and deletes. Deterministic for a seed.
/// </summary>
public static class SampleDataSet
{
    public const int DefaultSeed = 418_7;

    /// <summary>The first day of the sample.</summary>
    public static readonly DateTime Start = new(2023, 1, 2, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The last day of the sample; deals still open then stay open.</summary>
    public static readonly DateTime End = new(2025, 12, 31, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Share of the sample after which a declining account's conduct starts to sour.</summary>
    private const double SouringProgress = 0.35;

    /// <summary>Share of the sample after which a declining account plays games and trades on deep discounts.</summary>
    private const double DecliningProgress = 0.5;

    /// <summary>Days a declining account keeps placing (fewer) deals after its buyer leaves; then it has gone.</summary>
    private const int LeavingDays = 180;

    /// <summary>The day a declining account's conduct starts to sour.</summary>
    private static readonly DateTime SouringFrom = Start.AddDays(SouringProgress * (End - Start).TotalDays);

    private static readonly string[] CompanyNames =
    [
        "Northwind Traders", "Contoso Pharmaceuticals", "Fabrikam Logistics", "Adventure Works Cycles", "Litware Systems", "Tailspin Toys",
        "Wide World Importers", "Proseware", "Woodgrove Bank", "Alpine Ski House", "Coho Winery", "Fourth Coffee",
        "Lucerne Publishing", "Margie's Travel", "Trey Research", "Wingtip Toys", "Blue Yonder Airlines", "City Power & Light",
        "Graphic Design Institute", "Humongous Insurance", "Relecloud", "VanArsdel Ltd", "A. Datum Corporation", "Consolidated Messenger",
        "School of Fine Art", "Southridge Video", "Bellows College", "Munson's Pickles and Preserves", "Nod Publishers", "Best For You Organics",
        "Contoso Bank", "Fabrikam Residences", "Tailwind Traders", "Northwind Health", "Adatum Pharma", "Lamna Healthcare",
    ];

    private static readonly string[] FirstNames =
    [
        "Alex", "Maria", "Sven", "Ana", "Jorge", "Elif", "Mehmet", "Ingrid", "João", "Lucía", "Karin", "Emre", "Sofia", "Pedro", "Astrid", "Carmen",
    ];

    private static readonly string[] LastNames =
    [
        "Lindqvist", "Silva", "García", "Yılmaz", "Berg", "Costa", "Demir", "Nilsson", "Pereira", "López", "Şahin", "Johansson", "Santos", "Martín",
    ];

    private static readonly string[] Products =
    [
        "Fleet analytics", "Support renewal", "Data platform", "Field service rollout", "Training programme", "Cloud migration", "Security audit",
        "Licence expansion", "Integration project", "Managed service",
    ];

    /// <summary>The sample as a data set.</summary>
    public static DataSet Create(int seed = DefaultSeed) => Generate(seed).DataSet;

    /// <summary>The sample and the profile of each account.</summary>
    public static SampleData Generate(int seed = DefaultSeed)
    {
        var builder = new Builder(seed);
        builder.Build();
        DataSet dataSet = DataSet.FromEvents(
            string.Create(CultureInfo.InvariantCulture, $"built-in sample (seed {seed})"), builder.Events, builder.SellerSponsors);
        return new SampleData(dataSet, builder.Profiles);
    }

    private sealed class Builder(int seed)
    {
#pragma warning disable CA5394 // Deterministic sample data, not security: a seeded Random is the point.
        private readonly Random _random = new(seed);
        private readonly List<(Guid Id, DateTime Created, SampleAccountProfile Profile)> _accounts = [];
        private readonly Dictionary<int, DateTime> _leavingFrom = [];
        private int _contactCount;
        private int _dealCount;

        public List<DataSetEvent> Events { get; } = [];

        public Dictionary<Guid, SampleAccountProfile> Profiles { get; } = [];

        public Guid[] SellerSponsors { get; } = [NewId(seed, 1), NewId(seed, 2), NewId(seed, 3)];

        public void Build()
        {
            SampleAccountProfile[] profiles = Enum.GetValues<SampleAccountProfile>();
            for (int i = 0; i < CompanyNames.Length; i++)
            {
                SampleAccountProfile profile = profiles[i % profiles.Length];
                int late = profile == SampleAccountProfile.SmallTransactional ? (i / profiles.Length) * 110 : 0;
                DateTime created = Start.AddDays(_random.Next(0, 45) + late).AddHours(8 + _random.Next(0, 9));
                Guid id = NewId(seed, 1000 + i);
                _accounts.Add((id, created, profile));
                Profiles[id] = profile;
            }

            for (int i = 0; i < _accounts.Count; i++)
            {
                BuildAccount(i);
            }
        }

        private void BuildAccount(int index)
        {
            (Guid id, DateTime created, SampleAccountProfile profile) = _accounts[index];
            var account = new Entity(AccountTable.LogicalName, id);
            account[AccountTable.Name] = CompanyNames[index];
            account[AccountTable.RelationshipSince] = (profile switch
            {
                SampleAccountProfile.Decliner => created.AddYears(-5),
                SampleAccountProfile.Reciprocator => created.AddYears(-1),
                _ => created,
            }).Date;
            Events.Add(DataSetEvent.Create(created, account));
            var reference = new EntityReference(AccountTable.LogicalName, id);

            switch (profile)
            {
                case SampleAccountProfile.Climber:
                    Contact(reference, created.AddDays(5), ContactRole.Employee);
                    Contact(reference, created.AddDays(120), ContactRole.DecisionMaker);
                    Contact(reference, created.AddDays(180), ContactRole.Influencer);
                    Guid executive = Contact(reference, created.AddDays(480), ContactRole.DecisionMaker);
                    Sponsors(id, created.AddDays(540), executive, SellerSponsors[index % SellerSponsors.Length]);
                    JointPlan(id, created.AddDays(600), 180);
                    break;
                case SampleAccountProfile.SteadyPreferred:
                    Contact(reference, created.AddDays(10), ContactRole.DecisionMaker);
                    Contact(reference, created.AddDays(20), ContactRole.Influencer);
                    Contact(reference, created.AddDays(40), ContactRole.Employee);
                    Contact(reference, created.AddDays(300), ContactRole.Influencer);
                    break;
                case SampleAccountProfile.SmallTransactional:
                    Contact(reference, created.AddDays(10), ContactRole.Employee);
                    if (index % 2 == 0)
                    {
                        Contact(reference, created.AddDays(200), ContactRole.DecisionMaker);
                    }

                    break;
                case SampleAccountProfile.Decliner:
                    Guid sponsor = Contact(reference, created.AddHours(1), ContactRole.DecisionMaker);
                    Guid buyer = Contact(reference, created.AddHours(2), ContactRole.DecisionMaker);
                    Guid influencer = Contact(reference, created.AddHours(3), ContactRole.Influencer);
                    Contact(reference, created.AddHours(4), ContactRole.Influencer);
                    Sponsors(id, created.AddDays(1), sponsor, SellerSponsors[index % SellerSponsors.Length]);

                    // The joint plan is reviewed every half year while the partnership is healthy; the reviews stop
                    // when its conduct starts to sour, so the plan lapses only after the scores have fallen.
                    JointPlan(id, created.AddDays(2), 180, SouringFrom);

                    // Governance decays after conduct: the sponsor leaves half a year into the souring.
                    DateTime decay = SouringFrom.AddDays(180 + _random.Next(0, 60));
                    var noSponsor = new Entity(AccountTable.LogicalName, id);
                    noSponsor[AccountTable.CustomerSponsorId] = null;
                    Events.Add(DataSetEvent.Update(decay, noSponsor));
                    Events.Add(DataSetEvent.Delete(decay.AddHours(1), new EntityReference(ContactTable.LogicalName, sponsor)));
                    Guid other = _accounts[(index + 7) % _accounts.Count].Id;
                    Events.Add(DataSetEvent.Reparent(decay.AddDays(90), new EntityReference(ContactTable.LogicalName, influencer), new EntityReference(AccountTable.LogicalName, other)));
                    var inactive = new Entity(ContactTable.LogicalName, buyer);
                    inactive[ContactTable.StateCode] = new OptionSetValue(1);
                    Events.Add(DataSetEvent.Update(decay.AddDays(200), inactive));

                    // The business falls away last (conduct decline precedes lost business): from the day the buyer
                    // leaves, the customer places half of its deals, and after LeavingDays none.
                    _leavingFrom[index] = decay.AddDays(200);
                    break;
                case SampleAccountProfile.GamePlayer:
                    Contact(reference, created.AddDays(10), ContactRole.DecisionMaker);
                    Contact(reference, created.AddDays(30), ContactRole.Influencer);
                    Contact(reference, created.AddDays(60), ContactRole.Employee);
                    break;
                case SampleAccountProfile.Reciprocator:
                    Contact(reference, created.AddDays(5), ContactRole.DecisionMaker);
                    Guid champion = Contact(reference, created.AddDays(15), ContactRole.Influencer);
                    Contact(reference, created.AddDays(200), ContactRole.DecisionMaker);
                    if (index % 12 < 6)
                    {
                        Sponsors(id, created.AddDays(380), champion, SellerSponsors[index % SellerSponsors.Length]);
                        JointPlan(id, created.AddDays(400), 300);
                    }

                    break;
            }

            BuildDeals(index);
        }

        private void BuildDeals(int index)
        {
            (Guid id, DateTime created, SampleAccountProfile profile) = _accounts[index];
            double perMonth = profile switch
            {
                SampleAccountProfile.Climber => 3.2,
                SampleAccountProfile.SteadyPreferred => 2.6,
                SampleAccountProfile.SmallTransactional => 0.7,
                SampleAccountProfile.Decliner => 2.6,
                SampleAccountProfile.GamePlayer => 2.2,
                _ => 2.0,
            };
            double meanGapDays = 30.4 / perMonth;
            DateTime at = created.AddDays(3 + _random.NextDouble() * meanGapDays);
            DateTime? leaving = _leavingFrom.TryGetValue(index, out DateTime from) ? from : null;
            int n = 0;
            while (at < End.AddDays(-10))
            {
                double progress = (at - Start).TotalDays / (End - Start).TotalDays;
                DealTerms terms = Terms(profile, progress, n, index);
                int first = Events.Count;
                AddDeal(index, at, terms, n);

                // A leaving customer places every second deal, then none. The deal is drawn all the same and its
                // events dropped, so the other accounts' draws stay as they were.
                if (at >= leaving && (at >= leaving.Value.AddDays(LeavingDays) || n % 2 == 1))
                {
                    Events.RemoveRange(first, Events.Count - first);
                }

                n++;
                at = at.AddDays(meanGapDays * (0.4 + _random.NextDouble() * 1.2)).AddMinutes(_random.Next(0, 600));
            }
        }

        private void AddDeal(int index, DateTime at, DealTerms terms, int n)
        {
            (Guid accountId, _, SampleAccountProfile profile) = _accounts[index];
            _dealCount++;
            Guid id = NewId(seed, 1_000_000 + _dealCount);
            var account = new EntityReference(AccountTable.LogicalName, accountId);
            var deal = new Entity(OpportunityTable.LogicalName, id);
            deal[OpportunityTable.Name] = $"{CompanyNames[index]}: {Products[_random.Next(Products.Length)]} {at.Year}";
            deal[OpportunityTable.EstimatedCloseDate] = at.AddDays(terms.CycleDays).Date;
            terms.WriteTo(deal);

            bool misbooked = profile == SampleAccountProfile.SteadyPreferred && n % 25 == 7;
            bool duplicate = n % 40 == 13;
            Guid bookedTo = misbooked ? _accounts[(index + 1) % _accounts.Count].Id : accountId;
            if (misbooked && _accounts[(index + 1) % _accounts.Count].Created > at)
            {
                bookedTo = accountId;
                misbooked = false;
            }

            deal[OpportunityTable.ParentAccountId] = new EntityReference(AccountTable.LogicalName, bookedTo);
            Events.Add(DataSetEvent.Create(at, deal));
            if (misbooked)
            {
                Events.Add(DataSetEvent.Reparent(at.AddDays(3), deal.ToEntityReference(), account));
            }

            if (duplicate)
            {
                Events.Add(DataSetEvent.Delete(at.AddDays(1), deal.ToEntityReference()));
                return;
            }

            DateTime close = at.AddDays(terms.CycleDays).AddHours(_random.Next(1, 8));
            DateTime midway = at.AddDays(terms.CycleDays / 2.0);
            if (midway >= End)
            {
                return;
            }

            if (profile == SampleAccountProfile.GamePlayer && n % 3 == 1)
            {
                var squeeze = new Entity(OpportunityTable.LogicalName, id);
                squeeze[OpportunityTable.DiscountPercentage] = terms.DiscountPercentage + 5m;
                squeeze[OpportunityTable.ProcurementTactics] = DealTerms.Choices(
                    terms.Tactics.Select(t => (int)t).Append((int)ProcurementTacticChoice.EarlyRenegotiation));
                Events.Add(DataSetEvent.Update(midway, squeeze));
            }
            else if (profile == SampleAccountProfile.Climber && n % 4 == 2)
            {
                var revised = new Entity(OpportunityTable.LogicalName, id);
                revised[OpportunityTable.EstimatedValue] = new Money(decimal.Round(terms.EstimatedValue * 1.15m, 2));
                Events.Add(DataSetEvent.Update(midway, revised));
            }

            if (close >= End)
            {
                return;
            }

            if (terms.Won)
            {
                if (terms.Recorded)
                {
                    var delivery = new Entity(OpportunityTable.LogicalName, id);
                    delivery[OpportunityTable.DeliveredAsPromised] = terms.DeliveredAsPromised;
                    delivery[OpportunityTable.PaymentDelayDays] = terms.PaymentDelayDays;
                    Events.Add(DataSetEvent.Update(close.AddMinutes(-30), delivery));
                }

                decimal actual = decimal.Round(terms.EstimatedValue * (decimal)(0.9 + _random.NextDouble() * 0.2), 2);
                Events.Add(DataSetEvent.Win(close, id, new Money(actual)));
            }
            else
            {
                Events.Add(DataSetEvent.Lose(close, id, _random.NextDouble() < 0.6 ? DataSetEvent.OutSoldStatusCode : DataSetEvent.CanceledStatusCode));
            }
        }

        private DealTerms Terms(SampleAccountProfile profile, double progress, int n, int index)
        {
            double roll = _random.NextDouble();
            var concessions = new List<ConcessionChoice>();
            var commitments = new List<CommitmentChoice>();
            var tactics = new List<ProcurementTacticChoice>();
            var seller = new List<SellerConductChoice>();
            bool recorded = true;
            decimal discount;
            decimal margin = Between(18, 34);
            decimal value = Between(15_000, 90_000);
            double winRate = 0.65;
            bool delivered = _random.NextDouble() < 0.95;
            int delay = _random.Next(0, 6);
            int cycle = _random.Next(20, 91);

            switch (profile)
            {
                case SampleAccountProfile.Climber:
                    value = Between(20_000, 60_000) * (decimal)(1 + progress * 2);
                    discount = roll < 0.65 ? 3m : roll < 0.9 ? 12m : 0m;
                    if (discount == 12m)
                    {
                        commitments.Add(n % 2 == 0 ? CommitmentChoice.Volume : CommitmentChoice.MultiYearTerm);
                    }

                    winRate = 0.7 + progress * 0.15;
                    if (n % 37 == 5)
                    {
                        tactics.Add(ProcurementTacticChoice.PriceBenchmarkingDuringContract);
                    }

                    break;
                case SampleAccountProfile.SteadyPreferred:
                    discount = roll < 0.6 ? 3m : roll < 0.85 ? 12m : 0m;
                    if (discount == 12m && _random.NextDouble() < 0.6)
                    {
                        commitments.Add(n % 2 == 0 ? CommitmentChoice.ForecastSharing : CommitmentChoice.ReferenceCase);
                    }

                    winRate = 0.62;
                    break;
                case SampleAccountProfile.SmallTransactional:
                    value = Between(3_000, 20_000);
                    discount = roll < 0.5 ? 3m : roll < 0.8 ? 12m : 0m;
                    margin = _random.NextDouble() < 0.2 ? Between(2, 8) : Between(12, 30);
                    winRate = 0.45;
                    delivered = _random.NextDouble() < 0.85;

                    // Nobody records the terms of most small deals: these accounts are scored on little evidence,
                    // and two of them on almost none (one deal in twelve), too little to score their health.
                    bool almostNothing = index / 6 is 1 or 4;
                    recorded = _random.NextDouble() < 0.3 && (!almostNothing || n % 12 == 5);
                    break;
                case SampleAccountProfile.Decliner when progress < SouringProgress:
                    value = Between(40_000, 120_000);
                    discount = roll < 0.75 ? 3m : 12m;
                    if (discount == 12m)
                    {
                        commitments.Add(CommitmentChoice.MultiYearTerm);
                    }

                    winRate = 0.78;
                    break;
                case SampleAccountProfile.Decliner when progress < DecliningProgress:
                    // Souring: the same exchange and no games yet, but the customer squeezes the margin and pays
                    // late, and the seller over-promises. The customer still buys as before: conduct declines
                    // first, the business is lost later (deals in the next phase, then the account).
                    value = Between(35_000, 110_000);
                    discount = roll < 0.7 ? 3m : 12m;
                    if (discount == 12m)
                    {
                        commitments.Add(CommitmentChoice.MultiYearTerm);
                    }

                    margin = Between(5, 14);
                    winRate = 0.78;
                    delivered = _random.NextDouble() < 0.8;
                    delay = _random.Next(15, 61);
                    if (!delivered)
                    {
                        seller.Add(SellerConductChoice.OverPromised);
                    }

                    break;
                case SampleAccountProfile.Decliner:
                    value = Between(30_000, 100_000);
                    // The customer demands deep discounts, mostly without giving anything back; the rule refuses
                    // those above the cap, so what the reps record is the squeeze on price, the games and the delays.
                    discount = roll < 0.3 ? Between(18, 25) : roll < 0.55 ? 12m : 3m;
                    if (discount >= 12m && _random.NextDouble() < 0.4)
                    {
                        commitments.Add(CommitmentChoice.Volume);
                    }

                    // Games on most deals, and on one deal in three a demand for one-sided concessions as well.
                    if (_random.NextDouble() < 0.85)
                    {
                        tactics.Add((n % 3) switch
                        {
                            0 => ProcurementTacticChoice.ReverseAuction,
                            1 => ProcurementTacticChoice.DiscountDemandedAfterAward,
                            _ => ProcurementTacticChoice.PaymentWithholding,
                        });
                        if (n % 3 == 0)
                        {
                            tactics.Add(ProcurementTacticChoice.OneSidedConcessionDemand);
                        }
                    }

                    margin = Between(2, 10);
                    winRate = 0.35;
                    delivered = _random.NextDouble() < 0.7;
                    delay = _random.Next(20, 91);

                    // Neither side is always right (seed 004): the seller over-promised and changed prices too.
                    if (!delivered)
                    {
                        seller.Add(SellerConductChoice.OverPromised);
                    }

                    if (n % 5 == 2)
                    {
                        seller.Add(SellerConductChoice.PriceChangedDuringContract);
                    }

                    break;
                case SampleAccountProfile.GamePlayer:
                    ProcurementTacticChoice[] games = Enum.GetValues<ProcurementTacticChoice>().Where(g => g != ProcurementTacticChoice.None).ToArray();
                    tactics.Add(games[n % games.Length]);
                    if (n % 2 == 0)
                    {
                        tactics.Add(games[(n / 2 + 3) % games.Length]);
                    }

                    discount = roll < 0.5 ? Between(18, 25) : roll < 0.8 ? 12m : 3m;
                    if (discount >= 12m && n % 2 == 1)
                    {
                        commitments.Add(n % 4 == 1 ? CommitmentChoice.Prepayment : CommitmentChoice.Volume);
                    }

                    margin = Between(8, 26);
                    winRate = 0.5;
                    delay = _random.Next(0, 46);
                    break;
                default:
                    value = Between(50_000, 300_000);
                    discount = roll < 0.6 ? Between(18, 25) : roll < 0.85 ? 12m : 3m;
                    if (discount >= 12m)
                    {
                        commitments.Add(CommitmentChoice.MultiYearTerm);
                        commitments.Add(n % 2 == 0 ? CommitmentChoice.Prepayment : CommitmentChoice.JointInvestment);
                    }

                    margin = Between(20, 30);
                    winRate = 0.7;
                    break;
            }

            if (discount > 0m)
            {
                concessions.Add(ConcessionChoice.Discount);
            }

            if (_random.NextDouble() < 0.15)
            {
                concessions.Add(n % 3 == 0 ? ConcessionChoice.ExtendedPaymentTerms : n % 3 == 1 ? ConcessionChoice.FreeServices : ConcessionChoice.CustomWork);
            }

            // A demand for one-sided concessions gets one: extended payment terms or free services, given for nothing.
            if (tactics.Contains(ProcurementTacticChoice.OneSidedConcessionDemand) && !concessions.Contains(ConcessionChoice.ExtendedPaymentTerms))
            {
                concessions.Add(n % 2 == 0 ? ConcessionChoice.ExtendedPaymentTerms : ConcessionChoice.FreeServices);
            }

            if (profile == SampleAccountProfile.GamePlayer && tactics.Contains(ProcurementTacticChoice.UnilateralRiskTransfer))
            {
                concessions.Add(ConcessionChoice.AcceptedRisk);
            }

            bool won = _random.NextDouble() < winRate;
            if (profile == SampleAccountProfile.SteadyPreferred && n % 11 == 4)
            {
                seller.Add(SellerConductChoice.RiskShiftedToCustomer);
            }

            return new DealTerms(decimal.Round(value, 2), discount, margin, concessions, commitments, tactics, seller, recorded, won, cycle, delivered, delay);
        }

        private Guid Contact(EntityReference account, DateTime at, ContactRole role)
        {
            _contactCount++;
            Guid id = NewId(seed, 500_000 + _contactCount);
            var contact = new Entity(ContactTable.LogicalName, id);
            contact[ContactTable.FirstName] = FirstNames[_random.Next(FirstNames.Length)];
            contact[ContactTable.LastName] = LastNames[_random.Next(LastNames.Length)];
            contact[ContactTable.ParentCustomerId] = account;
            contact[ContactTable.AccountRoleCode] = new OptionSetValue((int)role);
            Events.Add(DataSetEvent.Create(at, contact));
            return id;
        }

        private void Sponsors(Guid account, DateTime at, Guid customerSponsor, Guid sellerSponsor)
        {
            var update = new Entity(AccountTable.LogicalName, account);
            update[AccountTable.CustomerSponsorId] = new EntityReference(ContactTable.LogicalName, customerSponsor);
            update[AccountTable.SellerSponsorId] = new EntityReference(SecurityTables.SystemUser, sellerSponsor);
            Events.Add(DataSetEvent.Update(at, update));
        }

        private void JointPlan(Guid account, DateTime first, int reviewEveryDays) => JointPlan(account, first, reviewEveryDays, End);

        private void JointPlan(Guid account, DateTime first, int reviewEveryDays, DateTime reviewedUntil)
        {
            var plan = new Entity(AccountTable.LogicalName, account);
            plan[AccountTable.HasJointAccountPlan] = true;
            plan[AccountTable.JointPlanReviewedOn] = first.Date;
            Events.Add(DataSetEvent.Update(first, plan));
            for (DateTime review = first.AddDays(reviewEveryDays); review < reviewedUntil; review = review.AddDays(reviewEveryDays))
            {
                var reviewed = new Entity(AccountTable.LogicalName, account);
                reviewed[AccountTable.JointPlanReviewedOn] = review.Date;
                Events.Add(DataSetEvent.Update(review, reviewed));
            }
        }

        private decimal Between(int low, int high) => decimal.Round((decimal)(low + _random.NextDouble() * (high - low)), 2);
#pragma warning restore CA5394
    }

    /// <summary>A GUID fixed by the seed and a number, so the same seed gives the same ids.</summary>
    internal static Guid NewId(int seed, long n)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, (long)seed * 1_000_003L + 0x5EED);
        BitConverter.TryWriteBytes(bytes[8..], n);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        return new Guid(bytes);
    }
}
