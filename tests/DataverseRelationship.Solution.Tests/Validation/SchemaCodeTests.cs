using System;
using System.IO;
using DataverseRelationship.SolutionModel;
using DataverseRelationship.SolutionPackager.Source;

namespace DataverseRelationship.Solution.Tests.Validation;

/// <summary>The plugin code's column names are generated from the solution and checked against it.</summary>
public sealed class SchemaCodeTests
{
    private static string RepositoryRoot => Path.GetFullPath(Path.Combine(SolutionSourceCopy.RepositorySource, "..", ".."));

    [Fact]
    public void The_generated_column_names_are_what_the_solution_defines_today()
    {
        var generated = SchemaCode.Generate(SolutionSourceReader.Read(SolutionSourceCopy.RepositorySource));
        var committed = File.ReadAllText(Path.Combine(RepositoryRoot, SchemaCode.RelativePath)).Replace("\r\n", "\n", StringComparison.Ordinal);

        Assert.True(generated == committed,
            $"{SchemaCode.RelativePath} is stale: run `dotnet run --project src/DataverseRelationship.SolutionPackager -- generate-schema "
            + $"--source solution/src --out {SchemaCode.RelativePath}` and commit the result.");
    }

    [Fact]
    public void The_generated_choice_labels_are_what_the_solution_defines_today()
    {
        var generated = SchemaCode.GenerateLabels(SolutionSourceReader.Read(SolutionSourceCopy.RepositorySource));
        var committed = File.ReadAllText(Path.Combine(RepositoryRoot, SchemaCode.LabelsRelativePath)).Replace("\r\n", "\n", StringComparison.Ordinal);

        Assert.True(generated == committed, $"{SchemaCode.LabelsRelativePath} is stale: run generate-schema (see SolutionColumns.g.cs) and commit the result.");
        Assert.Equal("Multi-year term", DataverseRelationship.Plugins.Schema.SolutionChoiceLabels.Of("dvr_commitment", (int)DataverseRelationship.Plugins.Schema.CommitmentChoice.MultiYearTerm));
    }

    [Fact]
    public void A_range_changed_in_the_solution_after_generation_is_reported_naming_the_file_and_element()
    {
        using var copy = SolutionSourceCopy.Create();
        const string file = "Entities/Account/Entity.xml";
        var text = copy.Read(file);
        var column = text.IndexOf("<attribute PhysicalName=\"dvr_HealthScore\">", StringComparison.Ordinal);
        var max = text.IndexOf("<MaxValue>100</MaxValue>", column, StringComparison.Ordinal);
        copy.Write(file, string.Concat(text.AsSpan(0, max), "<MaxValue>1000</MaxValue>", text.AsSpan(max + "<MaxValue>100</MaxValue>".Length)));

        var findings = SolutionValidator.Validate(copy.Root, SolutionSourceCopy.Code);

        var finding = Assert.Single(findings, f => f.Kind == FindingKind.ColumnTypeMismatch);
        Assert.Equal(file, finding.File);
        Assert.Contains("AccountTable.HealthScore (account.dvr_healthscore): the code says range 0..100, the solution's <MinValue>..<MaxValue> is 0..1000", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_choice_renamed_in_the_solution_after_generation_is_reported()
    {
        using var copy = SolutionSourceCopy.Create();
        copy.Replace("Entities/Account/Entity.xml", "<OptionSetName>dvr_healthtrend</OptionSetName>", "<OptionSetName>dvr_healthband</OptionSetName>");

        var findings = SolutionValidator.Validate(copy.Root, SolutionSourceCopy.Code);

        Assert.Contains(findings, f => f.Kind == FindingKind.ColumnTypeMismatch && f.File == "Entities/Account/Entity.xml"
            && f.Message.Contains("AccountTable.HealthTrend (account.dvr_healthtrend): the code says choice dvr_healthtrend, the solution uses dvr_healthband", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_generated_constant_names_a_column_of_the_whole_schema_with_the_type_it_declares()
    {
        var source = SolutionSourceReader.Read(SolutionSourceCopy.RepositorySource);
        var schema = SolutionSchema.Of(source);
        var checkedColumns = 0;
        foreach (var expected in SolutionSourceCopy.Code.Columns)
        {
            if (expected.Type is null)
            {
                continue;
            }

            var column = schema.FindColumn(expected.Table, expected.LogicalName);
            Assert.True(column is not null, $"{expected.Member} names {expected.Table}.{expected.LogicalName}, which the schema lacks.");
            Assert.Equal(expected.Type, column!.Type);
            checkedColumns++;
        }

        Assert.True(checkedColumns >= 80, $"only {checkedColumns} constants carry [SolutionColumn]");
    }

    [Fact]
    public void A_custom_table_without_a_system_column_or_with_one_named_in_lower_case_is_reported()
    {
        using var copy = SolutionSourceCopy.Create();
        const string file = "Entities/dvr_TierChange/Entity.xml";
        copy.Replace(file, "<attribute PhysicalName=\"ModifiedOn\">", "<attribute PhysicalName=\"modifiedon\">");
        var text = copy.Read(file);
        var start = text.IndexOf("        <attribute PhysicalName=\"OwningTeam\">", StringComparison.Ordinal);
        var end = text.IndexOf("</attribute>", start, StringComparison.Ordinal) + "</attribute>".Length;
        copy.Write(file, text.Remove(start, end - start));

        var findings = SolutionValidator.Validate(copy.Root, code: null);

        Assert.Contains(findings, f => f.Kind == FindingKind.MissingColumn && f.File == file
            && f.Message.Contains("new table dvr_tierchange lacks the system column OwningTeam", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Kind == FindingKind.MalformedFile && f.File == file
            && f.Message.Contains("PhysicalName=\"modifiedon\"> should be PhysicalName=\"ModifiedOn\"", StringComparison.Ordinal));
    }
}
