using System;
using System.Globalization;

namespace DataverseRelationship.Cli.Commands;

/// <summary>
/// An --as-of date (yyyy-MM-dd) as the instant the commands read it: 00:00 UTC of that day, so "as of 2025-01-01" holds
/// every event up to and including that instant, as backtest scores it.
/// </summary>
internal static class AsOfDate
{
    public static DateTime Parse(string text) =>
        DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out DateTime date)
            ? DateTime.SpecifyKind(date, DateTimeKind.Utc)
            : throw new BadInputException($"--as-of '{text}': give a date as yyyy-MM-dd, e.g. 2025-01-01.");
}
