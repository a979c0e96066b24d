using System;
using System.Collections.Generic;
using DataverseRelationship.LocalDataverse.Time;

namespace DataverseRelationship.LocalDataverse;

/// <summary>Settings of a <see cref="LocalDataverse"/>.</summary>
public sealed class LocalDataverseOptions
{
    /// <summary>Secure configuration by step id (SdkMessageProcessingStepId); solutions do not carry it.</summary>
    public IDictionary<Guid, string> SecureConfigurations { get; } = new Dictionary<Guid, string>();

    /// <summary>The depth past which a plugin chain is aborted as an infinite loop (platform default 8).</summary>
    public int MaxDepth { get; set; } = 8;

    /// <summary>Where "now" comes from; a <see cref="ManualClock"/> lets tests set it.</summary>
    public IClock Clock { get; set; } = new SystemClock();

    /// <summary>Keep a record of every top-level operation (turn off for bulk loads and benchmarks).</summary>
    public bool KeepOperationHistory { get; set; } = true;

    /// <summary>
    /// Store the opportunityclose activity that Win and Lose create (on by default, as Dataverse does). Turn off for
    /// replays in which nothing reads those activities: the close is still checked, only the row is not kept.
    /// </summary>
    public bool StoreCloseActivities { get; set; } = true;
}
