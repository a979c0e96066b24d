using DataverseRelationship.Cli.DataSets.Csv;
using DataverseRelationship.Cli.Reporting;
using DataverseRelationship.Plugins.Schema;

namespace DataverseRelationship.Cli.Tests.DataSets;

/// <summary>dvrel says what the form says: choice labels come from the solution's option sets, not from member names.</summary>
public sealed class ChoiceLabelTests
{
    [Fact]
    public void Reports_use_the_labels_the_solution_gives_its_choices()
    {
        Assert.Equal("Multi-year term", ReportText.Label<CommitmentChoice>(CommitmentChoice.MultiYearTerm));
        Assert.Equal("Over-promised", ReportText.Label<SellerConductChoice>(SellerConductChoice.OverPromised));
        Assert.Equal("Discount demanded after award", ReportText.Label<ProcurementTacticChoice>(ProcurementTacticChoice.DiscountDemandedAfterAward));
        Assert.Equal("Strategic partner", ReportText.Tier(RelationshipTierChoice.StrategicPartner));
        Assert.Equal("Insufficient evidence", ReportText.Band(HealthBandChoice.InsufficientEvidence));
    }

    [Fact]
    public void A_standard_choice_the_solution_does_not_define_reads_as_its_words()
    {
        Assert.Equal("Decision Maker", ChoiceLabels.Label(ContactRole.DecisionMaker));
    }

    [Theory]
    [InlineData("Multi-year term")]
    [InlineData("multi year term")]
    [InlineData("MultiYearTerm")]
    public void A_data_set_may_write_a_choice_as_the_form_labels_it_or_loosely(string text)
    {
        var value = ChoiceLabels.Commitments.Parse(text, out var error);

        Assert.Null(error);
        Assert.Equal((int)CommitmentChoice.MultiYearTerm, value);
    }
}
