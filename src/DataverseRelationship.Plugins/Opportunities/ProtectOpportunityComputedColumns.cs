using DataverseRelationship.Plugins.Infrastructure;
using DataverseRelationship.Plugins.Schema;

namespace DataverseRelationship.Plugins.Opportunities;

/// <summary>
/// opportunity, Create and Update, PreValidation (10), synchronous; Update filters on <see cref="OpportunityTable.Computed"/>,
/// with a PreImage of those columns. Runs before AssessDealOnSave (PreOperation), which sets the computed deal columns
/// on the same Target, so it sees only what the user sent.
/// Reads: the Target and the PreImage (no service call). Refuses a user's write of a computed deal column; drops one
/// that repeats the stored value.
/// </summary>
public sealed class ProtectOpportunityComputedColumns : PluginBase
{
    /// <summary>The columns whose change this type must react to: an Update step's FilteringAttributes must include them all
    /// (the solution validator reads this).</summary>
    public const string TriggerColumns = OpportunityTable.Computed;

    /// <summary>The columns this type reads from its pre-image (the solution validator reads this).</summary>
    public const string PreImageColumns = OpportunityTable.Computed;

    /// <summary>The registered image alias.</summary>
    public const string PreImageAlias = ComputedColumnGuard.PreImageAlias;

    private static readonly string[] Columns = ComputedColumnGuard.Columns(OpportunityTable.Computed);

    public ProtectOpportunityComputedColumns()
        : base(null, null)
    {
    }

    public ProtectOpportunityComputedColumns(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    protected override void ExecuteStep(ILocalPluginContext context) =>
        ComputedColumnGuard.Apply(context, Columns, _ => null);
}
