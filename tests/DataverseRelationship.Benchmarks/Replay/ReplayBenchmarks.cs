using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using DataverseRelationship.Benchmarks.Saves;
using DataverseRelationship.Cli.DataSets;
using DataverseRelationship.Cli.Replay;
using DataverseRelationship.Cli.Reporting;
using DataverseRelationship.Cli.Sample;

namespace DataverseRelationship.Benchmarks.Replay;

/// <summary>
/// What <c>dvrel preview</c> spends replaying: the built-in sample (36 accounts, about 2,600 opportunities, the weekly
/// scheduled recalculation and the solution's flows, as the preview runs it) and a synthetic 1,000 × 100,000 data set.
/// The data sets are built once, outside the measurement; each operation replays one into a new local Dataverse. The
/// allocation column is per replay; the process's peak memory is what <c>/usr/bin/time -v dvrel preview</c> reports.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(WholeReplays))]
public class ReplayBenchmarks
{
    private DataSet _sample = null!;
    private DataSet _synthetic = null!;
    private ReplayOptions _options = null!;

    /// <summary>A replay takes seconds: one per iteration, after one warm-up.</summary>
    public sealed class WholeReplays : ManualConfig
    {
        public WholeReplays() => AddJob(Job.Default
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(3)
            .WithInvocationCount(1)
            .WithUnrollFactor(1));
    }

    [GlobalSetup]
    public void Setup()
    {
        _sample = SampleDataSet.Create();
        _synthetic = SyntheticDataSet.Create(1_000, 100_000);
        _options = new ReplayOptions { SolutionFolder = DataverseBuild.SolutionFolder(), RunFlows = true };
    }

    [Benchmark]
    public RunReport ReplayTheSample() => Checked(RelationshipReplay.Run(_sample, _options));

    [Benchmark]
    public RunReport ReplaySyntheticThousandAccountsHundredThousandDeals() => Checked(RelationshipReplay.Run(_synthetic, _options));

    /// <summary>A replay that rejected everything would be fast and meaningless.</summary>
    private static RunReport Checked(RunReport report) =>
        report.Statistics.EventsReplayed > 0 ? report : throw new InvalidOperationException("the replay applied no event");
}
