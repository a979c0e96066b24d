using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataverseRelationship.LocalDataverse.Registration;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.WebApi;

/// <summary>
/// A Custom API's request parameters from the JSON body of its action, and its response properties back to JSON,
/// each by its declared type and case-sensitive unique name
/// (https://learn.microsoft.com/power-apps/developer/data-platform/webapi/use-web-api-actions,
/// https://learn.microsoft.com/power-apps/developer/data-platform/custom-api-tables#customapirequestparameter-table).
/// </summary>
internal static class ActionParameters
{
    public static OrganizationRequest Request(CustomApiRegistration api, JsonObject body)
    {
        var request = new OrganizationRequest(api.UniqueName);
        var declared = api.RequestParameters.ToDictionary(p => p.UniqueName, StringComparer.Ordinal);
        foreach (KeyValuePair<string, JsonNode?> property in body)
        {
            if (!declared.TryGetValue(property.Key, out CustomApiParameter? field))
            {
                throw new WebApiException($"The action {api.UniqueName} has no parameter '{property.Key}' (names are case-sensitive; it declares: {string.Join(", ", declared.Keys)}).");
            }

            if (property.Value is not null)
            {
                request.Parameters[field.UniqueName] = Value(api, field, property.Value);
            }
        }

        return request;
    }

    public static void WriteResponse(OrganizationResponse response, JsonObject json)
    {
        foreach (KeyValuePair<string, object> result in response.Results)
        {
            json[result.Key] = result.Value switch
            {
                null => null,
                string s => s,
                bool b => b,
                int i => i,
                decimal d => d,
                double f => f,
                Guid g => g.ToString("D"),
                DateTime at => at.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                Money m => m.Value,
                OptionSetValue o => o.Value,
                string[] many => new JsonArray(many.Select(s => (JsonNode?)s).ToArray()),
                EntityReference r => r.Id.ToString("D"),
                _ => throw new WebApiException($"The response property {result.Key} has a type the local Web API does not write ({result.Value.GetType().Name})."),
            };
        }
    }

    private static object Value(CustomApiRegistration api, CustomApiParameter field, JsonNode node)
    {
        try
        {
            JsonValue value = node.AsValue();
            return field.Type switch
            {
                CustomApiFieldType.Boolean => value.GetValue<bool>(),
                CustomApiFieldType.Integer => value.GetValue<int>(),
                CustomApiFieldType.String => value.GetValue<string>(),
                CustomApiFieldType.Decimal => value.GetValue<decimal>(),
                CustomApiFieldType.Float => value.GetValue<double>(),
                CustomApiFieldType.Guid => Guid.Parse(value.GetValue<string>()),
                CustomApiFieldType.DateTime => DateTime.Parse(value.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal),
                CustomApiFieldType.Money => new Money(value.GetValue<decimal>()),
                CustomApiFieldType.Picklist => new OptionSetValue(value.GetValue<int>()),
                _ => throw new WebApiException($"The parameter {field.UniqueName} of {api.UniqueName} has the type {field.Type}, which the local Web API does not read."),
            };
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or JsonException)
        {
            throw new WebApiException($"The parameter {field.UniqueName} of {api.UniqueName} must be a {field.Type} (was {node.ToJsonString()}).", ex);
        }
    }
}
