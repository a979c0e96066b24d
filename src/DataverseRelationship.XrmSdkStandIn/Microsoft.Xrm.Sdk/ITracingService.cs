namespace Microsoft.Xrm.Sdk;

/// <summary>Writes to the plugin trace log.</summary>
public interface ITracingService
{
    void Trace(string format, params object[] args);
}
