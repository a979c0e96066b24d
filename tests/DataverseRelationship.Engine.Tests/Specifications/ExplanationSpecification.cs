using System.Linq;
using DataverseRelationship.Engine.Explanations;
using DataverseRelationship.Engine.Model;
using static DataverseRelationship.Engine.Tests.Scenario;

namespace DataverseRelationship.Engine.Tests.Specifications
{
    /// <summary>domain.md: every score and verdict is explained; a change between two results can be explained.</summary>
    public class ExplanationSpecification
    {
        [Fact]
        public void Every_score_carries_its_factors_and_they_add_up_to_the_score()
        {
            var deals = StrongHistory(4);
            deals.Add(Won(3) with { Concessions = Concessions.Discount, Tactics = ProcurementTactics.ReverseAuction, PaymentDelayDays = 40 });
            deals.Add(Lost(2));

            var result = Assess(Account(), deals);

            foreach (var score in result.Scores.Where(s => s.Score != ScoreKind.Health))
            {
                var explained = score.Baseline + score.Factors.Sum(f => f.Contribution);
                Assert.InRange(score.Value - explained, -0.05m, 0.05m);
            }
        }

        [Fact]
        public void The_text_names_the_factors_that_moved_the_score_most()
        {
            var result = Assess(Won(1) with { Concessions = Concessions.Discount }, Won(2) with { Concessions = Concessions.FreeServices });

            var reciprocity = result.ExplanationOf(ScoreKind.Reciprocity);

            Assert.Equal("-32: 2 deals with unreciprocated concessions", reciprocity.Text);
        }

        [Fact]
        public void The_account_explanation_names_health_band_trend_and_tier()
        {
            var result = Assess(Won(1) with { Concessions = Concessions.Discount });

            Assert.StartsWith("Health ", result.Explanation, System.StringComparison.Ordinal);
            Assert.Contains("unreciprocated concessions", result.Explanation, System.StringComparison.Ordinal);
            Assert.Contains("Tier: ", result.Explanation, System.StringComparison.Ordinal);
        }

        [Fact]
        public void A_change_between_two_results_is_explained_by_the_factors_that_moved()
        {
            var before = Assess(Account(), StrongHistory(3));
            var deals = StrongHistory(3);
            deals.Add(Won(0.2) with { Concessions = Concessions.Discount });
            deals.Add(Won(0.3) with { Concessions = Concessions.Discount });
            var after = Assess(Account(), deals);

            var changes = AssessmentComparison.Compare(before, after);

            var reciprocity = Assert.Single(changes, c => c.Score == ScoreKind.Reciprocity);
            Assert.True(reciprocity.Delta < 0m);
            Assert.Equal(ReasonCodes.UnreciprocatedConcessions, reciprocity.FactorChanges.OrderBy(f => f.Contribution).First().Code);
            Assert.Contains("2 deals with unreciprocated concessions (new)", reciprocity.Text, System.StringComparison.Ordinal);
            Assert.StartsWith("reciprocity -", reciprocity.Text, System.StringComparison.Ordinal);
        }

        [Fact]
        public void Unchanged_inputs_explain_no_change()
        {
            var deals = StrongHistory(3);

            Assert.Empty(AssessmentComparison.Compare(Assess(Account(), deals), Assess(Account(), deals)));
        }

        [Fact]
        public void The_policy_version_travels_with_the_account_result()
        {
            var policy = Policy with { Version = "2026.11-test" };

            Assert.Equal("2026.11-test", Assess(Account(), StrongHistory(1), policy).PolicyVersion);
        }
    }
}
