using System.Linq;
using DataverseRelationship.Engine.Policies;
using DataverseRelationship.Plugins.Schema;
using DataverseRelationship.SolutionModel;
using DataverseRelationship.SolutionPackager.Source;

namespace DataverseRelationship.Solution.Tests.Validation;

public sealed class PolicyVariableTests
{
    private static string DefaultValue()
    {
        var source = SolutionSourceReader.Read(SolutionSourceCopy.RepositorySource);
        var variable = source.EnvironmentVariables.Single(v => v.SchemaName == EnvironmentVariables.PolicySchemaName);
        Assert.Equal(100000003, variable.Type);
        return variable.DefaultValue!;
    }

    [Fact]
    public void The_policy_variable_default_parses_with_the_engine_parser()
    {
        var policy = RelationshipPolicyJson.Parse(DefaultValue());

        Assert.Equal(RelationshipPolicy.Default.Version, policy.Version);
    }

    [Fact]
    public void The_policy_variable_default_is_the_engine_default_policy()
    {
        var policy = RelationshipPolicyJson.Parse(DefaultValue());

        Assert.Equal(RelationshipPolicyJson.Write(RelationshipPolicy.Default), RelationshipPolicyJson.Write(policy));
    }

    [Fact]
    public void The_policy_variable_default_fits_the_default_value_column()
    {
        Assert.InRange(DefaultValue().Length, 1, SolutionValidator.EnvironmentVariableDefaultValueMaxLength);
    }

    [Fact]
    public void A_policy_default_that_is_not_json_is_reported()
    {
        using var copy = SolutionSourceCopy.Create();
        copy.Replace("environmentvariabledefinitions/dvr_RelationshipPolicy/environmentvariabledefinition.xml",
            "<defaultvalue>{", "<defaultvalue>version: {");

        var findings = SolutionValidator.Validate(copy.Root, SolutionSourceCopy.Code);

        Assert.Contains(findings, f => f.Kind == FindingKind.InvalidSetting && f.Message.Contains("is not valid JSON", System.StringComparison.Ordinal));
    }
}
