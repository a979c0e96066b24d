using System;
using DataverseRelationship.LocalDataverse.Tests.Plugins;
using DataverseRelationship.LocalDataverse.Tests.Support;

namespace DataverseRelationship.LocalDataverse.Tests;

public sealed class RegistrationTests : IDisposable
{
    private readonly TestSolution _solution = new();

    public void Dispose() => _solution.Dispose();

    private string LoadFails()
    {
        var error = Assert.Throws<SolutionRegistrationException>(() => _solution.Load());
        return error.Message;
    }

    [Fact]
    public void A_pre_image_on_Create_is_rejected()
    {
        _solution.AddStep(typeof(ContextProbe), "Create", "account", 20, images: [new TestImage("PreImage", 0, "name", "id")]);

        Assert.Contains("pre-image on Create", LoadFails(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_post_image_before_PostOperation_is_rejected()
    {
        _solution.AddStep(typeof(ContextProbe), "Update", "account", 20, images: [new TestImage("PostImage", 1, "name", "Target")]);

        Assert.Contains("post-image at stage 20", LoadFails(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_image_column_the_table_does_not_have_is_rejected()
    {
        _solution.AddStep(typeof(ContextProbe), "Update", "account", 40, images: [new TestImage("PreImage", 0, "name,dvr_nosuch", "Target")]);

        Assert.Contains("dvr_nosuch", LoadFails(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_stage_is_rejected()
    {
        _solution.AddStep(typeof(ContextProbe), "Create", "account", 30);

        Assert.Contains("unknown stage '30'", LoadFails(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_table_is_rejected()
    {
        _solution.AddStep(typeof(ContextProbe), "Create", "dvr_nosuchtable", 20);

        Assert.Contains("unknown table 'dvr_nosuchtable'", LoadFails(), StringComparison.Ordinal);
    }

    [Fact]
    public void Filtering_attributes_on_a_message_other_than_Update_are_rejected()
    {
        _solution.AddStep(typeof(ContextProbe), "Create", "account", 20, filtering: "name");

        Assert.Contains("filtering attributes apply to Update only", LoadFails(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_asynchronous_step_outside_PostOperation_is_rejected()
    {
        _solution.AddStep(typeof(ContextProbe), "Create", "account", 20, mode: 1);

        Assert.Contains("asynchronous", LoadFails(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_plugin_type_missing_from_the_given_assemblies_is_rejected()
    {
        _solution.AddRawStep("""
            <SdkMessageProcessingStep Name="Missing.Plugin: Create of account" SdkMessageProcessingStepId="{6f1d2a55-0000-4000-8000-000000000001}">
              <SdkMessageId>{9ebdbb1b-ea3e-db11-86a7-000a3a5473e8}</SdkMessageId>
              <PluginTypeName>Missing.Plugin, Missing.Assembly, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null</PluginTypeName>
              <PrimaryEntity>account</PrimaryEntity>
              <Mode>0</Mode><Rank>1</Rank><Stage>20</Stage>
            </SdkMessageProcessingStep>
            """);

        Assert.Contains("plugin type 'Missing.Plugin, Missing.Assembly", LoadFails(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_step_whose_plugin_type_id_is_not_declared_by_the_assembly_is_rejected()
    {
        _solution.AddStep(typeof(ContextProbe), "Create", "account", 20);
        _solution.AddRawStep($$"""
            <SdkMessageProcessingStep Name="Probe: Create of account" SdkMessageProcessingStepId="{6f1d2a55-0000-4000-8000-000000000002}">
              <SdkMessageId>{9ebdbb1b-ea3e-db11-86a7-000a3a5473e8}</SdkMessageId>
              <PluginTypeName>{{typeof(ContextProbe).AssemblyQualifiedName}}</PluginTypeName>
              <PluginTypeId>{6f1d2a55-0000-4000-8000-0000000000ff}</PluginTypeId>
              <PrimaryEntity>account</PrimaryEntity>
              <Mode>0</Mode><Rank>1</Rank><Stage>20</Stage>
            </SdkMessageProcessingStep>
            """);

        Assert.Contains("which no PluginAssemblies/*.data.xml declares", LoadFails(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_message_comes_from_the_step_name_when_the_message_id_is_not_a_known_platform_id()
    {
        _solution.AddStep(typeof(ContextProbe), "Lose", "opportunity", 40);

        var dataverse = _solution.Load();

        Assert.Equal("Lose", Assert.Single(dataverse.Steps).Message);
    }

    [Fact]
    public void A_message_the_local_Dataverse_does_not_run_is_rejected()
    {
        _solution.AddStep(typeof(ContextProbe), "Merge", "account", 20);

        Assert.Contains("message 'Merge'", LoadFails(), StringComparison.Ordinal);
    }
}
