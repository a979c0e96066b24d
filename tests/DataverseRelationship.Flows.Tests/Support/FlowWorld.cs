using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DataverseRelationship.Flows.Hosting;
using DataverseRelationship.Plugins.Opportunities;
using DataverseRelationship.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using Local = DataverseRelationship.LocalDataverse;

namespace DataverseRelationship.Flows.Tests.Support;

/// <summary>
/// A local Dataverse with the real solution (tables, steps, Custom APIs) and plugins, and the solution's cloud flows
/// hosted on it: a relationship manager, a seller who owns the accounts, and the flow owner behind the connection reference.
/// </summary>
public sealed class FlowWorld : IDisposable
{
    public const string ConnectionReference = "dvr_sharedcommondataserviceforapps_relationship";

    public static readonly DateTime Start = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    public FlowWorld(string? solutionFolder = null, IEnumerable<string>? flowFiles = null, bool flowOwnerMayRecalculate = true)
    {
        var folder = solutionFolder ?? SolutionFolder;
        Dataverse = Local.LocalDataverse.FromSolution(folder, new Local.LocalDataverseOptions(), typeof(AssessDealOnSave).Assembly, typeof(FlowWorld).Assembly);
        Dataverse.SetNow(Start);
        var role = Dataverse.ReadAll(SecurityTables.Role).FirstOrDefault(r => r.GetAttributeValue<string>(SecurityTables.RoleName) == SecurityTables.RelationshipManagerRole)?.Id
            ?? Dataverse.SeedRole(SecurityTables.RelationshipManagerRole);
        RelationshipManager = Dataverse.SeedUser("Rita", "Manager");
        Dataverse.AssignRole(RelationshipManager, role);
        Seller = Dataverse.SeedUser("Sam", "Seller");
        FlowOwner = Dataverse.SeedUser("Flo", "Owner");

        // The nightly flow runs dvr_RecalculateAccounts, whose execute privilege is prvWritedvr_scoresnapshot: the
        // connection's user needs it (docs/security.md); here through a role of its own.
        Dataverse.AssignRole(FlowOwner, flowOwnerMayRecalculate
            ? Dataverse.SeedRole("Relationship automation", "prvWritedvr_scoresnapshot", "prvReadAccount", "prvWriteAccount")
            : Dataverse.SeedRole("Reader", "prvReadAccount"));
        var options = new FlowHostOptions();
        options.ConnectionUsers[ConnectionReference] = FlowOwner;
        Flows = flowFiles == null
            ? FlowHost.FromSolution(folder, Dataverse, options)
            : FlowHost.FromFiles(flowFiles, Definition.FlowDefinitionReader.ReadSolutionConnectionReferences(folder), Dataverse, options);
        Flows.Start(Start);
    }

    /// <summary>solution/src of this repository (found by walking up to DataverseRelationship.sln).</summary>
    public static string SolutionFolder
    {
        get
        {
            var folder = new DirectoryInfo(System.AppContext.BaseDirectory);
            while (folder != null && !File.Exists(Path.Combine(folder.FullName, "DataverseRelationship.sln")))
            {
                folder = folder.Parent;
            }

            return Path.Combine(folder?.FullName ?? throw new InvalidOperationException("DataverseRelationship.sln not found above " + System.AppContext.BaseDirectory), "solution", "src");
        }
    }

    /// <summary>The shipped flow files.</summary>
    public static string FollowUpFlowFile => Path.Combine(SolutionFolder, "Workflows", "RelationshiptierchangedFollowup-DCF60373-F685-4E83-BCB0-93AC8AFC7225.json");

    public static string NightlyFlowFile => Path.Combine(SolutionFolder, "Workflows", "Nightlyrelationshiprecalculation-BE2030F1-E4B3-4C5B-BEF0-30DEFD1E6A39.json");

    public Local.LocalDataverse Dataverse { get; }

    public FlowHost Flows { get; }

    public Guid RelationshipManager { get; }

    public Guid Seller { get; }

    /// <summary>The user of the flows' connection reference.</summary>
    public Guid FlowOwner { get; }

    public DateTime Now
    {
        get => Dataverse.Clock.UtcNow;
        set => Dataverse.SetNow(value);
    }

    /// <summary>An account created by the seller (so the seller owns it).</summary>
    public Guid CreateAccount(string name) => Dataverse.ServiceAs(Seller).Create(new Entity(AccountTable.LogicalName)
    {
        [AccountTable.Name] = name,
        [AccountTable.RelationshipSince] = Now.AddMonths(-36).Date,
    });

    /// <summary>The relationship manager sets a tier override (a real tier change when it differs from the account's tier).</summary>
    public void OverrideTier(Guid accountId, RelationshipTierChoice tier, string reason, double days = 30) =>
        Dataverse.ServiceAs(RelationshipManager).Update(new Entity(AccountTable.LogicalName, accountId)
        {
            [AccountTable.TierOverride] = new OptionSetValue((int)tier),
            [AccountTable.TierOverrideReason] = reason,
            [AccountTable.TierOverrideExpiresOn] = Now.AddDays(days),
        });

    public IReadOnlyList<Entity> Tasks => Dataverse.ReadAll("task");

    public int? Tier(Guid accountId) => Dataverse.Read(AccountTable.LogicalName, accountId).GetAttributeValue<OptionSetValue>(AccountTable.Tier)?.Value;

    public void Dispose() => Flows.Dispose();
}
