namespace Microsoft.Xrm.Sdk.PluginTelemetry;

/// <summary>Identifies a logged event.</summary>
public class EventId
{
    public EventId(int id, string name)
    {
        Id = id;
        Name = name;
    }

    public int Id { get; }

    public string Name { get; }
}
