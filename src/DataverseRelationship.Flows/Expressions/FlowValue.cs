using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DataverseRelationship.Flows.Expressions;

/// <summary>
/// The values expressions work on: null, <see cref="string"/>, <see cref="bool"/>, <see cref="long"/>, <see cref="double"/>,
/// arrays (<see cref="List{T}"/> of values) and objects (<see cref="Dictionary{TKey,TValue}"/> with case-insensitive keys).
/// Timestamps are ISO 8601 strings, as in the workflow definition language.
/// </summary>
public static class FlowValue
{
    /// <summary>A new, empty object value.</summary>
    public static Dictionary<string, object?> NewObject() => new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The value of a JSON node.</summary>
    public static object? FromJson(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonObject obj:
                var result = NewObject();
                foreach (var pair in obj)
                {
                    result[pair.Key] = FromJson(pair.Value);
                }

                return result;
            case JsonArray array:
                return array.Select(FromJson).ToList();
            default:
                var element = node.GetValue<JsonElement>();
                return element.ValueKind switch
                {
                    JsonValueKind.String => element.GetString(),
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    JsonValueKind.Number when element.TryGetInt64(out var whole) => whole,
                    JsonValueKind.Number => element.GetDouble(),
                    _ => null,
                };
        }
    }

    /// <summary>The text a value becomes inside "@{...}": strings as they are, null as nothing, the rest as JSON.</summary>
    public static string ToText(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        bool flag => flag ? "true" : "false",
        long whole => whole.ToString(CultureInfo.InvariantCulture),
        double real => real.ToString("R", CultureInfo.InvariantCulture),
        _ => ToJson(value),
    };

    /// <summary>The value as JSON text.</summary>
    public static string ToJson(object? value) => JsonSerializer.Serialize(ToJsonNode(value));

    /// <summary>The value as a JSON node.</summary>
    public static JsonNode? ToJsonNode(object? value) => value switch
    {
        null => null,
        string text => JsonValue.Create(text),
        bool flag => JsonValue.Create(flag),
        long whole => JsonValue.Create(whole),
        double real => JsonValue.Create(real),
        IReadOnlyList<object?> list => new JsonArray(list.Select(ToJsonNode).ToArray()),
        IDictionary<string, object?> obj => new JsonObject(obj.Select(p => new KeyValuePair<string, JsonNode?>(p.Key, ToJsonNode(p.Value)))),
        _ => JsonValue.Create(value.ToString()),
    };

    /// <summary>The name of a value's type, as error messages say it.</summary>
    public static string TypeName(object? value) => value switch
    {
        null => "Null",
        string => "String",
        bool => "Boolean",
        long => "Integer",
        double => "Float",
        IReadOnlyList<object?> => "Array",
        IDictionary<string, object?> => "Object",
        _ => value.GetType().Name,
    };

    /// <summary>A timestamp in the format the language's date functions return (ISO 8601, "o").</summary>
    public static string Timestamp(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("o", CultureInfo.InvariantCulture);

    /// <summary>Reads an ISO 8601 timestamp as UTC, or null when the text is not one.</summary>
    public static DateTime? ParseTimestamp(string? text) =>
        text != null && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value)
            ? DateTime.SpecifyKind(value, DateTimeKind.Utc)
            : null;

    /// <summary>Whether two values are equal as the equals() function compares them: numbers by value, strings ordinally, arrays and objects deeply.</summary>
    public static bool AreEqual(object? left, object? right)
    {
        if (IsNumber(left) && IsNumber(right))
        {
            return Convert.ToDouble(left, CultureInfo.InvariantCulture) == Convert.ToDouble(right, CultureInfo.InvariantCulture);
        }

        return (left, right) switch
        {
            (null, null) => true,
            (null, _) or (_, null) => false,
            (string a, string b) => string.Equals(a, b, StringComparison.Ordinal),
            (bool a, bool b) => a == b,
            (IReadOnlyList<object?> a, IReadOnlyList<object?> b) => a.Count == b.Count && a.Zip(b).All(p => AreEqual(p.First, p.Second)),
            (IDictionary<string, object?> a, IDictionary<string, object?> b) => a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var other) && AreEqual(p.Value, other)),
            _ => false,
        };
    }

    /// <summary>True for <see cref="long"/> and <see cref="double"/>.</summary>
    public static bool IsNumber(object? value) => value is long or double;
}
