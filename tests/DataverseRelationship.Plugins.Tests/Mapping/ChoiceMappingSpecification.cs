using System;
using System.Linq;
using CsCheck;
using DataverseRelationship.Engine.Model;
using DataverseRelationship.Plugins.Mapping;
using DataverseRelationship.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.Plugins.Tests.Mapping;

/// <summary>Choice values and the engine's enumerations map both ways without loss; unknown values are named.</summary>
public class ChoiceMappingSpecification
{
    [Fact]
    public void Any_set_of_procurement_tactics_maps_to_the_engine_flags_and_back_unchanged()
    {
        var choices = Enum.GetValues<ProcurementTacticChoice>().Where(c => c != ProcurementTacticChoice.None).Select(c => (int)c).ToArray();
        Gen.Int[1, (1 << choices.Length) - 1].Sample(mask =>
        {
            var selected = choices.Where((_, i) => (mask & (1 << i)) != 0).ToArray();
            var flags = ChoiceMapping.ToTactics(selected, OpportunityTable.ProcurementTactics);
            var back = ChoiceMapping.ToChoices(flags)?.Select(o => o.Value).ToArray() ?? Array.Empty<int>();
            Assert.Equal(selected.Order(), back.Order());
            Assert.Equal(mask, (int?)flags);
        });
    }

    [Fact]
    public void Any_set_of_seller_conduct_maps_to_the_engine_flags_and_back_unchanged()
    {
        var choices = Enum.GetValues<SellerConductChoice>().Where(c => c != SellerConductChoice.None).Select(c => (int)c).ToArray();
        for (var mask = 1; mask < 1 << choices.Length; mask++)
        {
            var selected = choices.Where((_, i) => (mask & (1 << i)) != 0).ToArray();
            var flags = ChoiceMapping.ToSellerConduct(selected, OpportunityTable.SellerConduct);
            Assert.Equal(mask, (int?)flags);
            Assert.Equal(selected.Order(), ChoiceMapping.ToChoices(flags)!.Select(o => o.Value).Order());
        }
    }

    [Fact]
    public void An_empty_multi_select_is_not_recorded_and_None_is_recorded_clean_conduct()
    {
        Assert.Null(ChoiceMapping.ToConcessions(Array.Empty<int>(), OpportunityTable.Concessions));
        Assert.Null(ChoiceMapping.ToCommitments(Array.Empty<int>(), OpportunityTable.Commitments));
        Assert.Null(ChoiceMapping.ToTactics(Array.Empty<int>(), OpportunityTable.ProcurementTactics));
        Assert.Null(ChoiceMapping.ToSellerConduct(Array.Empty<int>(), OpportunityTable.SellerConduct));

        Assert.Equal(Concessions.None, ChoiceMapping.ToConcessions(new[] { (int)ConcessionChoice.None }, OpportunityTable.Concessions));
        Assert.Equal(Commitments.None, ChoiceMapping.ToCommitments(new[] { (int)CommitmentChoice.None }, OpportunityTable.Commitments));
        Assert.Equal(ProcurementTactics.None, ChoiceMapping.ToTactics(new[] { (int)ProcurementTacticChoice.None }, OpportunityTable.ProcurementTactics));
        Assert.Equal(SellerConduct.None, ChoiceMapping.ToSellerConduct(new[] { (int)SellerConductChoice.None }, OpportunityTable.SellerConduct));

        Assert.Null(ChoiceMapping.ToChoices((ProcurementTactics?)null));
        Assert.Equal(new[] { (int)ProcurementTacticChoice.None }, ChoiceMapping.ToChoices(ProcurementTactics.None)!.Select(o => o.Value));
        Assert.Equal(new[] { (int)SellerConductChoice.None }, ChoiceMapping.ToChoices(SellerConduct.None)!.Select(o => o.Value));
    }

    [Fact]
    public void None_together_with_another_value_is_rejected_naming_the_column()
    {
        var rejection = Assert.Throws<InvalidPluginExecutionException>(() =>
            ChoiceMapping.ToConcessions(new[] { (int)ConcessionChoice.None, (int)ConcessionChoice.Discount }, OpportunityTable.Concessions));

        Assert.Contains(OpportunityTable.Concessions, rejection.Message, StringComparison.Ordinal);
        Assert.Contains("None", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_health_band_and_tier_rule_verdict_that_is_stored_has_a_choice_of_the_same_name()
    {
        foreach (var band in Enum.GetValues<HealthBand>())
        {
            Assert.Equal(band.ToString(), ((HealthBandChoice)ChoiceMapping.ToChoice(band).Value).ToString());
        }

        foreach (var verdict in Enum.GetValues<TierRuleVerdict>().Where(v => v != TierRuleVerdict.Blocked))
        {
            Assert.Equal(verdict.ToString(), ((TierRuleVerdictChoice)ChoiceMapping.ToChoice(verdict).Value).ToString());
        }

        Assert.Null(ChoiceMapping.ToChoice((HealthTrend?)null));
    }

    [Fact]
    public void Concession_and_commitment_choices_map_to_the_flags_of_the_same_name()
    {
        foreach (var choice in Enum.GetValues<ConcessionChoice>())
        {
            Assert.Equal(choice.ToString(), ChoiceMapping.ToConcessions(new[] { (int)choice }, OpportunityTable.Concessions).ToString());
        }

        foreach (var choice in Enum.GetValues<CommitmentChoice>())
        {
            Assert.Equal(choice.ToString(), ChoiceMapping.ToCommitments(new[] { (int)choice }, OpportunityTable.Commitments).ToString());
        }
    }

    [Fact]
    public void Every_tier_maps_to_its_choice_and_back()
    {
        foreach (var tier in Enum.GetValues<RelationshipTier>())
        {
            var choice = ChoiceMapping.ToChoice(tier);
            Assert.Equal(tier.ToString(), ((RelationshipTierChoice)choice.Value).ToString());
            Assert.Equal(tier, ChoiceMapping.ToTier(choice.Value, AccountTable.Tier));
        }
    }

    [Fact]
    public void The_engine_names_every_tier_as_the_solution_labels_it()
    {
        foreach (var tier in Enum.GetValues<RelationshipTier>())
        {
            Assert.Equal(SolutionChoiceLabels.Of("dvr_relationshiptier", ChoiceMapping.ToChoice(tier).Value), TierNames.Describe(tier));
        }
    }

    [Fact]
    public void An_unknown_choice_value_is_rejected_naming_the_column_and_the_value()
    {
        var rejection = Assert.Throws<InvalidPluginExecutionException>(() => ChoiceMapping.ToCommitments(new[] { 418700099 }, OpportunityTable.Commitments));

        Assert.Contains(OpportunityTable.Commitments, rejection.Message, StringComparison.Ordinal);
        Assert.Contains("418700099", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_longer_than_the_column_is_cut_to_its_maximum_length()
    {
        Gen.String[0, 200].Sample(text =>
        {
            var stored = StoredValues.Text(text, 50)!;
            Assert.True(stored.Length <= 50);
            Assert.Equal(text.Length <= 50, stored == text);
        });
    }
}
