using System;
using System.Collections.Generic;
using System.Linq;
using DataverseRelationship.Engine;
using DataverseRelationship.Engine.Explanations;
using DataverseRelationship.Engine.Model;
using DataverseRelationship.Engine.Policies;
using DataverseRelationship.Engine.Scoring;
using DataverseRelationship.Plugins.Schema;
using DataverseRelationship.Plugins.Tests.Support;
using Microsoft.Xrm.Sdk;
using Xunit.Abstractions;

namespace DataverseRelationship.Plugins.Tests.Properties;

/// <summary>
/// Thousands of mixed events (deals created, changed, won, lost, deleted and moved; contacts created, changed, moved and
/// deleted; account inputs, overrides, direct tier writes, time passing) replayed through the real registrations.
/// After each event every account's stored columns must equal the engine's result computed from scratch on the stored
/// rows, every score must be in range, and nothing but a clear InvalidPluginExecutionException may escape.
/// </summary>
public class RandomizedEventReplaySpecification
{
    private const int ChoiceBase = 418700000;
    private readonly ITestOutputHelper _output;

    public RandomizedEventReplaySpecification(ITestOutputHelper output) => _output = output;

    [Theory]
    [InlineData(11, 1500, null)]
    [InlineData(29, 1500, """{"version":"replay-warn","deals":{"mode":"warn"},"tiers":{"minimumDwellDays":20,"preferred":{"minimumWonValue":20000}}}""")]
    public void Every_account_always_equals_a_recomputation_from_scratch_whatever_the_events(int seed, int events, string? policyJson)
    {
        var world = new RelationshipWorld();
        if (policyJson != null)
        {
            world.SetPolicy(policyJson);
        }

        var policy = policyJson == null ? RelationshipPolicy.Default : RelationshipPolicyJson.Parse(policyJson);
        var replay = new Replay(world, new Random(seed));
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var rejections = 0;
        for (var i = 0; i < 3; i++)
        {
            replay.CreateAccount();
        }

        for (var step = 0; step < events; step++)
        {
            world.Dataverse.ClearHistory();
            var name = replay.Next(out var action);
            counts[name] = counts.TryGetValue(name, out var n) ? n + 1 : 1;
            var escaped = Record.Exception(action);
            if (escaped != null)
            {
                var rejection = Assert.IsType<InvalidPluginExecutionException>(escaped);
                Assert.False(string.IsNullOrWhiteSpace(rejection.Message));
                Assert.False(
                    rejection.Message.Contains("failed unexpectedly", StringComparison.Ordinal),
                    $"event {step} ({name}): {rejection.Message}\n{rejection.InnerException}");
                rejections++;
            }

            Assert.All(world.Dataverse.PluginExecutions, e => Assert.True(e.Depth <= 2, $"event {step} ({name}): {e} ran at depth {e.Depth}"));
            foreach (var account in world.Dataverse.ReadAll(AccountTable.LogicalName))
            {
                CheckAccount(world, account, policy, $"event {step} ({name})");
            }
        }

        _output.WriteLine($"seed {seed}: {events} events, {rejections} rejected; " + string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Key + " " + c.Value)));
        _output.WriteLine($"{world.Dataverse.Count(OpportunityTable.LogicalName)} opportunities, {world.Dataverse.Count(ContactTable.LogicalName)} contacts, {world.Dataverse.Count(TierChangeTable.LogicalName)} tier changes");
        Assert.True(world.Dataverse.Count(TierChangeTable.LogicalName) > 0);
    }

    /// <summary>The oracle: the engine on the stored rows, mapped here independently of the plugins' mapping.</summary>
    private static void CheckAccount(RelationshipWorld world, Entity account, RelationshipPolicy policy, string when)
    {
        var now = world.Now;
        var opportunities = world.Dataverse.ReadAll(OpportunityTable.LogicalName)
            .Where(o => o.GetAttributeValue<EntityReference>(OpportunityTable.ParentAccountId)?.Id == account.Id)
            .ToList();
        var keyContacts = world.Dataverse.ReadAll(ContactTable.LogicalName).Count(c =>
            c.GetAttributeValue<EntityReference>(ContactTable.ParentCustomerId)?.Id == account.Id
            && c.GetAttributeValue<OptionSetValue>(ContactTable.StateCode)?.Value == 0
            && c.GetAttributeValue<OptionSetValue>(ContactTable.AccountRoleCode)?.Value is 1 or 3);
        Assert.True(keyContacts == account.GetAttributeValue<int?>(AccountTable.KeyContactCount), when + ": key contacts");

        TierOverride? tierOverride = null;
        if (account.GetAttributeValue<OptionSetValue>(AccountTable.TierOverride) is { } overrideTier)
        {
            tierOverride = new TierOverride
            {
                Tier = (RelationshipTier)(overrideTier.Value - ChoiceBase),
                Reason = account.GetAttributeValue<string>(AccountTable.TierOverrideReason),
                ExpiresOn = account.GetAttributeValue<DateTime?>(AccountTable.TierOverrideExpiresOn),
            };
        }

        var facts = new AccountFacts
        {
            CreatedOn = account.GetAttributeValue<DateTime>("createdon"),
            RelationshipSince = account.GetAttributeValue<DateTime?>(AccountTable.RelationshipSince),
            KeyContactCount = keyContacts,
            // Dataverse returns no column for an empty lookup, so a stored row says "sponsor set" or nothing.
            HasCustomerSponsor = account.Contains(AccountTable.CustomerSponsorId) ? true : null,
            HasSellerSponsor = account.Contains(AccountTable.SellerSponsorId) ? true : null,
            HasJointAccountPlan = account.GetAttributeValue<bool?>(AccountTable.HasJointAccountPlan),
            JointPlanReviewedOn = account.GetAttributeValue<DateTime?>(AccountTable.JointPlanReviewedOn),
            CurrentTier = (RelationshipTier)(account.GetAttributeValue<OptionSetValue>(AccountTable.Tier).Value - ChoiceBase),
            TierChangedOn = account.GetAttributeValue<DateTime?>(AccountTable.TierChangedOn),
            LastDemotedOn = account.GetAttributeValue<DateTime?>(AccountTable.LastDemotedOn),
            Override = tierOverride,
            TrendBaselineHealth = account.GetAttributeValue<decimal?>(AccountTable.TrendBaselineHealth),
            TrendBaselineOn = account.GetAttributeValue<DateTime?>(AccountTable.TrendBaselineOn),
            // Like the tier, the at-risk flag is state as well as result (hysteresis): the stored flag is the one the rules saw.
            WasAtRisk = account.GetAttributeValue<bool?>(AccountTable.AtRisk),
        };
        var deals = opportunities.Select(o => (OpportunityFacts?)Facts(o, now)).ToList();
        var assessment = RelationshipEngine.AssessAccount(facts, deals, now, policy);

        // The ledger the saves kept up to date, one difference at a time, is the ledger of the stored deals.
        var ledger = LedgerText.Read(account.GetAttributeValue<string>(AccountTable.RelationshipLedger), PolicyFingerprint.Of(policy), out var unreadable);
        Assert.True(ledger is not null, when + ": the account's ledger cannot be used: " + unreadable);
        Assert.True(ledger!.SameAs(AccountLedger.Of(deals, policy)), when + ": the stored ledger differs from the ledger of the account's " + deals.Count + " deals");

        Assert.True(assessment.TierChange == null, when + ": the stored tier is not what the rules give now: " + assessment.TierVerdict.Text);
        Assert.True(assessment.TierVerdict.DecidedBy != ReasonCodes.OverrideExpired, when + ": an expired override was left on the account");
        Assert.Equal((int)assessment.EligibleTier + ChoiceBase, account.GetAttributeValue<OptionSetValue>(AccountTable.EligibleTier).Value);
        var stored = new[]
        {
            (AccountTable.ReciprocityScore, assessment.Reciprocity), (AccountTable.AutonomyScore, assessment.Autonomy),
            (AccountTable.IntegrityScore, assessment.Integrity), (AccountTable.LoyaltyScore, assessment.Loyalty),
            (AccountTable.FairnessScore, assessment.Fairness), (AccountTable.HealthScore, assessment.Health),
            (AccountTable.ChurnRisk, assessment.ChurnRisk), (AccountTable.Confidence, assessment.Confidence),
            (AccountTable.EngagementScore, assessment.Engagement),
        };
        foreach (var (column, expected) in stored)
        {
            // Unknown is a blank column, never 0 or 50.
            var value = account.GetAttributeValue<decimal?>(column);
            Assert.True(expected == value, $"{when}: {column} stored {(value.HasValue ? value.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : "blank")}, recomputed {(expected.HasValue ? expected.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : "unknown")}");
            if (value.HasValue)
            {
                Assert.InRange(value.Value, 0m, 100m);
            }
        }

        Assert.Equal(assessment.LifetimeValue, account.GetAttributeValue<Money>(AccountTable.LifetimeValue)?.Value);
        Assert.Equal(assessment.ChurnRisk.HasValue ? assessment.AtRisk : null, account.GetAttributeValue<bool?>(AccountTable.AtRisk));
        Assert.Equal((int)assessment.HealthBand + ChoiceBase, account.GetAttributeValue<OptionSetValue>(AccountTable.HealthBand).Value);
        Assert.Equal(assessment.HealthTrend.HasValue ? (int)assessment.HealthTrend.Value + ChoiceBase : null, account.GetAttributeValue<OptionSetValue>(AccountTable.HealthTrend)?.Value);
        Assert.Equal(policy.Version, account.GetAttributeValue<string>(AccountTable.PolicyVersion));
        Assert.False(string.IsNullOrWhiteSpace(account.GetAttributeValue<string>(AccountTable.ScoreExplanation)));

        foreach (var deal in opportunities)
        {
            Assert.InRange(deal.GetAttributeValue<decimal?>(OpportunityTable.DealFairnessScore) ?? 0m, 0m, 100m);
            Assert.InRange(deal.GetAttributeValue<decimal?>(OpportunityTable.ReciprocityBalance) ?? 0m, -100m, 100m);
            var verdict = deal.GetAttributeValue<OptionSetValue>(OpportunityTable.TierRuleVerdict);
            Assert.NotNull(verdict);
            if (!deal.Contains(OpportunityTable.DiscountPercentage) && !deal.Contains(OpportunityTable.Concessions))
            {
                Assert.True((int)TierRuleVerdictChoice.NotAssessed == verdict.Value, when + ": a deal with no discount and no concessions recorded must be Not assessed");
            }
        }
    }

    private static OpportunityFacts Facts(Entity row, DateTime now)
    {
        var state = (DealState)(row.GetAttributeValue<OptionSetValue>(OpportunityTable.StateCode)?.Value ?? 0);
        return new OpportunityFacts
        {
            Id = row.Id,
            State = state,
            CreatedOn = row.GetAttributeValue<DateTime?>(OpportunityTable.CreatedOn) ?? now,
            CloseDate = state == DealState.Open ? row.GetAttributeValue<DateTime?>(OpportunityTable.EstimatedCloseDate) : row.GetAttributeValue<DateTime?>(OpportunityTable.ActualCloseDate),
            EstimatedValue = row.GetAttributeValue<Money>(OpportunityTable.EstimatedValue)?.Value,
            ActualValue = row.GetAttributeValue<Money>(OpportunityTable.ActualValue)?.Value,
            DiscountPercent = row.GetAttributeValue<decimal?>(OpportunityTable.DiscountPercentage),
            DiscountAllowancePercent = row.GetAttributeValue<decimal?>(OpportunityTable.DiscountAllowance),
            SellerMarginPercent = row.GetAttributeValue<decimal?>(OpportunityTable.SellerMargin),
            Concessions = (Concessions?)Flags(row, OpportunityTable.Concessions, NoneOffset.Concessions),
            Commitments = (Commitments?)Flags(row, OpportunityTable.Commitments, NoneOffset.Commitments),
            Tactics = (ProcurementTactics?)Flags(row, OpportunityTable.ProcurementTactics, NoneOffset.Tactics),
            SellerConduct = (SellerConduct?)SellerConductFlags(row),
            DeliveredAsPromised = row.GetAttributeValue<bool?>(OpportunityTable.DeliveredAsPromised),
            PaymentDelayDays = row.GetAttributeValue<int?>(OpportunityTable.PaymentDelayDays),
        };
    }

    /// <summary>Where "None" sits in each multi-select choice (after the flags it excludes; first in seller conduct).</summary>
    private static class NoneOffset
    {
        public const int Concessions = 5;
        public const int Commitments = 6;
        public const int Tactics = 7;
    }

    /// <summary>Empty = not recorded (null); "None" = recorded none (0); otherwise value n is flag 1 &lt;&lt; n.</summary>
    private static int? Flags(Entity row, string column, int noneOffset) =>
        row.GetAttributeValue<OptionSetValueCollection>(column) is { Count: > 0 } values
            ? values.Aggregate(0, (flags, o) => o.Value - ChoiceBase == noneOffset ? flags : flags | (1 << (o.Value - ChoiceBase)))
            : null;

    /// <summary>dvr_sellerconduct: value 0 is "None", value n is flag 1 &lt;&lt; (n − 1).</summary>
    private static int? SellerConductFlags(Entity row) =>
        row.GetAttributeValue<OptionSetValueCollection>(OpportunityTable.SellerConduct) is { Count: > 0 } values
            ? values.Aggregate(0, (flags, o) => o.Value == ChoiceBase ? flags : flags | (1 << (o.Value - ChoiceBase - 1)))
            : null;

    /// <summary>Draws the next event from the current state of the local Dataverse.</summary>
    private sealed class Replay
    {
        private readonly RelationshipWorld _world;
        private readonly Random _random;

        public Replay(RelationshipWorld world, Random random)
        {
            _world = world;
            _random = random;
        }

        private List<Guid> Accounts => _world.Dataverse.ReadAll(AccountTable.LogicalName).Select(a => a.Id).ToList();

        private List<Entity> Deals(int? state = null) => _world.Dataverse.ReadAll(OpportunityTable.LogicalName)
            .Where(o => state == null || o.GetAttributeValue<OptionSetValue>(OpportunityTable.StateCode).Value == state).ToList();

        private List<Entity> Contacts => _world.Dataverse.ReadAll(ContactTable.LogicalName).ToList();

        private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

        private EntityReference AccountReference() => new(AccountTable.LogicalName, Pick(Accounts));

        public void CreateAccount() => _world.CreateAccount("Account " + _random.Next(1000), relationshipMonths: _random.Next(0, 60));

        public string Next(out Action action)
        {
            var roll = _random.Next(100);
            var open = Deals(0);
            var contacts = Contacts;
            switch (roll)
            {
                case < 22:
                    action = () => _world.Service.Create(NewDeal());
                    return "create deal";
                case < 34 when open.Count > 0:
                    var changed = new Entity(OpportunityTable.LogicalName, Pick(open).Id);
                    ChangeDeal(changed);
                    action = () => _world.Update(changed);
                    return "update deal";
                case < 45 when open.Count > 0:
                    var won = Pick(open).Id;
                    var wonOn = _world.Now.AddDays(-_random.Next(0, 900));
                    action = () => _world.Win(won, wonOn);
                    return "win";
                case < 52 when open.Count > 0:
                    var lost = Pick(open).Id;
                    var lostOn = _world.Now.AddDays(-_random.Next(0, 900));
                    action = () => _world.Lose(lost, lostOn);
                    return "lose";
                case < 55:
                    var all = Deals();
                    if (all.Count == 0)
                    {
                        break;
                    }

                    var deleted = Pick(all).Id;
                    action = () => _world.Service.Delete(OpportunityTable.LogicalName, deleted);
                    return "delete deal";
                case < 59 when open.Count > 0:
                    var moved = new Entity(OpportunityTable.LogicalName, Pick(open).Id) { [OpportunityTable.ParentAccountId] = AccountReference() };
                    action = () => _world.Update(moved);
                    return "re-parent deal";
                case < 68:
                    var account = Pick(Accounts);
                    var role = (ContactRole)_random.Next(1, 4);
                    action = () => _world.CreateContact(account, role);
                    return "create contact";
                case < 73 when contacts.Count > 0:
                    var roleChange = new Entity(ContactTable.LogicalName, Pick(contacts).Id) { [ContactTable.AccountRoleCode] = new OptionSetValue(_random.Next(1, 4)) };
                    action = () => _world.Update(roleChange);
                    return "change contact role";
                case < 77 when contacts.Count > 0:
                    var stateChange = new Entity(ContactTable.LogicalName, Pick(contacts).Id) { [ContactTable.StateCode] = new OptionSetValue(_random.Next(2)) };
                    action = () => _world.Update(stateChange);
                    return "change contact state";
                case < 81 when contacts.Count > 0:
                    var contactMove = new Entity(ContactTable.LogicalName, Pick(contacts).Id) { [ContactTable.ParentCustomerId] = AccountReference() };
                    action = () => _world.Update(contactMove);
                    return "re-parent contact";
                case < 83 when contacts.Count > 0:
                    var gone = Pick(contacts).Id;
                    action = () => _world.Service.Delete(ContactTable.LogicalName, gone);
                    return "delete contact";
                case < 88:
                    var inputs = new Entity(AccountTable.LogicalName, Pick(Accounts));
                    ChangeInputs(inputs, contacts);
                    action = () => _world.Update(inputs, _world.RelationshipManager);
                    return "account inputs";
                case < 92:
                    var overridden = new Entity(AccountTable.LogicalName, Pick(Accounts));
                    var user = _random.Next(5) == 0 ? _world.Seller : _world.RelationshipManager;
                    if (_random.Next(4) == 0)
                    {
                        overridden[AccountTable.TierOverride] = null;
                    }
                    else
                    {
                        overridden[AccountTable.TierOverride] = new OptionSetValue(ChoiceBase + _random.Next(3));
                        overridden[AccountTable.TierOverrideReason] = _random.Next(8) == 0 ? null : "Replay override";
                        overridden[AccountTable.TierOverrideExpiresOn] = _world.Now.AddDays(_random.Next(-5, 400));
                    }

                    action = () => _world.Update(overridden, user);
                    return "override";
                case < 93:
                    var tierWrite = new Entity(AccountTable.LogicalName, Pick(Accounts)) { [AccountTable.Tier] = new OptionSetValue(ChoiceBase + _random.Next(3)) };
                    action = () => _world.Update(tierWrite, _world.RelationshipManager);
                    return "direct tier write";
                case < 97:
                    var days = _random.Next(1, 75);
                    action = () =>
                    {
                        _world.AdvanceDays(days);
                        _world.RecalculateAll(pageSize: 2);
                    };
                    return "time passes";
                case < 99 when Accounts.Count < 6:
                    action = CreateAccount;
                    return "create account";
            }

            action = () => _world.Service.Create(NewDeal());
            return "create deal";
        }

        private Entity NewDeal()
        {
            var deal = new Entity(OpportunityTable.LogicalName)
            {
                [OpportunityTable.Name] = "Replay deal",
                [OpportunityTable.ParentAccountId] = AccountReference(),
                [OpportunityTable.EstimatedValue] = new Money(_random.Next(1, 300) * 1000m),
                [OpportunityTable.EstimatedCloseDate] = _world.Now.AddDays(_random.Next(-30, 120)).Date,
            };
            ChangeDeal(deal);
            ChangeDeal(deal);
            return deal;
        }

        private void ChangeDeal(Entity deal)
        {
            switch (_random.Next(9))
            {
                case 0:
                    deal[OpportunityTable.DiscountPercentage] = _random.Next(5) == 0 ? null : _random.Next(3) == 0 ? 0m : Math.Round((decimal)_random.NextDouble() * 25m, 2);
                    break;
                case 1:
                    deal[OpportunityTable.SellerMargin] = _random.Next(6) == 0 ? null : Math.Round((decimal)_random.NextDouble() * 90m - 20m, 2);
                    break;
                case 2:
                    deal[OpportunityTable.Commitments] = Choices(6, NoneOffset.Commitments);
                    break;
                case 3:
                    deal[OpportunityTable.Concessions] = Choices(5, NoneOffset.Concessions);
                    break;
                case 4:
                    deal[OpportunityTable.ProcurementTactics] = _random.Next(3) == 0 ? Choices(7, NoneOffset.Tactics) : null;
                    break;
                case 8:
                    deal[OpportunityTable.SellerConduct] = Choices(3, first: 1, noneOffset: 0);
                    break;
                case 5:
                    deal[OpportunityTable.EstimatedValue] = new Money(_random.Next(1, 400) * 1000m);
                    break;
                case 6:
                    deal[OpportunityTable.DeliveredAsPromised] = _random.Next(4) != 0;
                    break;
                default:
                    deal[OpportunityTable.PaymentDelayDays] = _random.Next(0, 60);
                    break;
            }
        }

        /// <summary>Empty (not recorded), "None" alone, now and then "None" with a flag (rejected), or some flags.</summary>
        private OptionSetValueCollection? Choices(int count, int noneOffset, int first = 0)
        {
            var values = new OptionSetValueCollection();
            var roll = _random.Next(20);
            if (roll < 5 || roll == 19)
            {
                values.Add(new OptionSetValue(ChoiceBase + noneOffset));
                if (roll == 19)
                {
                    values.Add(new OptionSetValue(ChoiceBase + first));
                }

                return values;
            }

            for (var i = first; i < first + count; i++)
            {
                if (_random.Next(3) == 0)
                {
                    values.Add(new OptionSetValue(ChoiceBase + i));
                }
            }

            return values.Count == 0 ? null : values;
        }

        private void ChangeInputs(Entity account, List<Entity> contacts)
        {
            switch (_random.Next(4))
            {
                case 0:
                    account[AccountTable.CustomerSponsorId] = contacts.Count == 0 || _random.Next(4) == 0 ? null : new EntityReference(ContactTable.LogicalName, Pick(contacts).Id);
                    break;
                case 1:
                    account[AccountTable.SellerSponsorId] = _random.Next(4) == 0 ? null : new EntityReference(SecurityTables.SystemUser, _world.RelationshipManager);
                    break;
                case 2:
                    account[AccountTable.HasJointAccountPlan] = _random.Next(3) != 0;
                    account[AccountTable.JointPlanReviewedOn] = _world.Now.AddDays(-_random.Next(0, 500)).Date;
                    break;
                default:
                    account[AccountTable.RelationshipSince] = _world.Now.AddMonths(-_random.Next(0, 72)).Date;
                    break;
            }
        }
    }
}
