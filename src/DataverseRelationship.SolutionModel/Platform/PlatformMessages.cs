using System;
using System.Collections.Generic;

namespace DataverseRelationship.SolutionModel;

/// <summary>
/// The platform messages the solution registers steps on, and the sdkmessageid of those whose id is the same in every
/// environment (Create, Update, Delete and SetState; Win and Lose are looked up per environment: pac-scripts/README.md).
/// </summary>
public static class PlatformMessages
{
    /// <summary>Message ids that are the same in every environment, and the message names they stand for.</summary>
    public static readonly IReadOnlyDictionary<Guid, string> KnownIds = new Dictionary<Guid, string>
    {
        [new Guid("9ebdbb1b-ea3e-db11-86a7-000a3a5473e8")] = "Create",
        [new Guid("20bebb1b-ea3e-db11-86a7-000a3a5473e8")] = "Update",
        [new Guid("a1bdbb1b-ea3e-db11-86a7-000a3a5473e8")] = "Delete",
        [new Guid("1cbebb1b-ea3e-db11-86a7-000a3a5473e8")] = "SetState",
    };

    /// <summary>The table messages a step can be registered on (besides the solution's custom APIs).</summary>
    public static readonly IReadOnlySet<string> TableMessages = new HashSet<string>(StringComparer.Ordinal) { "Create", "Update", "Delete", "Win", "Lose", "SetState" };

    /// <summary>
    /// The message a step registers on: from its id when the id is a known platform message, else from the Plugin
    /// Registration Tool's name convention "&lt;type&gt;: &lt;Message&gt; of &lt;table&gt;" (or "... of any Entity"); null when neither says.
    /// </summary>
    public static string? MessageOf(Guid? messageId, string stepName)
    {
        ArgumentNullException.ThrowIfNull(stepName);
        if (messageId is { } id && KnownIds.TryGetValue(id, out var known))
        {
            return known;
        }

        var colon = stepName.LastIndexOf(": ", StringComparison.Ordinal);
        if (colon < 0)
        {
            return null;
        }

        var rest = stepName[(colon + 2)..];
        var of = rest.EndsWith(" of", StringComparison.Ordinal) ? rest.Length - 3 : rest.IndexOf(" of ", StringComparison.Ordinal);
        var message = (of >= 0 ? rest[..of] : rest).Trim();
        return message.Length > 0 && !message.Contains(' ', StringComparison.Ordinal) ? message : null;
    }
}
