using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DataverseRelationship.Cli.DataSets.ConfigurationMigration;
using DataverseRelationship.Cli.DataSets.Csv;

namespace DataverseRelationship.Cli.DataSets;

/// <summary>Picks the loader from the path: a .zip is a Configuration Migration export; a folder or .csv files are CSV.</summary>
public static class DataSetLoader
{
    /// <summary>Loads one path or several .csv paths; throws <see cref="DataSetException"/> listing the problems.</summary>
    public static DataSet Load(IReadOnlyList<string> paths) => Load(paths, new DataSetLoadOptions());

    /// <summary>Loads with the given limits, plausible years and schema.</summary>
    public static DataSet Load(IReadOnlyList<string> paths, DataSetLoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(options);
        if (paths.Count == 0)
        {
            throw new DataSetException([new DataSetProblem("(no path)", string.Empty, "give a .zip export, a folder of CSV files or CSV files")], 1);
        }

        if (paths.All(p => p.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)))
        {
            return CsvDataSetLoader.LoadFiles(paths, null, options);
        }

        if (paths.Count > 1)
        {
            throw new DataSetException([new DataSetProblem(string.Join(", ", paths), string.Empty, "several paths must all be .csv files")], 1);
        }

        string path = paths[0];
        if (Directory.Exists(path))
        {
            return CsvDataSetLoader.LoadDirectory(path, options);
        }

        if (path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            return ConfigurationMigrationLoader.Load(path, options);
        }

        throw new DataSetException([new DataSetProblem(Path.GetFileName(path), string.Empty, "is neither a .zip export, a folder nor a .csv file")], 1);
    }
}
