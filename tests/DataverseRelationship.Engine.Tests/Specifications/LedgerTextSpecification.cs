using System;
using System.Linq;
using DataverseRelationship.Engine.Model;
using DataverseRelationship.Engine.Policies;
using DataverseRelationship.Engine.Scoring;

namespace DataverseRelationship.Engine.Tests.Specifications;

/// <summary>The stored form of an account ledger: exact, stamped with its policy, never misread.</summary>
public class LedgerTextSpecification
{
    private static readonly RelationshipPolicy Policy = RelationshipPolicy.Default;

    private static AccountLedger TwoDeals() => AccountLedger.Of(
        new OpportunityFacts?[]
        {
            new OpportunityFacts { Id = Guid.NewGuid(), State = DealState.Won, CreatedOn = new DateTime(2025, 1, 10), CloseDate = new DateTime(2025, 3, 4), ActualValue = 120000m, SellerMarginPercent = 22.5m, DiscountPercent = 4m },
            new OpportunityFacts { Id = Guid.NewGuid(), State = DealState.Open, CreatedOn = new DateTime(2025, 11, 2), EstimatedValue = 40000.125m },
        },
        Policy);

    [Fact]
    public void A_ledger_is_written_as_its_policy_fingerprint_and_one_line_per_month()
    {
        var text = LedgerText.Write(TwoDeals(), PolicyFingerprint.Of(Policy));

        var lines = text.Split('\n');
        Assert.Equal(LedgerText.Format + " policy=" + PolicyFingerprint.Of(Policy), lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("2025-03 0:1 1:1 3:120000", lines[1], StringComparison.Ordinal);
        // The open deal records no exchange, discount, conduct or margin: one deal (0) and four "missing" counts.
        Assert.Equal("2025-11 0:1 12:1 13:1 25:1 49:1", lines[2]);
    }

    [Fact]
    public void A_ledger_made_under_another_policy_is_not_reused()
    {
        var other = Policy with { Fairness = Policy.Fairness with { MarginFloorPercent = Policy.Fairness.MarginFloorPercent + 1m } };
        Assert.NotEqual(PolicyFingerprint.Of(Policy), PolicyFingerprint.Of(other));

        var read = LedgerText.Read(LedgerText.Write(TwoDeals(), PolicyFingerprint.Of(Policy)), PolicyFingerprint.Of(other), out var reason);

        Assert.Null(read);
        Assert.Equal("the stored ledger was made under another policy", reason);
    }

    [Theory]
    [InlineData(null, "the account has no ledger yet")]
    [InlineData("", "the account has no ledger yet")]
    [InlineData("dvr-ledger/0 policy=x", "the stored ledger is not in the format dvr-ledger/1")]
    [InlineData("{FP}\n2025-13 0:1", "line 2 of the stored ledger cannot be read")]
    [InlineData("{FP}\n2025-03 0:1 64:2", "line 2 of the stored ledger cannot be read")]
    [InlineData("{FP}\n2025-03 0:one", "line 2 of the stored ledger cannot be read")]
    [InlineData("{FP}\n2025-03", "line 2 of the stored ledger cannot be read")]
    [InlineData("{FP}\n2025-03 0:1.", "line 2 of the stored ledger cannot be read")]
    [InlineData("{FP}\n2025-03 0:1.2.3", "line 2 of the stored ledger cannot be read")]
    [InlineData("{FP}\n2025-03 0:-", "line 2 of the stored ledger cannot be read")]
    [InlineData("{FP}\n2025-03 0:0", "line 2 of the stored ledger cannot be read")]
    [InlineData("{FP}\n2025-03  0:1", "line 2 of the stored ledger cannot be read")]
    [InlineData("{FP}\n2025-03 0:1 ", "line 2 of the stored ledger cannot be read")]
    [InlineData("{FP}\n2025-03 :1", "line 2 of the stored ledger cannot be read")]
    [InlineData("{FP}\n2025-03 0:1\n", "line 3 of the stored ledger cannot be read")]
    [InlineData("{FP}\n2025-03 0:1\n2025-03 1:1", "line 3 of the stored ledger cannot be read")]
    [InlineData("{FP}\n2025-04 0:1\n2025-03 0:1", "line 3 of the stored ledger cannot be read")]
    [InlineData("{FP}\n2025-03 0:1 0:2", "line 2 of the stored ledger cannot be read")]
    public void A_missing_or_damaged_ledger_is_not_read_and_says_why(string? text, string expected)
    {
        var fingerprint = PolicyFingerprint.Of(Policy);
        var read = LedgerText.Read(text?.Replace("{FP}", LedgerText.Format + " policy=" + fingerprint, StringComparison.Ordinal), fingerprint, out var reason);

        Assert.Null(read);
        Assert.Equal(expected, reason);
    }

    [Theory]
    [InlineData("1.5", "1.5")]
    [InlineData("-0.25", "-0.25")]
    [InlineData("120000", "120000")]
    [InlineData("0.000001", "0.000001")]
    [InlineData("-8999999999999.999999", "-8999999999999.999999")]
    [InlineData("9000000000000.5", "9000000000000.5")]
    [InlineData("12345678901234567890.123456", "12345678901234567890.123456")]
    public void Sums_are_written_without_trailing_zeros_and_read_back_exactly(string stored, string written)
    {
        var fingerprint = PolicyFingerprint.Of(Policy);
        var header = LedgerText.Format + " policy=" + fingerprint;
        var read = LedgerText.Read(header + "\n2025-03 3:" + stored + " 4:2", fingerprint, out var reason);

        Assert.True(read is not null, reason);
        Assert.Equal(header + "\n2025-03 3:" + written + " 4:2", LedgerText.Write(read!, fingerprint));
    }

    [Fact]
    public void Rewriting_only_the_months_a_save_changed_gives_the_text_a_full_write_gives()
    {
        var fingerprint = PolicyFingerprint.Of(Policy);
        var random = new Random(7);
        for (var round = 0; round < 200; round++)
        {
            var ledger = new AccountLedger { RebuiltOn = round % 2 == 0 ? new DateTime(2025, 6, 1) : null };
            var deals = new System.Collections.Generic.List<OpportunityFacts>();
            for (var i = random.Next(0, 12); i > 0; i--)
            {
                deals.Add(RandomDeal(random));
                ledger.Add(deals[^1], Policy);
            }

            var previous = LedgerText.Write(ledger, fingerprint);
            var read = LedgerText.Read(previous, fingerprint, out var reason);
            Assert.True(read is not null, reason);

            // A save: take a deal out, put a changed one in (another month too), or both.
            var difference = new AccountLedger();
            if (deals.Count > 0 && random.Next(2) == 0)
            {
                difference.Remove(deals[random.Next(deals.Count)], Policy);
            }

            if (random.Next(3) > 0)
            {
                difference.Add(RandomDeal(random), Policy);
            }

            // The same ledger with every month as full sums: the months read and kept as read must score alike.
            var full = new AccountLedger();
            full.Add(LedgerText.Read(previous, fingerprint, out _)!, 1m);
            full.Add(difference, 1m);

            read!.Add(difference, 1m);
            var account = new AccountFacts { CreatedOn = new DateTime(2023, 1, 1), KeyContactCount = 2 };
            var asOf = new DateTime(2026, 2, 1).AddDays(random.Next(0, 90));
            var fromRead = RelationshipEngine.AssessAccount(account, read, asOf, Policy);
            var fromFull = RelationshipEngine.AssessAccount(account, full, asOf, Policy);
            Assert.Equal(fromFull.Explanation, fromRead.Explanation);
            Assert.Equal(fromFull.Scores.Select(score => score.Text), fromRead.Scores.Select(score => score.Text));
            Assert.Equal(full.MonthCount, read.MonthCount);

            var rewritten = LedgerText.Rewrite(previous, read, difference, fingerprint);
            Assert.Equal(LedgerText.Write(read, fingerprint), rewritten);
            Assert.True(full.SameAs(read));
        }
    }

    private static OpportunityFacts RandomDeal(Random random)
    {
        var created = new DateTime(2024, 1, 1).AddDays(random.Next(0, 700));
        var outcome = random.Next(4);
        var won = outcome == 0;
        return new OpportunityFacts
        {
            Id = Guid.NewGuid(),
            State = won ? DealState.Won : outcome == 1 ? DealState.Lost : DealState.Open,
            CreatedOn = created,
            CloseDate = outcome <= 1 ? created.AddDays(random.Next(1, 90)) : null,
            ActualValue = won ? random.Next(1, 500000) + 0.25m : null,
            EstimatedValue = random.Next(1, 500000),
            DiscountPercent = random.Next(0, 30),
            SellerMarginPercent = random.Next(0, 2) == 0 ? null : random.Next(5, 45),
        };
    }

    [Fact]
    public void An_empty_ledger_is_its_header_alone()
    {
        var fingerprint = PolicyFingerprint.Of(Policy);
        var text = LedgerText.Write(new AccountLedger(), fingerprint);

        Assert.Equal(LedgerText.Format + " policy=" + fingerprint, text);
        Assert.True(LedgerText.Read(text, fingerprint, out _)!.IsEmpty);
    }
}
