using System;
using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace DataverseRelationship.WebApi;

/// <summary>
/// The Prefer header preferences the local Web API honours: <c>odata.maxpagesize=N</c>
/// (https://learn.microsoft.com/power-apps/developer/data-platform/webapi/query/page-results) and
/// <c>odata.include-annotations="..."</c> naming <c>Microsoft.Dynamics.CRM.lookuplogicalname</c> or <c>*</c>
/// (https://learn.microsoft.com/power-apps/developer/data-platform/webapi/compose-http-requests-handle-errors#http-headers).
/// </summary>
internal readonly record struct Preferences(int? MaxPageSize, bool LookupAnnotations)
{
    public static Preferences Of(HttpRequest request)
    {
        int? size = null;
        bool annotations = false;
        foreach (string? header in request.Headers["Prefer"])
        {
            foreach (string part in (header ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                string[] pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
                if (pair[0] == "odata.maxpagesize" && pair.Length == 2 && int.TryParse(pair[1], NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0)
                {
                    // Larger requests are ignored: the page holds at most 5,000 rows.
                    size = Math.Min(n, LocalWebApi.MaxPageSize);
                }
                else if (pair[0] == "odata.include-annotations" && pair.Length == 2)
                {
                    string names = pair[1].Trim('"');
                    annotations = names == "*" || names.Split(',').Contains(RowJson.LookupLogicalName, StringComparer.Ordinal) || names == "Microsoft.Dynamics.CRM.*";
                }
            }
        }

        return new Preferences(size, annotations);
    }
}
