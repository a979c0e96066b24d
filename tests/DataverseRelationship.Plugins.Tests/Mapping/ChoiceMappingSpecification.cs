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
        var choices = Enum.GetValues<ProcurementTacticChoice>().Select(c => (int)c).ToArray();
        Gen.Int[0, (1 << choices.Length) - 1].Sample(mask =>
        {
            var selected = choices.Where((_, i) => (mask & (1 << i)) != 0).ToArray();
            var flags = ChoiceMapping.ToTactics(selected, OpportunityTable.ProcurementTactics);
            var back = ChoiceMapping.ToChoices(flags)?.Select(o => o.Value).ToArray() ?? Array.Empty<int>();
            Assert.Equal(selected.Order(), back.Order());
            Assert.Equal(mask, (int)flags);
        });
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
