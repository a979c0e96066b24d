using System;
using System.Collections.Generic;
using System.Globalization;
using DataverseRelationship.Cli.Commands;

namespace DataverseRelationship.Cli.Backtesting;

/// <summary>The as-of dates a backtest scores at, and the horizon measured after each.</summary>
public static class BacktestCalendar
{
    /// <summary>Months of history before the first default as-of date: the churn signals compare a year with the year before.</summary>
    public const int WarmUpMonths = 12;

    /// <summary>
    /// Rolling origins: the first day of the month <see cref="WarmUpMonths"/> after the data set's first event, then
    /// every <paramref name="stepMonths"/>, as long as the horizon after the date ends by the last event.
    /// </summary>
    public static IReadOnlyList<DateTime> Default(DateTime first, DateTime last, int horizonMonths, int stepMonths)
    {
        var dates = new List<DateTime>();
        DateTime start = new DateTime(first.Year, first.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(WarmUpMonths);
        for (DateTime asOf = start; asOf.AddMonths(horizonMonths) <= last; asOf = asOf.AddMonths(stepMonths))
        {
            dates.Add(asOf);
        }

        if (dates.Count == 0)
        {
            throw new BadInputException(string.Create(
                CultureInfo.InvariantCulture,
                $"the data set runs from {first:yyyy-MM-dd} to {last:yyyy-MM-dd}: a {horizonMonths}-month horizon after {WarmUpMonths} months of history needs {WarmUpMonths + horizonMonths} months of data. Give a shorter --horizon or --as-of dates."));
        }

        return dates;
    }

    /// <summary>Checks given as-of dates against the data: each needs its whole horizon inside the data set.</summary>
    public static IReadOnlyList<DateTime> Given(IReadOnlyList<DateTime> dates, DateTime first, DateTime last, int horizonMonths)
    {
        ArgumentNullException.ThrowIfNull(dates);
        var sorted = new List<DateTime>(dates.Count);
        foreach (DateTime date in dates)
        {
            DateTime asOf = DateTime.SpecifyKind(date, DateTimeKind.Utc);
            if (asOf <= first || asOf.AddMonths(horizonMonths) > last)
            {
                throw new BadInputException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"--as-of {asOf:yyyy-MM-dd}: the data set runs from {first:yyyy-MM-dd} to {last:yyyy-MM-dd}, so an as-of date must be after the first and {horizonMonths} months (the horizon) before the last."));
            }

            sorted.Add(asOf);
        }

        sorted.Sort();
        return sorted;
    }
}
