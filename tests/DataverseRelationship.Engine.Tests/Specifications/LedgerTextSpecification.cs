using System;
using DataverseRelationship.Engine.Model;
using DataverseRelationship.Engine.Policies;
using DataverseRelationship.Engine.Scoring;
using Xunit;

namespace DataverseRelationship.Engine.Tests.Specifications
{
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
        public void A_missing_or_damaged_ledger_is_not_read_and_says_why(string? text, string expected)
        {
            var fingerprint = PolicyFingerprint.Of(Policy);
            var read = LedgerText.Read(text?.Replace("{FP}", LedgerText.Format + " policy=" + fingerprint, StringComparison.Ordinal), fingerprint, out var reason);

            Assert.Null(read);
            Assert.Equal(expected, reason);
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
}
