using System;
using System.IO;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.Flows.Tests.Support;

/// <summary>
/// A test plugin registered after the solution's own PostOperation steps on account Update (rank 100, filtering on
/// dvr_tieroverride): it refuses the save after the rules have already written the new tier inside the transaction,
/// so the whole save, the tier write included, rolls back.
/// </summary>
public sealed class RollbackAfterRecalculation : IPlugin
{
    public const string Message = "The save is refused after the recalculation (test).";

    public void Execute(IServiceProvider serviceProvider) => throw new InvalidPluginExecutionException(Message);

    /// <summary>A copy of the solution with this plugin registered; returns the copy's folder.</summary>
    public static string SolutionWithStep()
    {
        var copy = Directory.CreateTempSubdirectory("dvr-solution-").FullName;
        foreach (var file in Directory.GetFiles(FlowWorld.SolutionFolder, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(FlowWorld.SolutionFolder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var type = typeof(RollbackAfterRecalculation);
        File.WriteAllText(Path.Combine(copy, "SdkMessageProcessingSteps", "{9d1e6c34-5e0f-4a8b-9a53-7f3c2b1d0e99}.xml"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <SdkMessageProcessingStep Name="{type.FullName}: Update of account" SdkMessageProcessingStepId="{"{"}9d1e6c34-5e0f-4a8b-9a53-7f3c2b1d0e99{"}"}">
              <SdkMessageId>20bebb1b-ea3e-db11-86a7-000a3a5473e8</SdkMessageId>
              <PluginTypeName>{type.FullName}, {type.Assembly.GetName().Name}</PluginTypeName>
              <PrimaryEntity>account</PrimaryEntity>
              <FilteringAttributes>dvr_tieroverride</FilteringAttributes>
              <Mode>0</Mode>
              <Rank>100</Rank>
              <Stage>40</Stage>
            </SdkMessageProcessingStep>
            """);
        return copy;
    }
}
