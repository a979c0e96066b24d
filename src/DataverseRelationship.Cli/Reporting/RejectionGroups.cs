using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace DataverseRelationship.Cli.Reporting;

/// <summary>
/// Rejected events that failed for the same reason: their message with its figures written as "…" (a discount of 24.68 %
/// and one of 12 % above the same cap are one reason), how many there were, and the first few as examples.
/// </summary>
public sealed record RejectionGroup(string Reason, long Count, IReadOnlyList<RejectedEvent> Examples);

/// <summary>Tallies every rejected event of a replay into <see cref="RejectionGroup"/>s (all of them, not only the kept ones).</summary>
public sealed partial class RejectionTally
{
    /// <summary>Examples kept per reason.</summary>
    public const int ExamplesPerReason = 3;

    /// <summary>Reasons kept; later new reasons are counted in one "other" group.</summary>
    public const int MaximumReasons = 200;

    private const string OtherReason = "Other reasons (more than 200 different ones)";

    private readonly Dictionary<string, (long Count, List<RejectedEvent> Examples)> _groups = new(StringComparer.Ordinal);

    /// <summary>Counts one rejected event under its reason.</summary>
    public void Add(RejectedEvent rejection)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        string reason = Reason(rejection.Message);
        if (!_groups.ContainsKey(reason) && _groups.Count >= MaximumReasons)
        {
            reason = OtherReason;
        }

        (long count, List<RejectedEvent> examples) = _groups.TryGetValue(reason, out var group) ? group : (0, new List<RejectedEvent>());
        if (examples.Count < ExamplesPerReason)
        {
            examples.Add(rejection);
        }

        _groups[reason] = (count + 1, examples);
    }

    /// <summary>The groups, largest first (then by reason).</summary>
    public IReadOnlyList<RejectionGroup> Groups() =>
        _groups.Select(g => new RejectionGroup(g.Key, g.Value.Count, g.Value.Examples))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Reason, StringComparer.Ordinal).ToArray();

    /// <summary>The message with every figure (12, 24.68, 1,200, 5%) written as "…".</summary>
    public static string Reason(string message) => Figures().Replace(message ?? string.Empty, "…");

    // A figure is a run of digits (with thousands commas and decimals) that is not part of a word, an id or a version
    // number (2.1.0 stays: a different policy version is a different reason).
    [GeneratedRegex(@"(?<![\p{L}\p{N}_.])-?\d[\d,]*(\.\d+)?(?![\p{L}\p{N}_]|\.\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Figures();
}
