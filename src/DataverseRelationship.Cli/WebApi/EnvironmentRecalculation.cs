using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DataverseRelationship.Plugins.Schema;

namespace DataverseRelationship.Cli.WebApi;

/// <summary>What a recalculation did: accounts processed and changed, pages, time, and the token it ended on.</summary>
public sealed record RecalculationResult(long Processed, long Changed, int Pages, TimeSpan Elapsed);

/// <summary>
/// dvrel recalculate: calls the solution's unbound Custom API dvr_RecalculateAccounts page by page, passing each
/// page's NextContinuationToken to the next, until MoreRecords is false; or the bound dvr_RecalculateAccount for one
/// account (https://learn.microsoft.com/power-apps/developer/data-platform/webapi/use-web-api-actions). A run that
/// stops (an error, Ctrl+C) says the token to resume from with <c>--from-token</c>; the API is safe to rerun, so the
/// page in flight is simply recomputed again.
/// </summary>
public sealed class EnvironmentRecalculation(DataverseWebApiClient client, TextWriter progress)
{
    /// <summary>Accounts per call (the API's PageSize: 1 to 5,000).</summary>
    public int PageSize { get; init; } = 250;

    public async Task<RecalculationResult> AllAsync(string? fromToken, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        string token = fromToken ?? string.Empty;
        long processed = 0;
        long changed = 0;
        int pages = 0;
        while (true)
        {
            var body = new JsonObject { [CustomApis.PageSizeParameter] = PageSize };
            if (token.Length > 0)
            {
                body[CustomApis.ContinuationTokenParameter] = token;
            }

            JsonObject page;
            try
            {
                page = await client.PostAsync(CustomApis.RecalculateAccounts, body, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is DataverseWebApiException or OperationCanceledException or System.Net.Http.HttpRequestException)
            {
                string resume = token.Length > 0 ? $" Resume with --from-token {token}." : " Nothing was done yet; run it again.";
                throw new EnvironmentException(string.Create(CultureInfo.InvariantCulture, $"{CustomApis.RecalculateAccounts} failed after {processed:#,##0} accounts ({pages} pages): {ex.Message}.{resume}"), ex);
            }

            pages++;
            processed += Int(page, CustomApis.ProcessedParameter);
            changed += Int(page, CustomApis.ChangedParameter);
            bool more = page[CustomApis.MoreRecordsParameter]?.GetValue<bool>() ?? false;
            token = page[CustomApis.NextContinuationTokenParameter]?.GetValue<string>() ?? string.Empty;
            progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"recalculate: page {pages}: {processed:#,##0} accounts, {changed:#,##0} changed{(more ? $"; next token {token}" : string.Empty)}."));
            if (!more)
            {
                return new RecalculationResult(processed, changed, pages, clock.Elapsed);
            }

            if (token.Length == 0)
            {
                throw new EnvironmentException($"{CustomApis.RecalculateAccounts} said more records remain but returned no {CustomApis.NextContinuationTokenParameter}; stopped after page {pages}.");
            }
        }
    }

    /// <summary>Recomputes one account through the bound API; true when its stored values changed.</summary>
    public async Task<bool> OneAsync(Guid account, CancellationToken cancellationToken)
    {
        string path = $"{DataverseRelationship.WebApi.EntitySetNames.Of(AccountTable.LogicalName)}({account:D})/Microsoft.Dynamics.CRM.{CustomApis.RecalculateAccount}";
        JsonObject result = await client.PostAsync(path, [], cancellationToken).ConfigureAwait(false);
        return result[CustomApis.ChangedParameter]?.GetValue<bool>() ?? false;
    }

    private static long Int(JsonObject page, string name) =>
        page[name]?.GetValue<int>() ?? throw new EnvironmentException($"{CustomApis.RecalculateAccounts} returned no {name}; is the solution's version the one this dvrel knows?");
}
