namespace Microsoft.Xrm.Sdk;

/// <summary>A plugin: the platform calls <see cref="Execute"/> with a provider of the execution context and services.</summary>
public interface IPlugin
{
    void Execute(System.IServiceProvider serviceProvider);
}
