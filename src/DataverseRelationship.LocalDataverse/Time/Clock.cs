using System;

namespace DataverseRelationship.LocalDataverse.Time;

/// <summary>Where the local Dataverse reads "now" (createdon, modifiedon, OperationCreatedOn, relative date queries).</summary>
public interface IClock
{
    /// <summary>The current instant, in UTC.</summary>
    DateTime UtcNow { get; }
}

/// <summary>The machine clock.</summary>
public sealed class SystemClock : IClock
{
    public DateTime UtcNow => DateTime.UtcNow;
}

/// <summary>A clock that tests set and advance.</summary>
public sealed class ManualClock : IClock
{
    private DateTime _now;

    public ManualClock(DateTime utcNow) => UtcNow = utcNow;

    public DateTime UtcNow
    {
        get => _now;
        set => _now = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc);
    }

    /// <summary>Moves the clock forward.</summary>
    public void Advance(TimeSpan by) => UtcNow = _now + by;
}
