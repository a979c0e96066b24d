using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using DataverseRelationship.LocalDataverse.Observability;
using DataverseRelationship.LocalDataverse.Pipeline;
using DataverseRelationship.LocalDataverse.Registration;
using DataverseRelationship.LocalDataverse.Schema;
using DataverseRelationship.LocalDataverse.Time;
using DataverseRelationship.SolutionModel;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.LocalDataverse;

/// <summary>
/// An in-memory Dataverse: tables with the solution's schema, an organization service per user and the event
/// pipeline that runs the plugins exactly as the solution registers them.
/// </summary>
/// <example>
/// <code>
/// var dataverse = LocalDataverse.FromSolution("solution/src", typeof(AssessDealOnSave).Assembly);
/// dataverse.SetNow(new DateTime(2026, 1, 15, 9, 0, 0, DateTimeKind.Utc));
/// var accountId = dataverse.Seed(new Entity("account") { ["name"] = "Contoso" });
/// var opportunityId = dataverse.Service.Create(new Entity("opportunity") { ["parentaccountid"] = new EntityReference("account", accountId) });
/// var saved = dataverse.Read("opportunity", opportunityId);
/// var trace = dataverse.LastOperation.TraceLines;
/// </code>
/// </example>
public sealed class LocalDataverse
{
    private readonly Platform _platform;

    private LocalDataverse(SchemaCatalog schema, IEnumerable<StepRegistration> steps, IReadOnlyDictionary<string, CustomApiRegistration> customApis, LocalDataverseOptions options)
    {
        Steps = steps.ToList();
        CustomApis = customApis;
        _platform = new Platform(schema, Steps, customApis, options.MaxDepth, options.Clock) { KeepHistory = options.KeepOperationHistory, StoreCloseActivities = options.StoreCloseActivities };
        _platform.Seed(new Entity("systemuser", _platform.SystemUserId) { ["firstname"] = "SYSTEM", ["lastname"] = string.Empty }, _platform.SystemUserId);
        DefaultUserId = _platform.Seed(new Entity("systemuser") { ["firstname"] = "Local", ["lastname"] = "Administrator" }, _platform.SystemUserId);
        _platform.Seed(new Entity("role", _platform.SystemAdministratorRoleId) { ["name"] = "System Administrator", ["businessunitid"] = new EntityReference("businessunit", BusinessUnitId) }, _platform.SystemUserId);
        AssignRole(DefaultUserId, _platform.SystemAdministratorRoleId);
    }

    /// <summary>A local Dataverse with the standard tables and no plugins.</summary>
    public LocalDataverse()
        : this(new LocalDataverseOptions())
    {
    }

    /// <summary>A local Dataverse with the standard tables and no plugins.</summary>
    public LocalDataverse(LocalDataverseOptions options)
        : this(SchemaCatalog.Standard(), [], new Dictionary<string, CustomApiRegistration>(), options ?? throw new ArgumentNullException(nameof(options)))
    {
    }

    /// <summary>Loads tables, steps, Custom APIs and environment variables from an unpacked solution; plugin types come from <paramref name="pluginAssemblies"/>.</summary>
    public static LocalDataverse FromSolution(string solutionFolder, params Assembly[] pluginAssemblies) =>
        FromSolution(solutionFolder, new LocalDataverseOptions(), pluginAssemblies);

    /// <inheritdoc cref="FromSolution(string, Assembly[])"/>
    public static LocalDataverse FromSolution(string solutionFolder, LocalDataverseOptions options, params Assembly[] pluginAssemblies)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(solutionFolder);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(pluginAssemblies);
        var source = SolutionReader.ReadSource(solutionFolder);
        var schema = SchemaCatalog.Of(SolutionSchema.Of(source));
        var registrations = new SolutionReader(source, schema, pluginAssemblies, new Dictionary<Guid, string>(options.SecureConfigurations)).Read();
        var dataverse = new LocalDataverse(schema, registrations.Steps, registrations.CustomApis, options);
        foreach (var definition in registrations.EnvironmentVariableDefinitions)
        {
            dataverse.Seed(definition);
        }

        foreach (var role in registrations.Roles)
        {
            dataverse.SeedSolutionRole(role);
        }

        return dataverse;
    }

    /// <summary>Tables and columns known to this instance.</summary>
    public SchemaCatalog Schema => _platform.Schema;

    /// <summary>The step registrations loaded from the solution.</summary>
    public IReadOnlyList<StepRegistration> Steps { get; }

    /// <summary>The Custom APIs loaded from the solution, by unique name.</summary>
    public IReadOnlyDictionary<string, CustomApiRegistration> CustomApis { get; }

    /// <summary>Where "now" comes from.</summary>
    public IClock Clock
    {
        get => _platform.Clock;
        set => _platform.Clock = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Sets "now" (switching to a <see cref="ManualClock"/>).</summary>
    public void SetNow(DateTime utcNow)
    {
        if (_platform.Clock is ManualClock manual)
        {
            manual.UtcNow = utcNow;
        }
        else
        {
            _platform.Clock = new ManualClock(utcNow);
        }
    }

    /// <summary>The SYSTEM user.</summary>
    public Guid SystemUserId => _platform.SystemUserId;

    /// <summary>The user <see cref="Service"/> acts as (a seeded systemuser, "Local Administrator").</summary>
    public Guid DefaultUserId { get; }

    public Guid OrganizationId => _platform.OrganizationId;

    public Guid BusinessUnitId => _platform.BusinessUnitId;

    /// <summary>The organization service as <see cref="DefaultUserId"/>.</summary>
    public IOrganizationService Service => ServiceAs(DefaultUserId);

    /// <summary>The organization service as the given user (the chain's initiating user).</summary>
    public IOrganizationService ServiceAs(Guid userId) => new LocalOrganizationService(_platform, new Caller(userId, userId, 1, Guid.NewGuid(), null, null));

    /// <summary>Runs one request as a user.</summary>
    public OrganizationResponse Execute(OrganizationRequest request, Guid? asUser = null) => ServiceAs(asUser ?? DefaultUserId).Execute(request);

    /// <summary>Writes a row without running plugins; columns are checked, platform defaults applied, provided createdon kept.</summary>
    public Guid Seed(Entity row) => _platform.Seed(row, DefaultUserId);

    /// <summary>Seeds several rows.</summary>
    public IReadOnlyList<Guid> Seed(IEnumerable<Entity> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return rows.Select(Seed).ToList();
    }

    /// <summary>Seeds a systemuser.</summary>
    public Guid SeedUser(string firstName, string lastName) =>
        Seed(new Entity("systemuser") { ["firstname"] = firstName, ["lastname"] = lastName });

    /// <summary>The System Administrator role <see cref="DefaultUserId"/> holds; it holds every privilege.</summary>
    public Guid SystemAdministratorRoleId => _platform.SystemAdministratorRoleId;

    /// <summary>Seeds a security role (a role of its own, not a copy of a solution's role), optionally with privileges at Global level.</summary>
    public Guid SeedRole(string name, params string[] privileges)
    {
        ArgumentNullException.ThrowIfNull(privileges);
        var id = Guid.NewGuid();
        Seed(new Entity("role", id) { ["name"] = name, ["businessunitid"] = new EntityReference("businessunit", BusinessUnitId), ["parentrootroleid"] = new EntityReference("role", id) });
        lock (_platform.Gate)
        {
            foreach (var privilege in privileges)
            {
                _platform.GrantPrivilege(id, privilege, Platform.DepthMask("Global"));
            }
        }

        return id;
    }

    /// <summary>
    /// Seeds the copy of a role that Dataverse makes in a child business unit: a new id, the same name and privileges,
    /// and parentrootroleid pointing at the root role.
    /// </summary>
    public Guid SeedBusinessUnitCopyOfRole(Guid rootRoleId, Guid businessUnitId)
    {
        Entity root;
        List<(string Name, int Depth)> grants;
        lock (_platform.Gate)
        {
            root = _platform.Store.Get("role", rootRoleId).ToEntity();
            var links = _platform.Store.Table("roleprivileges");
            grants = links.Lookup("roleid", rootRoleId)
                .Select(id => links.Rows[id])
                .Select(r => ((string)_platform.Store.Get("privilege", (Guid)r.GetStored("privilegeid")!).GetStored("name")!, (int)r.GetStored("privilegedepthmask")!))
                .ToList();
        }

        var copy = Guid.NewGuid();
        Seed(new Entity("role", copy) { ["name"] = root.GetAttributeValue<string>("name"), ["businessunitid"] = new EntityReference("businessunit", businessUnitId), ["parentrootroleid"] = new EntityReference("role", rootRoleId) });
        lock (_platform.Gate)
        {
            foreach (var (name, depth) in grants)
            {
                _platform.GrantPrivilege(copy, name, depth);
            }
        }

        return copy;
    }

    /// <summary>Seeds a solution's role with its own id (the root business unit's copy) and its privileges.</summary>
    private void SeedSolutionRole(RoleDefinition role)
    {
        Seed(new Entity("role", role.Id) { ["name"] = role.Name, ["businessunitid"] = new EntityReference("businessunit", BusinessUnitId), ["parentrootroleid"] = new EntityReference("role", role.Id) });
        lock (_platform.Gate)
        {
            foreach (var grant in role.Grants)
            {
                _platform.GrantPrivilege(role.Id, grant.Name, Platform.DepthMask(grant.Level));
            }
        }
    }

    /// <summary>Seeds an owner team.</summary>
    public Guid SeedTeam(string name) => Seed(new Entity("team") { ["name"] = name, ["businessunitid"] = new EntityReference("businessunit", BusinessUnitId), ["teamtype"] = new OptionSetValue(0) });

    /// <summary>Makes a user a member of a team (a teammembership row).</summary>
    public void AddTeamMember(Guid teamId, Guid userId) => SeedLink("teammembership", ("team", "teamid", teamId), ("systemuser", "systemuserid", userId));

    /// <summary>Gives a team a security role (a teamroles row): its members hold the role's privileges.</summary>
    public void AssignTeamRole(Guid teamId, Guid roleId) => SeedLink("teamroles", ("team", "teamid", teamId), ("role", "roleid", roleId));

    /// <summary>Whether a user holds a privilege, directly or through a team (SYSTEM and System Administrators hold all).</summary>
    public bool HoldsPrivilege(Guid userId, string privilegeName)
    {
        lock (_platform.Gate)
        {
            return _platform.HoldsPrivilege(userId, _platform.PrivilegeId(privilegeName));
        }
    }

    /// <summary>Gives a user a security role (a systemuserroles row).</summary>
    public void AssignRole(Guid userId, Guid roleId) => SeedLink("systemuserroles", ("systemuser", "systemuserid", userId), ("role", "roleid", roleId));

    /// <summary>Seeds an intersect row after checking that both rows it links exist.</summary>
    private void SeedLink(string intersect, (string Table, string Column, Guid Id) first, (string Table, string Column, Guid Id) second)
    {
        lock (_platform.Gate)
        {
            _platform.Store.Get(first.Table, first.Id);
            _platform.Store.Get(second.Table, second.Id);
        }

        Seed(new Entity(intersect) { [first.Column] = first.Id, [second.Column] = second.Id });
    }

    /// <summary>A copy of a row with all its columns; throws a <see cref="DataverseFaultException"/> when it does not exist.</summary>
    public Entity Read(string table, Guid id)
    {
        lock (_platform.Gate)
        {
            var metadata = Schema.GetTable(table);
            return Platform.Read(metadata, _platform.Store.Get(table, id), new Microsoft.Xrm.Sdk.Query.ColumnSet(true));
        }
    }

    /// <summary>A copy of a row, or null when it does not exist.</summary>
    public Entity? Find(string table, Guid id)
    {
        lock (_platform.Gate)
        {
            return _platform.Store.Find(table, id)?.ToEntity();
        }
    }

    /// <summary>Copies of every row of a table.</summary>
    public IReadOnlyList<Entity> ReadAll(string table)
    {
        lock (_platform.Gate)
        {
            return _platform.Store.Table(table).Rows.Values.Select(r => r.ToEntity()).ToList();
        }
    }

    /// <summary>How many rows a table holds.</summary>
    public int Count(string table)
    {
        lock (_platform.Gate)
        {
            return _platform.Store.Table(table).Rows.Count;
        }
    }

    /// <summary>Every recorded top-level operation, oldest first.</summary>
    public IReadOnlyList<OperationRecord> Operations => _platform.Operations;

    /// <summary>The most recent top-level operation.</summary>
    public OperationRecord LastOperation => _platform.Operations.Count > 0
        ? _platform.Operations[^1]
        : throw new InvalidOperationException("No operation has run yet (or KeepOperationHistory is off).");

    /// <summary>Every plugin execution recorded, oldest first.</summary>
    public IEnumerable<PluginExecution> PluginExecutions => _platform.Operations.SelectMany(o => o.PluginExecutions);

    /// <summary>Plugin executions started so far (synchronous and asynchronous), counted even when <see cref="LocalDataverseOptions.KeepOperationHistory"/> is off.</summary>
    public long PluginExecutionCount
    {
        get
        {
            lock (_platform.Gate)
            {
                return _platform.PluginExecutionCount;
            }
        }
    }

    /// <summary>Forgets the recorded operations.</summary>
    public void ClearHistory() => _platform.ClearHistory();

    /// <summary>
    /// Raised after each committed transaction with the operations it committed (nested plugin operations included);
    /// a rolled-back transaction raises nothing. Handlers run under the local Dataverse's lock: queue work, run it later.
    /// </summary>
    public event EventHandler<CommittedOperationsEventArgs>? Committed
    {
        add => _platform.Committed += value;
        remove => _platform.Committed -= value;
    }

    /// <summary>Asynchronous steps waiting to run.</summary>
    public int PendingAsyncJobs => _platform.PendingAsyncJobs;

    /// <summary>Runs every queued asynchronous step (and any they queue); failures are reported, not thrown.</summary>
    public IReadOnlyList<AsyncJobResult> DrainAsyncQueue() => _platform.DrainAsyncQueue();
}
