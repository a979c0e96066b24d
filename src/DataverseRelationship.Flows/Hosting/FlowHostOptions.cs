using System;
using System.Collections.Generic;

namespace DataverseRelationship.Flows.Hosting;

/// <summary>Settings of a <see cref="FlowHost"/>.</summary>
public sealed class FlowHostOptions
{
    /// <summary>
    /// The user behind each connection reference (by logical name): the flow owner whose connection the actions use.
    /// A connection reference not listed uses the local Dataverse's default user.
    /// </summary>
    public IDictionary<string, Guid> ConnectionUsers { get; } = new Dictionary<string, Guid>(StringComparer.Ordinal);

    /// <summary>Keep every finished run in <see cref="FlowHost.Runs"/> (turn off for long replays: RunPending, RunDue and RunScheduled still return their runs).</summary>
    public bool KeepRuns { get; set; } = true;

    /// <summary>Report a flow the runner does not support in <see cref="FlowHost.Refused"/> instead of throwing (the preview's choice).</summary>
    public bool SkipUnsupportedFlows { get; set; }
}
