using DataverseRelationship.Plugins.Infrastructure;
using DataverseRelationship.Plugins.Schema;

namespace DataverseRelationship.Plugins.Accounts;

/// <summary>
/// account, Create and Update, PreValidation (10), synchronous; Update filters on <see cref="AccountTable.Computed"/>,
/// with a PreImage of those columns. Runs before every other step, so it sees only what the user sent.
/// Reads: the Target and the PreImage (no service call). Refuses a user's write of a computed column
/// ("dvr_healthscore is computed by the relationship rules and cannot be written"); drops one that repeats the
/// stored value. The rules' own SYSTEM writes pass (<see cref="RulesWrite"/>).
/// </summary>
public sealed class ProtectAccountComputedColumns : PluginBase
{
    /// <summary>The columns whose change this type must react to: an Update step's FilteringAttributes must include them all
    /// (the solution validator reads this).</summary>
    public const string TriggerColumns = AccountTable.Computed;

    /// <summary>The columns this type reads from its pre-image (the solution validator reads this).</summary>
    public const string PreImageColumns = AccountTable.Computed;

    /// <summary>The registered image alias.</summary>
    public const string PreImageAlias = ComputedColumnGuard.PreImageAlias;

    private static readonly string[] Columns = ComputedColumnGuard.Columns(AccountTable.Computed);

    public ProtectAccountComputedColumns()
        : base(null, null)
    {
    }

    public ProtectAccountComputedColumns(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    protected override void ExecuteStep(ILocalPluginContext context) =>
        ComputedColumnGuard.Apply(context, Columns, column => column == AccountTable.Tier
            ? "To set a tier by hand, set a tier override (dvr_tieroverride) with a reason and an expiry date; a Relationship Manager may do so."
            : null);
}
