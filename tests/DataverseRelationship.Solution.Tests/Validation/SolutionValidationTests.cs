using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using DataverseRelationship.SolutionModel;
using DataverseRelationship.SolutionPackager.Source;

namespace DataverseRelationship.Solution.Tests.Validation;

public sealed class SolutionValidationTests
{
    private static IReadOnlyList<ValidationFinding> Validate(SolutionSourceCopy copy, CodeExpectations? code = null) =>
        SolutionValidator.Validate(copy.Root, code ?? SolutionSourceCopy.Code);

    private static void AssertFinding(IReadOnlyList<ValidationFinding> findings, FindingKind kind, string fragment) =>
        Assert.True(findings.Any(f => f.Kind == kind && f.Message.Contains(fragment, StringComparison.Ordinal)),
            $"Expected a {kind} finding mentioning '{fragment}'; found:\n{string.Join("\n", findings)}");

    private static string ElementValue(string text, string element) =>
        Regex.Match(text, $"<{element}>\\{{?([0-9a-fA-F-]{{36}})\\}}?</{element}>").Groups[1].Value;

    [Fact]
    public void The_solution_source_agrees_with_itself()
    {
        var findings = SolutionValidator.Validate(SolutionSourceCopy.RepositorySource, code: null);

        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    [Fact]
    public void The_solution_source_agrees_with_the_plugin_code()
    {
        var findings = SolutionValidator.Validate(SolutionSourceCopy.RepositorySource, SolutionSourceCopy.Code);

        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    [Fact]
    public void The_reader_sees_every_registration_the_architecture_lists()
    {
        var source = SolutionSourceReader.Read(SolutionSourceCopy.RepositorySource);

        Assert.Equal(19, source.Steps.Count);
        Assert.Equal(11, source.PluginAssemblies.Single().PluginTypes.Count);
        var guards = source.Steps.Where(s => s.Name.Contains("ComputedColumns", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, guards.Count);
        Assert.All(guards, g => Assert.Equal(10, g.Stage));
        Assert.Equal(["dvr_RecalculateAccount", "dvr_RecalculateAccounts"], source.CustomApis.Select(a => a.UniqueName).Order(StringComparer.Ordinal));
        var win = source.Steps.Where(s => s.MessageName == "Win").OrderBy(s => s.Stage).ToList();
        Assert.All(win, w => Assert.Equal("opportunity", w.PrimaryEntity));
        Assert.Equal([20, 40], win.Select(w => w.Stage));
        Assert.Contains("CaptureDealBeforeClose", win[0].Name, StringComparison.Ordinal);
        var assess = source.Steps.Single(s => s.Name == "DataverseRelationship.Plugins.Opportunities.AssessDealOnSave: Update of opportunity");
        Assert.Contains("statecode", assess.Images.Single().Attributes);
        Assert.Equal("Target", assess.Images.Single().MessagePropertyName);
        Assert.Equal("decimal", source.FindTable("opportunity")!.FindColumn("dvr_sellermargin")!.Type);
        Assert.Equal(2, source.Flows.Count);
    }

    [Fact]
    public void Computed_columns_are_read_only_on_the_forms_and_inputs_are_editable()
    {
        var source = SolutionSourceReader.Read(SolutionSourceCopy.RepositorySource);
        var account = source.Forms.Single(f => f.Table == "account").Fields.ToDictionary(f => f.Column, f => f.Disabled);

        Assert.True(account["dvr_healthscore"]);
        Assert.True(account["dvr_tier"]);
        Assert.True(account["dvr_tieroverridesetby"]);
        Assert.False(account["dvr_tieroverride"]);
        Assert.False(account["dvr_relationshipsince"]);
    }

    [Fact]
    public void Malformed_xml_is_reported_with_its_file()
    {
        using var copy = SolutionSourceCopy.Create();
        copy.Write("OptionSets/dvr_healthband.xml", "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<optionset Name=\"dvr_healthband\">\n  <options>\n");

        var findings = Validate(copy);

        Assert.Contains(findings, f => f.Kind == FindingKind.MalformedFile && f.File == "OptionSets/dvr_healthband.xml");
    }

    [Fact]
    public void A_source_folder_without_a_manifest_is_reported()
    {
        using var copy = SolutionSourceCopy.Create();
        File.Delete(Path.Combine(copy.Root, "Other", "Solution.xml"));

        var findings = Validate(copy);

        Assert.Contains(findings, f => f.Kind == FindingKind.MalformedFile && f.Message.Contains("Other/Solution.xml is missing", StringComparison.Ordinal));
    }

    [Fact]
    public void Malformed_flow_json_is_reported()
    {
        using var copy = SolutionSourceCopy.Create();
        var flow = copy.FileContaining("Workflows", "dvr_RecalculateAccounts", "*.json");
        copy.Write(flow, copy.Read(flow)[..40]);

        var findings = Validate(copy);

        Assert.Contains(findings, f => f.Kind == FindingKind.MalformedFile && f.File == flow.Replace('\\', '/'));
    }

    [Fact]
    public void Two_components_with_one_guid_are_reported()
    {
        using var copy = SolutionSourceCopy.Create();
        var form = copy.FileContaining("Entities", "<LocalizedName description=\"Account relationship\"");
        var view = copy.FileContaining("Entities", "<LocalizedName description=\"Tier changes\"");
        var formId = ElementValue(copy.Read(form), "formid");
        copy.Replace(view, ElementValue(copy.Read(view), "savedqueryid"), formId);

        var findings = Validate(copy);

        AssertFinding(findings, FindingKind.DuplicateId, formId);
    }

    [Fact]
    public void A_choice_value_outside_the_option_value_prefix_is_reported()
    {
        using var copy = SolutionSourceCopy.Create();
        copy.Replace("OptionSets/dvr_healthtrend.xml", "value=\"418700002\"", "value=\"100000002\"");

        var findings = Validate(copy);

        AssertFinding(findings, FindingKind.InvalidChoice, "dvr_healthtrend value 100000002");
        AssertFinding(findings, FindingKind.InvalidChoice, "lacks value 418700002 that enum HealthTrendChoice has");
    }

    [Fact]
    public void A_custom_api_without_an_execute_privilege_is_reported()
    {
        using var copy = SolutionSourceCopy.Create();
        copy.Replace("customapis/dvr_RecalculateAccounts/customapi.xml", "<executeprivilegename>prvWritedvr_scoresnapshot</executeprivilegename>", "<executeprivilegename />");

        var findings = Validate(copy);

        AssertFinding(findings, FindingKind.InvalidCustomApi, "custom API dvr_RecalculateAccounts: names no execute privilege");
    }

    [Fact]
    public void A_privilege_on_a_table_that_does_not_exist_is_reported_for_apis_and_roles()
    {
        using var copy = SolutionSourceCopy.Create();
        copy.Replace("customapis/dvr_RecalculateAccount/customapi.xml", "prvWriteAccount", "prvWritedvr_nosuchtable");
        copy.Replace("Roles/Relationship Manager.xml", "prvReaddvr_tierchange", "prvReaddvr_tierchanges");

        var findings = Validate(copy);

        AssertFinding(findings, FindingKind.MissingTable, "custom API dvr_RecalculateAccount: privilege prvWritedvr_nosuchtable names table dvr_nosuchtable");
        AssertFinding(findings, FindingKind.MissingTable, "security role 'Relationship Manager': privilege prvReaddvr_tierchanges names table dvr_tierchanges");
    }

    [Fact]
    public void A_role_id_the_code_names_must_be_the_id_of_a_role_in_the_solution()
    {
        using var copy = SolutionSourceCopy.Create();
        copy.Replace("Roles/Relationship Manager.xml", "{2d835d1f-c902-4798-b216-75d08ca7fecb}", "{2d835d1f-c902-4798-b216-75d08ca7feca}");
        copy.Replace("Other/Solution.xml", "{2d835d1f-c902-4798-b216-75d08ca7fecb}", "{2d835d1f-c902-4798-b216-75d08ca7feca}");

        var findings = Validate(copy);

        AssertFinding(findings, FindingKind.InvalidSetting, "security role id 2d835d1f-c902-4798-b216-75d08ca7fecb is named by the code but no role in Roles/ has it");
        Assert.DoesNotContain(findings, f => f.Kind == FindingKind.InvalidManifest);
    }

    [Fact]
    public void A_column_the_code_names_but_the_solution_lacks_is_reported()
    {
        using var copy = SolutionSourceCopy.Create();
        copy.Replace("Entities/Account/Entity.xml", ">dvr_churnrisk<", ">dvr_churnriskrenamed<");

        var findings = Validate(copy);

        AssertFinding(findings, FindingKind.MissingColumn, "AccountTable.ChurnRisk (account.dvr_churnrisk) is named by the code but the solution does not define it");
        AssertFinding(findings, FindingKind.UnnamedColumn, "account.dvr_churnriskrenamed");
    }

    [Fact]
    public void A_standard_column_the_code_names_must_be_a_known_standard_column()
    {
        var code = SolutionSourceCopy.Code with
        {
            Columns = [.. SolutionSourceCopy.Code.Columns, new ExpectedColumn("contact", "nosuchstandardcolumn", "ContactTable.NoSuch", null, null, null, null, null, null)],
        };
        using var copy = SolutionSourceCopy.Create();

        var findings = Validate(copy, code);

        AssertFinding(findings, FindingKind.MissingColumn, "contact.nosuchstandardcolumn) is named by the code but is not a known standard column");
    }

    [Fact]
    public void A_column_with_another_type_than_the_code_says_is_reported()
    {
        using var copy = SolutionSourceCopy.Create();
        copy.Replace("Entities/Opportunity/Entity.xml", "<attribute PhysicalName=\"dvr_SellerMargin\">\r\n          <Type>decimal</Type>",
            "<attribute PhysicalName=\"dvr_SellerMargin\">\r\n          <Type>int</Type>");

        var findings = Validate(copy);

        AssertFinding(findings, FindingKind.ColumnTypeMismatch, "OpportunityTable.SellerMargin (opportunity.dvr_sellermargin): the code says decimal, the solution defines int");
    }

    [Fact]
    public void A_date_only_column_stored_as_date_and_time_is_reported()
    {
        using var copy = SolutionSourceCopy.Create();
        copy.Replace("Entities/Account/Entity.xml", "<Format>date</Format>\r\n          <Behavior>2</Behavior>", "<Format>datetime</Format>\r\n          <Behavior>1</Behavior>");

        var findings = Validate(copy);

        AssertFinding(findings, FindingKind.ColumnTypeMismatch, "AccountTable.RelationshipSince (account.dvr_relationshipsince): the code says date only");
    }

    [Fact]
    public void A_step_whose_plugin_type_is_not_registered_in_the_assembly_is_reported()
    {
        using var copy = SolutionSourceCopy.Create();
        var step = copy.FileContaining("SdkMessageProcessingSteps", "AssessDealOnSave: Create of opportunity");
        copy.Replace(step, ElementValue(copy.Read(step), "PluginTypeId"), "0f0e0d0c-0b0a-4909-8807-060504030201");

        var findings = Validate(copy);

        AssertFinding(findings, FindingKind.MissingPluginType, "PluginTypeId 0f0e0d0c-0b0a-4909-8807-060504030201 is not a PluginType");
    }

    [Fact]
    public void A_step_whose_plugin_type_is_missing_from_the_built_assembly_is_reported()
    {
        using var copy = SolutionSourceCopy.Create();
        copy.RenamePluginType("DataverseRelationship.Plugins.Opportunities.AssessDealOnSave", "DataverseRelationship.Plugins.Opportunities.AssessDealOnSaveRenamed");

        var findings = Validate(copy);

        AssertFinding(findings, FindingKind.MissingPluginType, "plugin type DataverseRelationship.Plugins.Opportunities.AssessDealOnSaveRenamed does not exist in DataverseRelationship.Plugins");
    }

    [Theory]
    [InlineData(typeof(PluginWithoutUsableConstructor), "needs a public parameterless or (string unsecureConfig, string secureConfig) constructor")]
    [InlineData(typeof(NotAPlugin), "does not implement Microsoft.Xrm.Sdk.IPlugin")]
    public void A_step_whose_plugin_type_the_platform_cannot_instantiate_is_reported(Type pluginType, string reason)
    {
        using var copy = SolutionSourceCopy.Create();
        copy.RenamePluginType("DataverseRelationship.Plugins.Opportunities.AssessDealOnSave", pluginType.FullName!);
        var code = SolutionSourceCopy.Code with { PluginAssembly = pluginType.Assembly };

        var findings = Validate(copy, code);

        AssertFinding(findings, FindingKind.InvalidPluginType, $"plugin type {pluginType.FullName} {reason}");
    }

    [Fact]
    public void A_plugin_type_with_a_configuration_constructor_is_accepted()
    {
        using var copy = SolutionSourceCopy.Create();
        var name = typeof(PluginWithConfigurationConstructor).FullName!;
        copy.RenamePluginType("DataverseRelationship.Plugins.Opportunities.AssessDealOnSave", name);
        var code = SolutionSourceCopy.Code with { PluginAssembly = typeof(PluginWithConfigurationConstructor).Assembly };

        var findings = Validate(copy, code);

        Assert.DoesNotContain(findings, f => f.Kind == FindingKind.InvalidPluginType && f.Message.Contains(name, StringComparison.Ordinal));
        Assert.DoesNotContain(findings, f => f.Kind == FindingKind.MissingPluginType && f.Message.Contains(name, StringComparison.Ordinal));
    }

    [Fact]
    public void A_filtering_attribute_that_does_not_exist_is_reported()
    {
        using var copy = SolutionSourceCopy.Create();
        var step = copy.FileContaining("SdkMessageProcessingSteps", "ValidateTierOverride: Update of account");
        copy.Replace(step, "<FilteringAttributes>dvr_tieroverride,", "<FilteringAttributes>dvr_nosuchcolumn,dvr_tieroverride,");

        var findings = Validate(copy);

        AssertFinding(findings, FindingKind.MissingColumn, "filtering attribute account.dvr_nosuchcolumn does not exist");
    }

    [Fact]
    public void An_image_column_that_does_not_exist_is_reported()
    {
        using var copy = SolutionSourceCopy.Create();
        var step = copy.FileContaining("SdkMessageProcessingSteps", "RecountKeyContacts: Update of contact");
        copy.Replace(step, "<Attributes>parentcustomerid,accountrolecode,statecode</Attributes>", "<Attributes>parentcustomerid,accountrolecode,statecode,nosuchcolumn</Attributes>");

        var findings = Validate(copy);

        AssertFinding(findings, FindingKind.MissingColumn, "image attribute contact.nosuchcolumn does not exist");
    }

    [Fact]
    public void A_step_without_the_image_its_plugin_reads_is_reported()
    {
        using var copy = SolutionSourceCopy.Create();
        var step = copy.FileContaining("SdkMessageProcessingSteps", "ValidateTierOverride: Update of account");
        copy.Replace(step, "<EntityAlias>PreImage</EntityAlias>", "<EntityAlias>Before</EntityAlias>");

        var findings = Validate(copy);

        AssertFinding(findings, FindingKind.InvalidStep, "ValidateTierOverride reads the pre-image 'PreImage' (ValidateTierOverride.PreImageAlias) but the step does not register it");
    }

    [Fact]
    public void A_create_image_must_read_the_id_output()
    {
        using var copy = SolutionSourceCopy.Create();
        var step = copy.FileContaining("SdkMessageProcessingSteps", "RecountKeyContacts: Delete of contact");
        copy.Replace(step, "Delete of contact", "Create of contact");
        copy.Replace(step, "a1bdbb1b-ea3e-db11-86a7-000a3a5473e8", "9ebdbb1b-ea3e-db11-86a7-000a3a5473e8");

        var findings = Validate(copy);

        AssertFinding(findings, FindingKind.InvalidStep, "Create images use 'id'");
        AssertFinding(findings, FindingKind.InvalidStep, "a Create step has no pre-image");
    }

    [Fact]
    public void A_form_field_that_does_not_exist_is_reported()
    {
        using var copy = SolutionSourceCopy.Create();
        var form = copy.FileContaining("Entities", "<LocalizedName description=\"Account relationship\"");
        copy.Replace(form, "datafieldname=\"dvr_churnrisk\"", "datafieldname=\"dvr_nosuchcolumn\"");

        var findings = Validate(copy);

        AssertFinding(findings, FindingKind.MissingColumn, "form 'Account relationship': field account.dvr_nosuchcolumn does not exist");
    }

    [Fact]
    public void A_view_field_that_does_not_exist_is_reported()
    {
        using var copy = SolutionSourceCopy.Create();
        var view = copy.FileContaining("Entities", "<LocalizedName description=\"Tier changes\"");
        copy.Replace(view, "<cell name=\"dvr_reason\"", "<cell name=\"dvr_nosuchcolumn\"");

        var findings = Validate(copy);

        AssertFinding(findings, FindingKind.MissingColumn, "view 'Tier changes': column dvr_tierchange.dvr_nosuchcolumn does not exist");
    }

    [Fact]
    public void A_view_condition_on_a_value_the_choice_lacks_is_reported()
    {
        using var copy = SolutionSourceCopy.Create();
        var view = copy.FileContaining("Entities", "<LocalizedName description=\"Partners at risk\"");
        copy.Replace(view, "attribute=\"dvr_tier\" operator=\"eq\" value=\"418700002\"", "attribute=\"dvr_tier\" operator=\"eq\" value=\"418700009\"");

        var findings = Validate(copy);

        AssertFinding(findings, FindingKind.InvalidChoice, "condition dvr_tier = 418700009 is not a value of choice dvr_relationshiptier");
    }

    [Fact]
    public void A_flow_that_watches_a_missing_column_is_reported()
    {
        using var copy = SolutionSourceCopy.Create();
        var flow = copy.FileContaining("Workflows", "SubscribeWebhookTrigger", "*.json");
        copy.Replace(flow, "\"subscriptionRequest/filteringattributes\": \"dvr_tier\"", "\"subscriptionRequest/filteringattributes\": \"dvr_nosuchcolumn\"");

        var findings = Validate(copy);

        AssertFinding(findings, FindingKind.MissingColumn, "column account.dvr_nosuchcolumn does not exist");
    }

    [Fact]
    public void A_flow_that_reads_a_missing_column_of_a_listed_row_is_reported()
    {
        using var copy = SolutionSourceCopy.Create();
        var flow = copy.FileContaining("Workflows", "SubscribeWebhookTrigger", "*.json");
        copy.Replace(flow, "?['dvr_reason']", "?['dvr_nosuchreason']");

        var findings = Validate(copy);

        AssertFinding(findings, FindingKind.MissingColumn, "column dvr_tierchange.dvr_nosuchreason does not exist");
    }

    [Fact]
    public void A_flow_that_names_a_missing_table_is_reported()
    {
        using var copy = SolutionSourceCopy.Create();
        var flow = copy.FileContaining("Workflows", "SubscribeWebhookTrigger", "*.json");
        copy.Replace(flow, "\"entityName\": \"dvr_tierchanges\"", "\"entityName\": \"dvr_nosuchtables\"");

        var findings = Validate(copy);

        AssertFinding(findings, FindingKind.MissingTable, "entity set dvr_nosuchtables is not the entity set of any table");
    }

    [Fact]
    public void A_flow_that_names_a_missing_connection_reference_is_reported()
    {
        using var copy = SolutionSourceCopy.Create();
        var flow = copy.FileContaining("Workflows", "dvr_RecalculateAccounts", "*.json");
        copy.Replace(flow, "\"connectionReferenceLogicalName\": \"dvr_", "\"connectionReferenceLogicalName\": \"dvr_nosuch");

        var findings = Validate(copy);

        AssertFinding(findings, FindingKind.MissingConnectionReference, "connection reference dvr_nosuch");
    }

    [Fact]
    public void A_flow_that_reads_a_missing_custom_api_output_is_reported()
    {
        using var copy = SolutionSourceCopy.Create();
        var flow = copy.FileContaining("Workflows", "dvr_RecalculateAccounts", "*.json");
        copy.Replace(flow, "body/MoreRecords", "body/HasMore");

        var findings = Validate(copy);

        AssertFinding(findings, FindingKind.InvalidCustomApi, "dvr_RecalculateAccounts has no response property HasMore");
    }

    [Fact]
    public void A_secured_column_without_a_field_security_profile_is_reported()
    {
        using var copy = SolutionSourceCopy.Create();
        copy.Replace("Other/FieldSecurityProfiles.xml", "<AttributeName>dvr_tieroverridereason</AttributeName>", "<AttributeName>dvr_policyversion</AttributeName>");

        var findings = Validate(copy);

        AssertFinding(findings, FindingKind.InvalidSetting, "column account.dvr_tieroverridereason is IsSecured but no field security profile grants it");
        AssertFinding(findings, FindingKind.InvalidSetting, "column account.dvr_policyversion is not IsSecured");
    }

    [Fact]
    public void A_component_without_a_root_component_is_reported()
    {
        using var copy = SolutionSourceCopy.Create();
        copy.Replace("Other/Solution.xml", "<RootComponent type=\"9\" schemaName=\"dvr_priceband\" behavior=\"0\" />", "");

        var findings = Validate(copy);

        AssertFinding(findings, FindingKind.InvalidManifest, "choice dvr_priceband has no root component of type 9");
    }

    [Fact]
    public void A_column_or_plugin_type_listed_as_a_root_component_is_reported()
    {
        using var copy = SolutionSourceCopy.Create();
        copy.Replace("Other/Solution.xml", "<RootComponent type=\"9\" schemaName=\"dvr_priceband\" behavior=\"0\" />",
            "<RootComponent type=\"9\" schemaName=\"dvr_priceband\" behavior=\"0\" />"
            + "<RootComponent type=\"2\" id=\"{7d2c865e-4e9b-4297-ac64-ccc1a7a040de}\" schemaName=\"dvr_hasjointaccountplan\" behavior=\"0\" />"
            + "<RootComponent type=\"90\" id=\"{5efccf36-6e6c-4824-8883-133b430c4dd9}\" behavior=\"0\" />");

        var findings = Validate(copy);

        AssertFinding(findings, FindingKind.InvalidManifest, "root component of type 2 (column dvr_hasjointaccountplan)");
        AssertFinding(findings, FindingKind.InvalidManifest, "root component of type 90 (plugin type 5efccf36-6e6c-4824-8883-133b430c4dd9)");
    }

    [Fact]
    public void A_standard_table_the_solution_only_adds_columns_to_must_be_a_shell_root_component()
    {
        using var copy = SolutionSourceCopy.Create();
        copy.Replace("Other/Solution.xml", "<RootComponent type=\"1\" schemaName=\"opportunity\" behavior=\"2\" />", "<RootComponent type=\"1\" schemaName=\"opportunity\" behavior=\"1\" />");

        var findings = Validate(copy);

        AssertFinding(findings, FindingKind.InvalidManifest, "existing table opportunity is a shell carrying only the solution's columns (unmodified=\"1\"); its root component needs behavior 2 (shell only), not 1");
    }

    [Fact]
    public void A_yes_no_option_set_typed_bool_is_reported_with_its_file()
    {
        using var copy = SolutionSourceCopy.Create();
        copy.Replace("Entities/Account/Entity.xml", "<OptionSetType>bit</OptionSetType>", "<OptionSetType>bool</OptionSetType>");

        var findings = Validate(copy);

        Assert.Contains(findings, f => f.Kind == FindingKind.MalformedFile && f.File == "Entities/Account/Entity.xml"
            && f.Message.Contains("optionset account_dvr_hasjointaccountplan: OptionSetType 'bool' is not one of picklist, state, status, bit", StringComparison.Ordinal));
    }

    [Fact]
    public void A_field_permission_written_as_attributes_is_reported_with_its_file()
    {
        using var copy = SolutionSourceCopy.Create();
        var profiles = copy.Read("Other/FieldSecurityProfiles.xml");
        var first = Regex.Match(profiles, @"<FieldPermission>.*?</FieldPermission>", RegexOptions.Singleline).Value;
        copy.Replace("Other/FieldSecurityProfiles.xml", first,
            "<FieldPermission entityname=\"account\" attributelogicalname=\"dvr_tieroverride\" canread=\"4\" cancreate=\"4\" canupdate=\"4\" />");

        var findings = Validate(copy);

        Assert.Contains(findings, f => f.Kind == FindingKind.MalformedFile && f.File == "Other/FieldSecurityProfiles.xml"
            && f.Message.Contains("<FieldPermission> has attributes (entityname, attributelogicalname, canread, cancreate, canupdate)", StringComparison.Ordinal));
        AssertFinding(findings, FindingKind.InvalidSetting, "column account.dvr_tieroverride is IsSecured but no field security profile grants it");
    }

    [Fact]
    public void Filtering_attributes_without_columns_the_plugin_reacts_to_are_reported_naming_step_and_column()
    {
        using var copy = SolutionSourceCopy.Create();
        var step = copy.FileContaining("SdkMessageProcessingSteps", "RecalculateAccountOnDealChange: Update of opportunity");
        copy.Replace(step, ",dvr_deliveredaspromised,dvr_paymentdelaydays</FilteringAttributes>", "</FilteringAttributes>");

        var findings = Validate(copy);

        foreach (var column in new[] { "dvr_deliveredaspromised", "dvr_paymentdelaydays" })
        {
            Assert.Contains(findings, f => f.Kind == FindingKind.InvalidStep && f.File == step
                && f.Message.Contains($"step 'DataverseRelationship.Plugins.Opportunities.RecalculateAccountOnDealChange: Update of opportunity': <FilteringAttributes> lacks {column}, which RecalculateAccountOnDealChange.TriggerColumns", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_pre_image_without_a_column_the_plugin_reads_from_it_is_reported_naming_step_and_column()
    {
        using var copy = SolutionSourceCopy.Create();
        var step = copy.FileContaining("SdkMessageProcessingSteps", "ValidateTierOverride: Update of account");
        copy.Replace(step, "<Attributes>dvr_tieroverride,dvr_tieroverridereason,", "<Attributes>dvr_tieroverridereason,");

        var findings = Validate(copy);

        Assert.Contains(findings, f => f.Kind == FindingKind.InvalidStep && f.File == step
            && f.Message.Contains("image 'PreImage': <Attributes> lacks dvr_tieroverride, which ValidateTierOverride.PreImageColumns says the plugin reads", StringComparison.Ordinal));
    }

    [Fact]
    public void A_step_image_whose_id_follows_its_columns_is_reported_with_its_file()
    {
        using var copy = SolutionSourceCopy.Create();
        var step = copy.FileContaining("SdkMessageProcessingSteps", "RecalculateAccountOnDealChange: Update of opportunity");
        var text = copy.Read(step);
        var id = Regex.Match(text, @"\s*<SdkMessageProcessingStepImageId>[^<]+</SdkMessageProcessingStepImageId>").Value;
        copy.Write(step, Regex.Replace(text.Replace(id, "", StringComparison.Ordinal),
            @"(<IsCustomizable>1</IsCustomizable>)(\s*</SdkMessageProcessingStepImage>)", m => m.Groups[1].Value + id + m.Groups[2].Value));

        var findings = Validate(copy);

        Assert.Contains(findings, f => f.Kind == FindingKind.MalformedFile && f.File == step
            && f.Message.Contains("image 'PreImage': <SdkMessageProcessingStepImageId> comes after <IsCustomizable>", StringComparison.Ordinal));
    }

    [Fact]
    public void A_root_component_without_its_source_is_reported()
    {
        using var copy = SolutionSourceCopy.Create();
        var step = copy.FileContaining("SdkMessageProcessingSteps", "RecountKeyContacts: Create of contact");
        File.Delete(Path.Combine(copy.Root, step));

        var findings = Validate(copy);

        AssertFinding(findings, FindingKind.InvalidManifest, $"root component step {Path.GetFileNameWithoutExtension(step).Trim('{', '}')} (type 92) is not in the solution source");
    }
}

/// <summary>A plugin the platform cannot create: its only constructor takes an int.</summary>
public sealed class PluginWithoutUsableConstructor : Microsoft.Xrm.Sdk.IPlugin
{
    public PluginWithoutUsableConstructor(int setting) => Setting = setting;

    public int Setting { get; }

    public void Execute(IServiceProvider serviceProvider) => throw new InvalidOperationException("Never executed; only its shape is inspected.");
}

/// <summary>A class with a usable constructor that is no plugin.</summary>
public sealed class NotAPlugin
{
}

/// <summary>A plugin created with its step's unsecure and secure configuration.</summary>
public sealed class PluginWithConfigurationConstructor : Microsoft.Xrm.Sdk.IPlugin
{
    public PluginWithConfigurationConstructor(string unsecureConfig, string secureConfig) => Configuration = unsecureConfig + secureConfig;

    public string Configuration { get; }

    public void Execute(IServiceProvider serviceProvider) => throw new InvalidOperationException("Never executed; only its shape is inspected.");
}
