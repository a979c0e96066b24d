using System;
using DataverseRelationship.Cli.DataSets;
using DataverseRelationship.Cli.Replay;
using DataverseRelationship.WebApi;
using LocalDataverseInstance = DataverseRelationship.LocalDataverse.LocalDataverse;

namespace DataverseRelationship.Cli.WebApi;

/// <summary>
/// A stand-in environment: a data set replayed through the real plugins into a local Dataverse with the solution's
/// registrations (as preview does), its deployment's system tables filled as a complete import leaves them, behind
/// the local Web API. dvrel serve serves it; the tests run every Web API command against it.
/// </summary>
public static class LocalEnvironment
{
    /// <summary>Replays <paramref name="dataSet"/> (scheduled recalculation at the end only) and wraps the result in a local Web API.</summary>
    public static LocalWebApi Create(DataSet dataSet, string solutionFolder, IProgress<ReplayProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(dataSet);
        RelationshipReplay.Run(dataSet, new ReplayOptions { SolutionFolder = solutionFolder, RecalculateEveryDays = 0, Progress = progress }, out LocalDataverseInstance dataverse);
        return LocalWebApi.ForSolution(dataverse, solutionFolder);
    }
}
